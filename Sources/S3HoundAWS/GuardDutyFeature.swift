/// A GuardDuty protection plan and its status, e.g. `S3_DATA_EVENTS` `ENABLED`.
public struct GuardDutyFeature: Codable, Sendable, Equatable {
    /// The S3 protection feature name.
    public static let s3DataEvents = "S3_DATA_EVENTS"

    /// The feature name.
    public var name: String
    /// `ENABLED` or `DISABLED`.
    public var status: String

    /// Creates a feature setting.
    public init(name: String, status: String) {
        self.name = name
        self.status = status
    }

    /// S3 protection on or off.
    public static func s3Protection(enabled: Bool) -> GuardDutyFeature {
        GuardDutyFeature(name: s3DataEvents, status: enabled ? "ENABLED" : "DISABLED")
    }
}
