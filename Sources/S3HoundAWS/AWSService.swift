import Foundation

/// One AWS service as S3Hound calls it: its id for endpoint overrides, SigV4 signing name, and default endpoint.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
    /// The short id used for endpoint overrides and in S3Hound's settings, e.g. `logs`, `monitoring`.
    public let id: String
    /// The SDK service id; `AWS_ENDPOINT_URL_<ID>` uses it upper-cased with `_` for spaces (`CLOUDWATCH_LOGS`).
    public let sdkID: String
    /// The name in the SigV4 credential scope, e.g. `iam`, `monitoring`.
    public let signingName: String
    /// The first label of the default endpoint host, e.g. `logs` in `logs.eu-west-1.amazonaws.com`.
    public let endpointPrefix: String
    /// The prefix of API names in errors, e.g. `CloudWatchLogs` in `CloudWatchLogs.PutMetricFilter`.
    public let apiName: String
    /// Whether the service has one global endpoint signed for us-east-1 (IAM).
    public let isGlobal: Bool

    /// Describes a service.
    public init(id: String, sdkID: String, signingName: String, endpointPrefix: String? = nil, apiName: String,
                isGlobal: Bool = false) {
        self.id = id
        self.sdkID = sdkID
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix ?? signingName
        self.apiName = apiName
        self.isGlobal = isGlobal
    }

    /// The region requests are signed for: us-east-1 for global services, else the caller's region.
    public func signingRegion(for region: String) -> String { isGlobal ? "us-east-1" : region }

    /// `https://iam.amazonaws.com` for IAM, `https://<prefix>.<region>.amazonaws.com` otherwise (commercial partition).
    public func defaultEndpoint(region: String) -> URL {
        isGlobal ? URL(string: "https://\(endpointPrefix).amazonaws.com")!
            : URL(string: "https://\(endpointPrefix).\(region).amazonaws.com")!
    }

    /// The id.
    public var description: String { id }
}

extension AWSService {
    /// Amazon S3 (REST-XML).
    public static let s3 = AWSService(id: "s3", sdkID: "S3", signingName: "s3", apiName: "S3")
    /// AWS Identity and Access Management (Query, global).
    public static let iam = AWSService(id: "iam", sdkID: "IAM", signingName: "iam", apiName: "IAM", isGlobal: true)
    /// AWS Security Token Service (Query, regional endpoint).
    public static let sts = AWSService(id: "sts", sdkID: "STS", signingName: "sts", apiName: "STS")
    /// Amazon EC2 (EC2 Query).
    public static let ec2 = AWSService(id: "ec2", sdkID: "EC2", signingName: "ec2", apiName: "EC2")
    /// AWS CloudTrail (JSON 1.1).
    public static let cloudTrail = AWSService(id: "cloudtrail", sdkID: "CloudTrail", signingName: "cloudtrail",
                                              apiName: "CloudTrail")
    /// Amazon CloudWatch Logs (JSON 1.1).
    public static let cloudWatchLogs = AWSService(id: "logs", sdkID: "CloudWatch Logs", signingName: "logs",
                                                  apiName: "CloudWatchLogs")
    /// Amazon CloudWatch metrics and alarms (Query).
    public static let cloudWatch = AWSService(id: "monitoring", sdkID: "CloudWatch", signingName: "monitoring",
                                              apiName: "CloudWatch")
    /// Amazon SNS (Query).
    public static let sns = AWSService(id: "sns", sdkID: "SNS", signingName: "sns", apiName: "SNS")
    /// Amazon EventBridge (JSON 1.1).
    public static let eventBridge = AWSService(id: "events", sdkID: "EventBridge", signingName: "events",
                                               apiName: "EventBridge")
    /// Amazon GuardDuty (REST-JSON).
    public static let guardDuty = AWSService(id: "guardduty", sdkID: "GuardDuty", signingName: "guardduty",
                                             apiName: "GuardDuty")
    /// Amazon Macie (REST-JSON).
    public static let macie2 = AWSService(id: "macie2", sdkID: "Macie2", signingName: "macie2", apiName: "Macie2")

    /// Every service S3Hound calls.
    public static let all: [AWSService] = [.s3, .iam, .sts, .ec2, .cloudTrail, .cloudWatchLogs, .cloudWatch, .sns,
                                           .eventBridge, .guardDuty, .macie2]

    /// The service with this id or a common alias (`cloudwatch` → `monitoring`, `eventbridge` → `events`,
    /// `cloudwatch-logs` → `logs`, `macie` → `macie2`), ignoring case; nil when unknown.
    public static func named(_ name: String) -> AWSService? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        let aliases = ["cloudwatch": "monitoring", "eventbridge": "events", "cloudwatch-logs": "logs",
                       "cloudwatchlogs": "logs", "macie": "macie2"]
        let id = aliases[key] ?? key
        return all.first { $0.id == id }
    }
}
