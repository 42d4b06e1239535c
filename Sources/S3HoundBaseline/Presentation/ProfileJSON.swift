import Foundation
import S3HoundCore

/// A profile as JSON (`s3hound.baseline-profile.v1`): times ISO-8601, terms as lists sorted by count.
public enum ProfileJSON {
    /// Renders `profile` as pretty-printed JSON with sorted keys.
    public static func render(_ profile: PrincipalProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(profile)), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema = "s3hound.baseline-profile.v1"
        var principal: String
        var identityType: String?
        var accountId: String?
        var firstSeen: EventTime
        var lastSeen: EventTime
        var activeDays: [String]
        var sourceIPs: [Term]
        var userAgentFamilies: [Term]
        var buckets: [Term]
        var hourOfDay: [Int]
        var reads: Reads

        init(_ profile: PrincipalProfile) {
            principal = profile.principal
            identityType = profile.identityType
            accountId = profile.accountId
            firstSeen = profile.firstSeen
            lastSeen = profile.lastSeen
            activeDays = profile.activeDayIndexes.sorted().map { EventTime(secondsSinceEpoch: $0 * 86_400).dayString }
            sourceIPs = Term.list(profile.sourceIPs)
            userAgentFamilies = Term.list(profile.userAgentFamilies)
            buckets = Term.list(profile.buckets)
            hourOfDay = profile.hourOfDay
            reads = Reads(profile)
        }
    }

    struct Term: Encodable {
        var value: String
        var firstSeen: EventTime
        var lastSeen: EventTime
        var count: Int

        static func list(_ terms: [String: TermHistory]) -> [Term] {
            terms.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
                .map { Term(value: $0.key, firstSeen: $0.value.firstSeen, lastSeen: $0.value.lastSeen, count: $0.value.count) }
        }
    }

    struct Reads: Encodable {
        var hoursWithReads: Int
        var daysWithReads: Int
        var hourlyRequests: Percentiles?
        var hourlyBytes: Percentiles?
        var dailyRequests: Percentiles?
        var dailyBytes: Percentiles?

        init(_ profile: PrincipalProfile) {
            hoursWithReads = profile.hourlyReads.count
            daysWithReads = profile.dailyReads.count
            hourlyRequests = Percentiles(profile, .hourlyRequests)
            hourlyBytes = Percentiles(profile, .hourlyBytes)
            dailyRequests = Percentiles(profile, .dailyRequests)
            dailyBytes = Percentiles(profile, .dailyBytes)
        }
    }

    struct Percentiles: Encodable {
        var p50: Double
        var p95: Double
        var max: Double

        init?(_ profile: PrincipalProfile, _ measure: VolumeMeasure) {
            guard let p50 = profile.percentile(50, of: measure), let p95 = profile.percentile(95, of: measure),
                  let max = profile.percentile(100, of: measure) else { return nil }
            self.p50 = p50; self.p95 = p95; self.max = max
        }
    }
}
