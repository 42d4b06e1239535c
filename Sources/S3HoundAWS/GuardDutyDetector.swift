import Foundation

/// A GuardDuty detector's state (GetDetector), with the two ways AWS reports S3 protection.
public struct GuardDutyDetector: Sendable, Equatable {
    /// The detector id.
    public var id: String
    /// `ENABLED` or `DISABLED`.
    public var status: String
    /// `FIFTEEN_MINUTES`, `ONE_HOUR` or `SIX_HOURS`.
    public var findingPublishingFrequency: String?
    /// The legacy `dataSources.s3Logs.status`, when reported.
    public var s3LogsStatus: String?
    /// The protection plans (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`…) and their status.
    public var features: [GuardDutyFeature]

    /// Creates a detector record.
    public init(id: String, status: String, findingPublishingFrequency: String? = nil, s3LogsStatus: String? = nil,
                features: [GuardDutyFeature] = []) {
        self.id = id
        self.status = status
        self.findingPublishingFrequency = findingPublishingFrequency
        self.s3LogsStatus = s3LogsStatus
        self.features = features
    }

    /// Whether the detector runs.
    public var isEnabled: Bool { status == "ENABLED" }

    /// Whether S3 protection is on: the `S3_DATA_EVENTS` feature when features are reported, else `s3Logs`.
    public var isS3ProtectionEnabled: Bool {
        if let feature = features.first(where: { $0.name == GuardDutyFeature.s3DataEvents }) {
            return feature.status == "ENABLED"
        }
        return s3LogsStatus == "ENABLED"
    }
}
