import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (header signing and S3 query-string presigning).
public struct SigV4Signer: Sendable {
    /// What the `x-amz-content-sha256` / payload-hash line of the canonical request says about the body.
    public enum Payload: Sendable, Equatable {
        /// The SHA-256 of the request body.
        case bodySHA256
        /// The literal `UNSIGNED-PAYLOAD` (the body is not covered by the signature).
        case unsigned
        /// A hash already computed by the caller, in lowercase hex.
        case precomputed(String)
    }

    /// The SHA-256 of an empty body, in hex.
    public static let emptyPayloadSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The credentials that sign.
    public var credentials: AWSCredentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The signing name of the service, e.g. `s3`, `iam`, `sts`.
    public var service: String
    /// Whether to send and sign `x-amz-content-sha256` (S3 requires it; moto wants it on every request).
    public var sendsContentSHA256: Bool

    /// Creates a signer for one service in one region.
    public init(credentials: AWSCredentials, region: String, service: String, sendsContentSHA256: Bool = true) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.sendsContentSHA256 = sendsContentSHA256
    }

    /// Returns the request with `x-amz-date`, the payload hash, the session token and `Authorization` added.
    public func signed(_ request: HTTPRequest, at date: Date, payload: Payload = .bodySHA256) -> HTTPRequest {
        let time = SigningTime(date)
        let payloadHash = hash(of: payload, body: request.body)
        var request = request
        request.headers["x-amz-date"] = time.amzDate
        if sendsContentSHA256 { request.headers["x-amz-content-sha256"] = payloadHash }
        if let token = credentials.sessionToken { request.headers["x-amz-security-token"] = token }
        let canonical = canonicalRequest(request, payloadHash: payloadHash)
        let signature = self.signature(canonicalRequest: canonical.text, time: time)
        request.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope(time)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return request
    }

    /// A presigned URL (S3 query-string authentication) valid for `expiresIn` seconds from `date`.
    public func presignedURL(for request: HTTPRequest, at date: Date, expiresIn: Int) -> URL {
        let time = SigningTime(date)
        var request = request
        let signedHeaders = (["host"] + request.headers.keys.map { $0.lowercased() }).sorted().joined(separator: ";")
        request.query += [
            QueryParameter("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            QueryParameter("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(time))"),
            QueryParameter("X-Amz-Date", time.amzDate),
            QueryParameter("X-Amz-Expires", String(expiresIn)),
            QueryParameter("X-Amz-SignedHeaders", signedHeaders),
        ]
        if let token = credentials.sessionToken { request.query.append(QueryParameter("X-Amz-Security-Token", token)) }
        let canonical = canonicalRequest(request, payloadHash: "UNSIGNED-PAYLOAD")
        let signature = self.signature(canonicalRequest: canonical.text, time: time)
        var signedRequest = request
        signedRequest.query = canonicalQueryParameters(request.query) + [QueryParameter("X-Amz-Signature", signature)]
        return signedRequest.url
    }

    /// The canonical request text and its signed-header list, as SigV4 defines them.
    public func canonicalRequest(_ request: HTTPRequest, payloadHash: String) -> (text: String, signedHeaders: String) {
        var headers: [String: String] = ["host": request.hostHeader]
        for (name, value) in request.headers where name.lowercased() != "authorization" {
            headers[name.lowercased()] = Self.trimmedHeaderValue(value)
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0]!)\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let query = canonicalQueryParameters(request.query)
            .map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }
            .joined(separator: "&")
        let text = [request.method, canonicalURI(request.path), query, canonicalHeaders, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The path encoded once for S3, twice for every other service (as AWS specifies).
    func canonicalURI(_ path: String) -> String {
        let once = URIEncoding.encodePath(path.isEmpty ? "/" : path)
        return service == "s3" ? once : URIEncoding.encodePath(once)
    }

    /// Query parameters sorted by encoded name, then encoded value.
    private func canonicalQueryParameters(_ query: [QueryParameter]) -> [QueryParameter] {
        query.sorted {
            let left = (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
            let right = (URIEncoding.encode($1.name), URIEncoding.encode($1.value))
            return left < right
        }
    }

    /// The hex signature of a canonical request at a time.
    func signature(canonicalRequest: String, time: SigningTime) -> String {
        let stringToSign = ["AWS4-HMAC-SHA256", time.amzDate, scope(time), Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        return Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(time)))
    }

    /// The signing key: HMAC chain over date, region, service and `aws4_request`.
    func signingKey(_ time: SigningTime) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [time.dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    private func scope(_ time: SigningTime) -> String { "\(time.dateStamp)/\(region)/\(service)/aws4_request" }

    private func hash(of payload: Payload, body: Data) -> String {
        switch payload {
        case .bodySHA256: Self.hex(SHA256.hash(data: body))
        case .unsigned: "UNSIGNED-PAYLOAD"
        case .precomputed(let hash): hash
        }
    }

    /// Trims a header value and collapses runs of spaces, as the canonical form requires.
    static func trimmedHeaderValue(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lowercase hex of bytes.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

