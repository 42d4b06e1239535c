import Foundation
import Testing
import S3HoundTestSupport
@testable import S3HoundAWS

/// Every test against moto_server runs inside this suite, so one server (5–20 s to start) serves them all.
/// Signature checking is on: each request must carry a valid SigV4 signature from the test user's key.
/// Each area adds its tests in an `extension MotoTests` in its own file (MotoIAMTests.swift…).
@Suite(.serialized, .motoServer) struct MotoTests {
    /// The suite's server.
    var server: MotoServer { MotoServer.current! }
}

/// S3 objects: create, put, list in pages, get, and the errors of wrong keys.
extension MotoTests {

    @Test func createPutListInPagesAndGet() async throws {
        let s3 = server.s3Client()
        try await s3.createBucket("s3hound-trail")
        for index in 1...5 {
            try await s3.putObject(bucket: "s3hound-trail", key: "AWSLogs-111122223333-obj-\(index).json",
                                   body: Data("{\"n\":\(index)}".utf8))
        }
        try await s3.putObject(bucket: "s3hound-trail", key: "other-skip.json", body: Data("x".utf8))

        var pages: [ListObjectsV2Page] = []
        var token: String?
        repeat {
            let page = try await s3.listObjectsV2Page(bucket: "s3hound-trail", prefix: "AWSLogs", maxKeys: 2,
                                                      continuationToken: token)
            pages.append(page)
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        #expect(pages.map(\.objects.count) == [2, 2, 1])

        let all = try await s3.listObjectsV2(bucket: "s3hound-trail", prefix: "AWSLogs", maxKeys: 2)
        #expect(all.map(\.key) == (1...5).map { "AWSLogs-111122223333-obj-\($0).json" })
        #expect(all.allSatisfy { $0.size == 7 && !$0.eTag.isEmpty && !$0.eTag.contains("\"") && $0.lastModified != nil })

        let after = try await s3.listObjectsV2(bucket: "s3hound-trail", prefix: "AWSLogs",
                                               startAfter: "AWSLogs-111122223333-obj-3.json")
        #expect(after.count == 2)

        let body = try await s3.getObject(bucket: "s3hound-trail", key: "AWSLogs-111122223333-obj-4.json")
        #expect(String(decoding: body, as: UTF8.self) == "{\"n\":4}")
    }

    @Test func wrongSecretFailsWithSignatureDoesNotMatch() async throws {
        let s3 = server.s3Client(secret: "not-the-secret")
        let error = await #expect(throws: AWSError.self) { _ = try await s3.listObjectsV2(bucket: "s3hound-trail") }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.statusCode == 403)
        #expect(error?.description.contains("S3.ListObjectsV2 failed: HTTP 403 SignatureDoesNotMatch") == true)
        #expect(error?.hint?.contains("secret access key") == true)
    }

    @Test func unknownKeyFailsWithInvalidAccessKeyId() async throws {
        let s3 = server.s3Client(accessKeyId: "AKIAUNKNOWN000000000")
        let error = await #expect(throws: AWSError.self) { _ = try await s3.getObject(bucket: "s3hound-trail", key: "x") }
        #expect(error?.code == "InvalidAccessKeyId")
        #expect(error?.hint?.contains("AWS_ACCESS_KEY_ID") == true)
    }

    @Test func missingKeyIsNoSuchKey() async throws {
        let s3 = server.s3Client()
        try await s3.createBucket("s3hound-empty")
        let error = await #expect(throws: AWSError.self) { _ = try await s3.getObject(bucket: "s3hound-empty", key: "nothing.json") }
        #expect(error?.code == "NoSuchKey")
        #expect(error?.statusCode == 404)
        #expect(error?.api == "S3.GetObject")
    }
}

/// STS AssumeRole (Query protocol) against the same moto server, from a `role_arn` + `source_profile` profile.
extension MotoTests {
    @Test func roleProfileIsAssumedThroughSTS() async throws {
        let source = CredentialSource.assumeRole(profile: "auditor", roleARN: "arn:aws:iam::123456789012:role/Auditor",
                                                 sessionName: "s3hound-test", externalID: nil,
                                                 source: .profile(name: "dev", credentials: server.credentials))
        let credentials = try await source.resolve(region: "us-east-1", stsEndpoint: server.endpoint)
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(!credentials.secretAccessKey.isEmpty)
        #expect(credentials.sessionToken?.isEmpty == false)
    }

    @Test func assumeRoleWithAWrongSecretNamesTheAPI() async throws {
        let wrong = AWSCredentials(accessKeyId: server.credentials.accessKeyId, secretAccessKey: "wrong")
        let sts = STSClient(credentials: wrong, region: "us-east-1", endpoint: server.endpoint, retryPolicy: RetryPolicy(maxAttempts: 1))
        let error = await #expect(throws: AWSError.self) { _ = try await sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/R", sessionName: "s") }
        #expect(error?.api == "STS.AssumeRole")
        #expect(error?.code == "SignatureDoesNotMatch")
    }
}
