/// The story a simulation tells: weeks of ordinary work, plus (or not) one exfiltration on the last day.
public enum Scenario: String, CaseIterable, Sendable, Codable {
    /// Only the benign population: nothing should be detected.
    case benign
    /// A stolen developer key downloads thousands of objects from a Tor exit node at night.
    case bulkDownload = "bulk-download"
    /// A stolen developer key copies customer records into a bucket of a foreign account.
    case crossAccountCopy = "cross-account-copy"

    /// One sentence saying what the scenario writes.
    public var summary: String {
        switch self {
        case .benign:
            return "weeks of ordinary activity by developers, batch jobs, CI and CloudTrail itself; no attack"
        case .bulkDownload:
            return "the benign weeks, then developer-jane's key downloads 12,847 objects (~4.7 GB) from a Tor exit node at 02:47 UTC on the last day"
        case .crossAccountCopy:
            return "the benign weeks, then developer-jane's key copies 300 customer records into account 999988887777 at 03:10 UTC on the last day"
        }
    }

    /// The number of successful attack requests when the user does not choose one.
    public var defaultAttackObjects: Int {
        switch self {
        case .benign: return 0
        case .bulkDownload: return 12_847
        case .crossAccountCopy: return 300
        }
    }
}
