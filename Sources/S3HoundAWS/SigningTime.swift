import Foundation

/// The two UTC renderings of a signing instant: `20130524T000000Z` and `20130524`.
struct SigningTime: Sendable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    let amzDate: String
    /// `yyyyMMdd`.
    let dateStamp: String

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        dateStamp = String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
        amzDate = dateStamp + String(format: "T%02d%02d%02dZ", parts.hour!, parts.minute!, parts.second!)
    }
}
