/// The body of GuardDuty UpdateDetector (and CreateDetector): only the members set are sent.
///
/// S3 protection can be set two ways: `features` (`S3_DATA_EVENTS`, current) or `dataSources.s3Logs.enable`
/// (legacy). AWS rejects a request that uses both, so set one; `s3Protection(enabled:)` uses features.
public struct GuardDutyDetectorUpdate: Encodable, Sendable, Equatable {
    /// Turns the detector on or off.
    public var enable: Bool?
    /// `FIFTEEN_MINUTES`, `ONE_HOUR` or `SIX_HOURS`.
    public var findingPublishingFrequency: String?
    /// Legacy S3 protection switch (`dataSources.s3Logs.enable`).
    public var s3LogsEnabled: Bool?
    /// Protection plans to set.
    public var features: [GuardDutyFeature]?

    /// Creates an update.
    public init(enable: Bool? = nil, findingPublishingFrequency: String? = nil, s3LogsEnabled: Bool? = nil,
                features: [GuardDutyFeature]? = nil) {
        self.enable = enable
        self.findingPublishingFrequency = findingPublishingFrequency
        self.s3LogsEnabled = s3LogsEnabled
        self.features = features
    }

    /// S3 protection on or off through `features`.
    public static func s3Protection(enabled: Bool) -> GuardDutyDetectorUpdate {
        GuardDutyDetectorUpdate(features: [.s3Protection(enabled: enabled)])
    }

    /// S3 protection on or off through the legacy `dataSources.s3Logs.enable`.
    public static func legacyS3Logs(enabled: Bool) -> GuardDutyDetectorUpdate {
        GuardDutyDetectorUpdate(s3LogsEnabled: enabled)
    }

    private struct Enable: Encodable { var enable: Bool }
    private struct DataSources: Encodable { var s3Logs: Enable }

    enum CodingKeys: String, CodingKey { case enable, findingPublishingFrequency, dataSources, features }

    /// `{"enable":…, "findingPublishingFrequency":…, "dataSources":{"s3Logs":{"enable":…}}, "features":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(enable, forKey: .enable)
        try container.encodeIfPresent(findingPublishingFrequency, forKey: .findingPublishingFrequency)
        try container.encodeIfPresent(s3LogsEnabled.map { DataSources(s3Logs: Enable(enable: $0)) }, forKey: .dataSources)
        try container.encodeIfPresent(features, forKey: .features)
    }
}
