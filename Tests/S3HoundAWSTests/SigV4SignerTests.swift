import Foundation
import Testing
@testable import S3HoundAWS

/// AWS's published SigV4 examples, with their exact expected signatures.
@Suite struct SigV4SignerTests {
    /// The S3 documentation examples ("Examples: Signature Calculations in AWS Signature Version 4").
    static let s3Credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                                              secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600) // 2013-05-24T00:00:00Z
    static let s3Signer = SigV4Signer(credentials: s3Credentials, region: "us-east-1", service: "s3")

    /// The general SigV4 documentation and test suite (AKIDEXAMPLE, 2015-08-30T12:36:00Z).
    static let suiteCredentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE",
                                                 secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160) // 2015-08-30T12:36:00Z

    static func authorization(_ request: HTTPRequest) -> String { request.headers["Authorization"] ?? "" }

    @Test func s3GetObjectWithRange() {
        let request = HTTPRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                                  headers: ["Range": "bytes=0-9"])
        let signed = Self.s3Signer.signed(request, at: Self.s3Date)
        #expect(signed.headers["x-amz-content-sha256"] == SigV4Signer.emptyPayloadSHA256)
        #expect(Self.authorization(signed) == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func s3PutObjectEncodesTheKeyOnce() {
        let request = HTTPRequest(method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/test$file.text",
                                  headers: ["Date": "Fri, 24 May 2013 00:00:00 GMT",
                                            "x-amz-storage-class": "REDUCED_REDUNDANCY"],
                                  body: Data("Welcome to Amazon S3.".utf8))
        let signed = Self.s3Signer.signed(request, at: Self.s3Date)
        #expect(signed.headers["x-amz-content-sha256"] == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        #expect(Self.authorization(signed).hasSuffix("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"))
        #expect(signed.url.absoluteString == "https://examplebucket.s3.amazonaws.com/test%24file.text")
    }

    @Test func s3GetBucketLifecycle() throws {
        let request = try #require(HTTPRequest(method: "GET", url: URL(string: "https://examplebucket.s3.amazonaws.com/?lifecycle")!))
        #expect(Self.authorization(Self.s3Signer.signed(request, at: Self.s3Date)).hasSuffix("SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"))
    }

    @Test func s3ListObjectsSortsTheQuery() throws {
        let request = try #require(HTTPRequest(method: "GET", url: URL(string: "https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2")!))
        #expect(Self.authorization(Self.s3Signer.signed(request, at: Self.s3Date)).hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"))
    }

    @Test func s3PresignedURL() {
        let request = HTTPRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt")
        let url = Self.s3Signer.presignedURL(for: request, at: Self.s3Date, expiresIn: 86_400)
        #expect(url.absoluteString == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test func suiteGetVanilla() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service",
                                 sendsContentSHA256: false)
        let signed = signer.signed(HTTPRequest(method: "GET", host: "example.amazonaws.com"), at: Self.suiteDate)
        #expect(Self.authorization(signed) == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func suiteGetVanillaQueryOrderKeyCase() throws {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service",
                                 sendsContentSHA256: false)
        let request = try #require(HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/?Param2=value2&Param1=value1")!))
        #expect(Self.authorization(signer.signed(request, at: Self.suiteDate)).hasSuffix("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))
    }

    @Test func iamListUsersDocumentationExample() throws {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "iam",
                                 sendsContentSHA256: false)
        let request = try #require(HTTPRequest(method: "GET", url: URL(string: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")!,
                                               headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"]))
        let canonical = signer.canonicalRequest(request.with(header: "x-amz-date", "20150830T123600Z"),
                                                payloadHash: SigV4Signer.emptyPayloadSHA256)
        #expect(SigV4Signer.hex(SHA256Hex.digest(canonical.text)) == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        #expect(Self.authorization(signer.signed(request, at: Self.suiteDate)) == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    @Test func nonS3ServicesEncodeThePathTwice() {
        let s3 = Self.s3Signer.canonicalURI("/a b")
        let other = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
            .canonicalURI("/a b")
        #expect(s3 == "/a%20b")
        #expect(other == "/a%2520b")
    }

    @Test func sessionTokenIsSentAndSigned() {
        var credentials = Self.s3Credentials
        credentials.sessionToken = "TOKEN/with+chars"
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let signed = signer.signed(HTTPRequest(method: "GET", host: "b.s3.amazonaws.com"), at: Self.s3Date)
        #expect(signed.headers["x-amz-security-token"] == "TOKEN/with+chars")
        #expect(Self.authorization(signed).contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"))
        let url = signer.presignedURL(for: HTTPRequest(method: "GET", host: "b.s3.amazonaws.com", path: "/k"),
                                      at: Self.s3Date, expiresIn: 60)
        #expect(url.absoluteString.contains("X-Amz-Security-Token=TOKEN%2Fwith%2Bchars"))
    }

    @Test func unsignedPayload() {
        let signed = Self.s3Signer.signed(HTTPRequest(method: "PUT", host: "b.s3.amazonaws.com", path: "/k",
                                                      body: Data("x".utf8)), at: Self.s3Date, payload: .unsigned)
        #expect(signed.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
    }

    @Test func headerValuesAreTrimmedAndCollapsed() {
        #expect(SigV4Signer.trimmedHeaderValue("  a   b  c ") == "a b c")
    }
}

extension HTTPRequest {
    func with(header name: String, _ value: String) -> HTTPRequest {
        var copy = self
        copy.headers[name] = value
        return copy
    }
}
