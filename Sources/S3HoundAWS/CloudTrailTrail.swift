/// A CloudTrail trail's settings (DescribeTrails, GetTrail, CreateTrail), with AWS's JSON member names.
public struct CloudTrailTrail: Codable, Sendable, Equatable {
    /// The trail name.
    public var name: String
    /// The trail ARN.
    public var trailARN: String?
    /// The region the trail was created in.
    public var homeRegion: String?
    /// The bucket logs are delivered to.
    public var s3BucketName: String?
    /// The key prefix of delivered logs, if any.
    public var s3KeyPrefix: String?
    /// Whether the trail logs every region.
    public var isMultiRegionTrail: Bool?
    /// Whether the trail logs the whole organization.
    public var isOrganizationTrail: Bool?
    /// Whether event selectors other than the default are set.
    public var hasCustomEventSelectors: Bool?
    /// Whether digest files are written.
    public var logFileValidationEnabled: Bool?
    /// Whether IAM/STS global events are included.
    public var includeGlobalServiceEvents: Bool?
    /// The CloudWatch Logs group ARN the trail sends to, if any.
    public var cloudWatchLogsLogGroupARN: String?
    /// The KMS key encrypting the logs, if any.
    public var kmsKeyID: String?

    /// Creates a trail description.
    public init(name: String, trailARN: String? = nil, homeRegion: String? = nil, s3BucketName: String? = nil,
                s3KeyPrefix: String? = nil, isMultiRegionTrail: Bool? = nil, isOrganizationTrail: Bool? = nil,
                hasCustomEventSelectors: Bool? = nil, logFileValidationEnabled: Bool? = nil,
                includeGlobalServiceEvents: Bool? = nil, cloudWatchLogsLogGroupARN: String? = nil,
                kmsKeyID: String? = nil) {
        self.name = name
        self.trailARN = trailARN
        self.homeRegion = homeRegion
        self.s3BucketName = s3BucketName
        self.s3KeyPrefix = s3KeyPrefix
        self.isMultiRegionTrail = isMultiRegionTrail
        self.isOrganizationTrail = isOrganizationTrail
        self.hasCustomEventSelectors = hasCustomEventSelectors
        self.logFileValidationEnabled = logFileValidationEnabled
        self.includeGlobalServiceEvents = includeGlobalServiceEvents
        self.cloudWatchLogsLogGroupARN = cloudWatchLogsLogGroupARN
        self.kmsKeyID = kmsKeyID
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", trailARN = "TrailARN", homeRegion = "HomeRegion", s3BucketName = "S3BucketName"
        case s3KeyPrefix = "S3KeyPrefix", isMultiRegionTrail = "IsMultiRegionTrail"
        case isOrganizationTrail = "IsOrganizationTrail", hasCustomEventSelectors = "HasCustomEventSelectors"
        case logFileValidationEnabled = "LogFileValidationEnabled"
        case includeGlobalServiceEvents = "IncludeGlobalServiceEvents"
        case cloudWatchLogsLogGroupARN = "CloudWatchLogsLogGroupArn", kmsKeyID = "KmsKeyId"
    }
}
