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
