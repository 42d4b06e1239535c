import Foundation
import Testing
@testable import S3HoundAWS

/// Addressing, pagination and XML parsing, without a server.
@Suite struct S3ClientTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")

    @Test func virtualHostedWithoutAnEndpointOverride() {
        let client = S3Client(credentials: Self.credentials, region: "eu-west-1")
        let request = client.request("GET", bucket: "trail-logs", key: "AWSLogs/1/x.json.gz")
        #expect(request.url.absoluteString == "https://trail-logs.s3.eu-west-1.amazonaws.com/AWSLogs/1/x.json.gz")
    }

    @Test func pathStyleWithAnEndpointOverride() {
        let client = S3Client(credentials: Self.credentials, region: "us-east-1", endpoint: URL(string: "http://127.0.0.1:5000")!)
        let request = client.request("GET", bucket: "b", key: "a b/c", query: [QueryParameter("list-type", "2")])
        #expect(request.url.absoluteString == "http://127.0.0.1:5000/b/a%20b/c?list-type=2")
        #expect(request.hostHeader == "127.0.0.1:5000")
    }

    @Test func listFollowsContinuationTokens() async throws {
        let page1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><IsTruncated>true</IsTruncated>
        <Contents><Key>a.json</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>12</Size>
        <Owner><ID>o</ID></Owner><StorageClass>STANDARD</StorageClass></Contents>
        <NextContinuationToken>tok/1+=</NextContinuationToken></ListBucketResult>
        """
        let page2 = """
        <ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>b.json</Key><Size>3</Size><ETag>"d"</ETag>
        <LastModified>2026-01-02T03:04:05Z</LastModified></Contents></ListBucketResult>
        """
        let transport = InMemoryTransport([HTTPResponse(statusCode: 200, body: Data(page1.utf8)),
                                           HTTPResponse(statusCode: 200, body: Data(page2.utf8))])
        let client = S3Client(credentials: Self.credentials, region: "us-east-1", transport: transport)
        let objects = try await client.listObjectsV2(bucket: "b", prefix: "AWSLogs/", maxKeys: 1)
        #expect(objects.map(\.key) == ["a.json", "b.json"])
        #expect(objects[0] == S3Object(key: "a.json", size: 12, lastModified: Date(timeIntervalSince1970: 1_767_323_045), eTag: "abc"))
        #expect(objects[1].lastModified == Date(timeIntervalSince1970: 1_767_323_045))
        let second = await transport.requests[1]
        #expect(second.query.contains(QueryParameter("continuation-token", "tok/1+=")))
        #expect(second.query.contains(QueryParameter("prefix", "AWSLogs/")))
        #expect(second.url.absoluteString.contains("continuation-token=tok%2F1%2B%3D"))
    }

    @Test func listLevelSendsTheDelimiterAndReadsCommonPrefixesOverPages() async throws {
        let first = """
            <ListBucketResult><Name>logs</Name><Prefix>AWSLogs/1/CloudTrail/</Prefix><Delimiter>/</Delimiter>\
            <Contents><Key>AWSLogs/1/CloudTrail/stray.json.gz</Key><Size>7</Size></Contents>\
            <CommonPrefixes><Prefix>AWSLogs/1/CloudTrail/eu-west-1/</Prefix></CommonPrefixes>\
            <IsTruncated>true</IsTruncated><NextContinuationToken>t2</NextContinuationToken></ListBucketResult>
            """
        let second = """
            <ListBucketResult><Prefix>AWSLogs/1/CloudTrail/</Prefix>\
            <CommonPrefixes><Prefix>AWSLogs/1/CloudTrail/us-east-1/</Prefix></CommonPrefixes>\
            <IsTruncated>false</IsTruncated></ListBucketResult>
            """
        let transport = InMemoryTransport([HTTPResponse(statusCode: 200, body: Data(first.utf8)),
                                           HTTPResponse(statusCode: 200, body: Data(second.utf8))])
        let client = S3Client(credentials: AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "s"),
                              region: "us-east-1", transport: transport)
        let level = try await client.listLevel(bucket: "logs", prefix: "AWSLogs/1/CloudTrail/")
        #expect(level.objects.map(\.key) == ["AWSLogs/1/CloudTrail/stray.json.gz"])
        #expect(level.folders == ["AWSLogs/1/CloudTrail/eu-west-1/", "AWSLogs/1/CloudTrail/us-east-1/"])
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.query.contains(QueryParameter("delimiter", "/")) })
        #expect(requests[1].query.contains(QueryParameter("continuation-token", "t2")))
    }

    @Test func malformedListingIsAnError() {
        #expect(throws: AWSError.self) { try ListObjectsV2Page(xml: Data("<ListBucketResult><Contents></Oops></ListBucketResult>".utf8)) }
    }

    @Test func credentialsNeverPrintTheSecret() {
        let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "tok")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("wJalrX"))
            #expect(!text.contains("AKIAIOSFODNN7EXAMPLE"))
        }
        #expect(credentials.description == "AWSCredentials(AKIA…MPLE, session token)")
    }
}
