import Foundation
import Testing
@testable import S3HoundAWS

/// Endpoints, signing names and regions of every client, and resolution from an environment.
@Suite struct AWSClientFactoryTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG")

    @Test(arguments: [
        (AWSService.iam, "https://iam.amazonaws.com", "us-east-1/iam"),
        (.sts, "https://sts.eu-west-1.amazonaws.com", "eu-west-1/sts"),
        (.ec2, "https://ec2.eu-west-1.amazonaws.com", "eu-west-1/ec2"),
        (.cloudTrail, "https://cloudtrail.eu-west-1.amazonaws.com", "eu-west-1/cloudtrail"),
        (.cloudWatchLogs, "https://logs.eu-west-1.amazonaws.com", "eu-west-1/logs"),
        (.cloudWatch, "https://monitoring.eu-west-1.amazonaws.com", "eu-west-1/monitoring"),
        (.sns, "https://sns.eu-west-1.amazonaws.com", "eu-west-1/sns"),
        (.eventBridge, "https://events.eu-west-1.amazonaws.com", "eu-west-1/events"),
        (.guardDuty, "https://guardduty.eu-west-1.amazonaws.com", "eu-west-1/guardduty"),
        (.macie2, "https://macie2.eu-west-1.amazonaws.com", "eu-west-1/macie2"),
    ] as [(AWSService, String, String)])
    func defaultEndpointAndCredentialScope(service: AWSService, endpoint: String, scope: String) async throws {
        #expect(service.defaultEndpoint(region: "eu-west-1").absoluteString == endpoint)
        let transport = InMemoryTransport([])
        let aws = AWSClientFactory(credentials: Self.credentials, region: "eu-west-1", transport: transport,
                                   retryPolicy: RetryPolicy(maxAttempts: 1))
        _ = try? await Self.call(service, aws)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString.hasPrefix(endpoint + "/"))
        #expect(request.headers["Authorization"]?.contains("/\(scope)/aws4_request") == true)
    }

    /// One cheap call per service.
    static func call(_ service: AWSService, _ aws: AWSClientFactory) async throws {
        switch service {
        case .iam: _ = try await aws.iam().getUser()
        case .sts: _ = try await aws.sts().getCallerIdentity()
        case .ec2: _ = try await aws.ec2().describeVpcEndpoints()
        case .cloudTrail: _ = try await aws.cloudTrail().describeTrails()
        case .cloudWatchLogs: _ = try await aws.cloudWatchLogs().describeMetricFilters()
        case .cloudWatch: _ = try await aws.cloudWatch().describeAlarms()
        case .sns: _ = try await aws.sns().listTopics()
        case .eventBridge: _ = try await aws.eventBridge().describeRule(name: "r")
        case .guardDuty: _ = try await aws.guardDuty().listDetectors()
        case .macie2: _ = try await aws.macie2().listFindings()
        default: _ = try await aws.s3().getBucketPolicy(bucket: "b")
        }
    }

    @Test func resolvesRegionKeysAndPerServiceEndpointsFromTheEnvironment() async throws {
        let resolver = CredentialResolver(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENVIRONMENT00000", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_REGION": "ap-south-1",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://127.0.0.1:1001",
        ], homeDirectory: "/nonexistent")
        let aws = try await AWSClientFactory.resolve(resolver, endpointOverrides: [.guardDuty: URL(string: "http://127.0.0.1:1002")!])
        #expect(aws.region == "ap-south-1")
        #expect(aws.credentials.accessKeyId == "AKIAENVIRONMENT00000")
        #expect(aws.endpoint(for: .cloudWatchLogs).absoluteString == "http://127.0.0.1:1001")
        #expect(aws.endpoint(for: .guardDuty).absoluteString == "http://127.0.0.1:1002")
        #expect(aws.endpoint(for: .iam).absoluteString == "http://127.0.0.1:4566")
        #expect(!aws.description.contains("envsecret"))
        #expect(!aws.description.contains("AKIAENVIRONMENT00000"))
        #expect(aws.description.contains("logs=http://127.0.0.1:1001"))
    }

    @Test func noRegionSaysWhatToSet() async throws {
        let resolver = CredentialResolver(environment: ["AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "s"],
                                          homeDirectory: "/nonexistent")
        let error = await #expect(throws: AWSConfigurationError.self) { _ = try await AWSClientFactory.resolve(resolver) }
        #expect(error?.message.hasPrefix("no AWS region: set AWS_REGION") == true)
    }

    @Test func servicesAreFoundByIdOrAlias() {
        #expect(AWSService.named("cloudwatch") == .cloudWatch)
        #expect(AWSService.named("monitoring") == .cloudWatch)
        #expect(AWSService.named("EventBridge") == .eventBridge)
        #expect(AWSService.named("CloudWatch Logs") == .cloudWatchLogs)
        #expect(AWSService.named("macie") == .macie2)
        #expect(AWSService.named("s3") == .s3)
        #expect(AWSService.named("dynamodb") == nil)
    }
}
