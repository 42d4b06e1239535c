import Foundation
import Testing
@testable import S3HoundAWS

/// Retries on throttling and 5xx. moto cannot inject throttling, so the 503s come from an in-memory transport.
@Suite struct RetryTests {
    static let fast = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))
    static let slowDown = HTTPResponse(statusCode: 503, body: Data("""
        <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>
        """.utf8))
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")

    @Test func slowDownTwiceThenSuccessIsRetried() async throws {
        let transport = InMemoryTransport([Self.slowDown, Self.slowDown, HTTPResponse(statusCode: 200, body: Data("hello".utf8))])
        let client = S3Client(credentials: Self.credentials, region: "us-east-1", transport: transport, retryPolicy: Self.fast)
        let data = try await client.getObject(bucket: "bucket", key: "k")
        #expect(String(decoding: data, as: UTF8.self) == "hello")
        let requests = await transport.requests
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.headers["Authorization"] != nil })
    }

    @Test func retriesStopAtMaxAttemptsWithTheAWSError() async throws {
        let transport = InMemoryTransport([Self.slowDown, Self.slowDown, Self.slowDown, HTTPResponse(statusCode: 200)])
        let client = S3Client(credentials: Self.credentials, region: "us-east-1", transport: transport, retryPolicy: Self.fast)
        let error = await #expect(throws: AWSError.self) { _ = try await client.getObject(bucket: "bucket", key: "k") }
        #expect(error?.code == "SlowDown")
        #expect(error?.statusCode == 503)
        #expect(error?.requestID == "R1")
        #expect(await transport.requests.count == 3)
    }

    @Test func accessDeniedIsNotRetriedAndNamesThePermission() async throws {
        let denied = HTTPResponse(statusCode: 403, body: Data("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>".utf8))
        let transport = InMemoryTransport([denied, HTTPResponse(statusCode: 200)])
        let client = S3Client(credentials: Self.credentials, region: "us-east-1", transport: transport, retryPolicy: Self.fast)
        let error = await #expect(throws: AWSError.self) { _ = try await client.listObjectsV2(bucket: "logs") }
        #expect(await transport.requests.count == 1)
        #expect(error?.description.hasPrefix("S3.ListObjectsV2 failed: HTTP 403 AccessDenied: Access Denied. Fix: grant `s3:ListBucket on arn:aws:s3:::logs`") == true)
    }

    @Test(arguments: [(429, nil), (500, nil), (503, "SlowDown"), (400, "Throttling"), (400, "ThrottlingException"),
                      (400, "RequestLimitExceeded")] as [(Int, String?)])
    func retryable(status: Int, code: String?) {
        #expect(RetryPolicy.standard.isRetryable(statusCode: status, code: code))
    }

    @Test(arguments: [(400, "InvalidArgument"), (403, "AccessDenied"), (404, "NoSuchKey")] as [(Int, String?)])
    func notRetryable(status: Int, code: String?) {
        #expect(!RetryPolicy.standard.isRetryable(statusCode: status, code: code))
    }

    @Test func fullJitterStaysUnderTheExponentialCeiling() {
        let policy = RetryPolicy.standard
        #expect(policy.delay(beforeRetry: 1, random: 1) == .seconds(1))
        #expect(policy.delay(beforeRetry: 3, random: 1) == .seconds(4))
        #expect(policy.delay(beforeRetry: 3, random: 0.5) == .seconds(2))
        #expect(policy.delay(beforeRetry: 10, random: 1) == .seconds(20))
        #expect(policy.delay(beforeRetry: 2, random: 0) == .zero)
    }
}

/// Every protocol goes through `SignedRequestSender`, so each one's throttling answer is retried.
extension RetryTests {
    static let json11Throttle = HTTPResponse(statusCode: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
                                             body: Data(#"{"__type":"com.amazonaws.cloudtrail.v20131101#ThrottlingException","message":"Rate exceeded"}"#.utf8))

    @Test func jsonThrottlingExceptionIsRetried() async throws {
        let transport = InMemoryTransport([Self.json11Throttle,
                                           HTTPResponse(statusCode: 200, body: Data(#"{"trailList":[{"Name":"main"}]}"#.utf8))])
        let client = CloudTrailClient(credentials: Self.credentials, region: "eu-west-1", transport: transport, retryPolicy: Self.fast)
        #expect(try await client.describeTrails().map(\.name) == ["main"])
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.header("X-Amz-Target") == "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails" })
        #expect(requests[0].url.absoluteString == "https://cloudtrail.eu-west-1.amazonaws.com/")
    }

    @Test func jsonThrottlingKeepsItsCodeWhenRetriesRunOut() async throws {
        let transport = InMemoryTransport(Array(repeating: Self.json11Throttle, count: 3))
        let client = CloudWatchLogsClient(credentials: Self.credentials, region: "eu-west-1", transport: transport, retryPolicy: Self.fast)
        let error = await #expect(throws: AWSError.self) { _ = try await client.describeMetricFilters() }
        #expect(error?.code == "ThrottlingException")
        #expect(error?.api == "CloudWatchLogs.DescribeMetricFilters")
        #expect(error?.hint?.contains("after retries") == true)
    }

    @Test func queryThrottlingIsRetried() async throws {
        let throttled = HTTPResponse(statusCode: 400, body: Data("""
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>Throttling</Code>\
            <Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
            """.utf8))
        let success = HTTPResponse(statusCode: 200, body: Data("""
            <GetUserResponse><GetUserResult><User><UserName>alice</UserName><UserId>AIDA1</UserId>\
            <Arn>arn:aws:iam::111122223333:user/alice</Arn><CreateDate>2026-01-02T03:04:05Z</CreateDate></User>\
            </GetUserResult></GetUserResponse>
            """.utf8))
        let transport = InMemoryTransport([throttled, success])
        let client = IAMClient(credentials: Self.credentials, transport: transport, retryPolicy: Self.fast)
        let user = try await client.getUser()
        #expect(user == IAMUser(userName: "alice", userID: "AIDA1", arn: "arn:aws:iam::111122223333:user/alice",
                                createDate: Date(timeIntervalSince1970: 1_767_323_045)))
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(requests[0].url.absoluteString == "https://iam.amazonaws.com/")
        #expect(String(decoding: requests[0].body, as: UTF8.self) == "Action=GetUser&Version=2010-05-08")
        #expect(requests[0].headers["Authorization"]?.contains("/us-east-1/iam/aws4_request") == true)
    }

    @Test func ec2RequestLimitExceededIsRetried() async throws {
        let limited = HTTPResponse(statusCode: 503, body: Data("""
            <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>\
            <RequestID>ec2-r</RequestID></Response>
            """.utf8))
        let transport = InMemoryTransport([limited, HTTPResponse(statusCode: 200, body: Data("<DescribeVpcEndpointsResponse><vpcEndpointSet/></DescribeVpcEndpointsResponse>".utf8))])
        let client = EC2Client(credentials: Self.credentials, region: "eu-west-1", transport: transport, retryPolicy: Self.fast)
        #expect(try await client.describeVpcEndpoints().isEmpty)
        #expect(await transport.requests.count == 2)
    }

    @Test func restJSONTooManyRequestsIsRetried() async throws {
        let tooMany = HTTPResponse(statusCode: 429, headers: ["x-amzn-ErrorType": "TooManyRequestsException"],
                                   body: Data(#"{"message":"Rate exceeded"}"#.utf8))
        let transport = InMemoryTransport([tooMany, HTTPResponse(statusCode: 200, body: Data(#"{"detectorIds":["d1"]}"#.utf8))])
        let client = GuardDutyClient(credentials: Self.credentials, region: "eu-west-1", transport: transport, retryPolicy: Self.fast)
        #expect(try await client.listDetectors() == ["d1"])
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(requests[0].url.absoluteString == "https://guardduty.eu-west-1.amazonaws.com/detector?maxResults=50")
    }
}
