import Foundation
import S3HoundCore

/// The two UTC renderings of a signing instant: `20130524T000000Z` and `20130524`.
struct SigningTime: Sendable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    let amzDate: String
    /// `yyyyMMdd`.
    let dateStamp: String

    init(_ date: Date) {
        // `2013-05-24T00:00:00Z` (whole seconds, so no fraction) without its separators.
        let iso = EventTime(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down))).iso8601
        amzDate = String(iso.filter { $0 != "-" && $0 != ":" })
        dateStamp = String(amzDate.prefix(8))
    }
}
