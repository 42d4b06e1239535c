import Foundation

/// Builds every AWS client S3Hound uses from one set of credentials, one region and per-service endpoints.
///
/// ```swift
/// let aws = try await AWSClientFactory.resolve(CredentialResolver(profile: "prod"))
/// let owner = try await aws.iam().getAccessKeyLastUsed(accessKeyID: "AKIA…").userName
/// try await aws.iam().updateAccessKey(accessKeyID: "AKIA…", status: .inactive, userName: owner)
/// ```
///
/// Endpoints: an override for the service when given (explicitly, or `AWS_ENDPOINT_URL_<SDK ID>` /
/// `AWS_ENDPOINT_URL` through `resolve`), else `https://iam.amazonaws.com` signed for us-east-1 for IAM and
/// `https://<service>.<region>.amazonaws.com` for the others (S3 uses virtual-hosted bucket URLs). Its
/// description masks the access key and never shows the secret.
public struct AWSClientFactory: Sendable, CustomStringConvertible {
    /// The credentials every client signs with.
    public let credentials: AWSCredentials
    /// The region calls go to (IAM is global whatever it is).
    public let region: String
    /// Endpoint overrides by service.
    public let endpointOverrides: [AWSService: URL]
    /// The HTTP transport every client shares.
    public let transport: any HTTPTransport
    /// The retry policy every client uses.
    public let retryPolicy: RetryPolicy

    /// Creates a factory from resolved parts.
    public init(credentials: AWSCredentials, region: String, endpointOverrides: [AWSService: URL] = [:],
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        self.credentials = credentials
        self.region = region
        self.endpointOverrides = endpointOverrides
        self.transport = transport
        self.retryPolicy = retryPolicy
    }

    /// Resolves credentials, region and endpoint overrides like the AWS CLI (assuming a `role_arn` profile's role
    /// through STS); `region` and `endpointOverrides` given here win over the environment and profile.
    public static func resolve(_ resolver: CredentialResolver = CredentialResolver(), region: String? = nil,
                               endpointOverrides: [AWSService: URL] = [:],
                               transport: any HTTPTransport = CurlTransport(),
                               retryPolicy: RetryPolicy = .standard) async throws -> AWSClientFactory {
        guard let region = try region ?? resolver.resolveRegion() else {
            throw AWSConfigurationError("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), pass --region, or add `region = …` to profile '\(resolver.profileName)' in \(resolver.configFilePath)")
        }
        var overrides: [AWSService: URL] = [:]
        for service in AWSService.all {
            if let url = endpointOverrides[service] ?? resolver.endpointOverride(forService: service.sdkID) {
                overrides[service] = url
            }
        }
        let source = try resolver.resolveCredentialSource()
        let credentials = try await source.resolve(region: region, stsEndpoint: overrides[.sts], transport: transport)
        return AWSClientFactory(credentials: credentials, region: region, endpointOverrides: overrides,
                                transport: transport, retryPolicy: retryPolicy)
    }

    /// The endpoint requests to `service` go to.
    public func endpoint(for service: AWSService) -> URL {
        endpointOverrides[service] ?? service.defaultEndpoint(region: region)
    }

    /// Amazon S3 (path-style URLs when an endpoint override is set).
    public func s3() -> S3Client {
        S3Client(credentials: credentials, region: region, endpoint: endpointOverrides[.s3], transport: transport,
                 retryPolicy: retryPolicy)
    }

    /// AWS IAM (global).
    public func iam() -> IAMClient {
        IAMClient(credentials: credentials, region: region, endpoint: endpointOverrides[.iam], transport: transport,
                  retryPolicy: retryPolicy)
    }

    /// AWS STS.
    public func sts() -> STSClient {
        STSClient(credentials: credentials, region: region, endpoint: endpointOverrides[.sts], transport: transport,
                  retryPolicy: retryPolicy)
    }

    /// Amazon EC2 (VPC endpoints).
    public func ec2() -> EC2Client {
        EC2Client(credentials: credentials, region: region, endpoint: endpointOverrides[.ec2], transport: transport,
                  retryPolicy: retryPolicy)
    }

    /// AWS CloudTrail.
    public func cloudTrail() -> CloudTrailClient {
        CloudTrailClient(credentials: credentials, region: region, endpoint: endpointOverrides[.cloudTrail],
                         transport: transport, retryPolicy: retryPolicy)
    }

    /// Amazon CloudWatch Logs.
    public func cloudWatchLogs() -> CloudWatchLogsClient {
        CloudWatchLogsClient(credentials: credentials, region: region, endpoint: endpointOverrides[.cloudWatchLogs],
                             transport: transport, retryPolicy: retryPolicy)
    }

    /// Amazon CloudWatch (alarms).
    public func cloudWatch() -> CloudWatchClient {
        CloudWatchClient(credentials: credentials, region: region, endpoint: endpointOverrides[.cloudWatch],
                         transport: transport, retryPolicy: retryPolicy)
    }

    /// Amazon SNS.
    public func sns() -> SNSClient {
        SNSClient(credentials: credentials, region: region, endpoint: endpointOverrides[.sns], transport: transport,
                  retryPolicy: retryPolicy)
    }

    /// Amazon EventBridge.
    public func eventBridge() -> EventBridgeClient {
        EventBridgeClient(credentials: credentials, region: region, endpoint: endpointOverrides[.eventBridge],
                          transport: transport, retryPolicy: retryPolicy)
    }

    /// Amazon GuardDuty.
    public func guardDuty() -> GuardDutyClient {
        GuardDutyClient(credentials: credentials, region: region, endpoint: endpointOverrides[.guardDuty],
                        transport: transport, retryPolicy: retryPolicy)
    }

    /// Amazon Macie.
    public func macie2() -> Macie2Client {
        Macie2Client(credentials: credentials, region: region, endpoint: endpointOverrides[.macie2],
                     transport: transport, retryPolicy: retryPolicy)
    }

    /// The masked key, the region and the overrides; never the secret.
    public var description: String {
        let overrides = endpointOverrides.sorted { $0.key.id < $1.key.id }
            .map { "\($0.key.id)=\($0.value.absoluteString)" }.joined(separator: ", ")
        return "AWSClientFactory(\(credentials), region \(region)\(overrides.isEmpty ? "" : ", endpoints: \(overrides)"))"
    }
}
