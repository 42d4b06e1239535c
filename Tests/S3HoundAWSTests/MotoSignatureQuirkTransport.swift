import Foundation
@testable import S3HoundAWS

/// Re-signs S3 requests the way moto_server 5.2.1 (werkzeug 3) checks them, so tests can use keys and prefixes
/// with `/`, `$`, `:`… against it. Production code never uses this.
///
/// The quirk (getmoto/moto#5948, fix proposed in #5949, not in 5.2.1): moto rebuilds the URL from werkzeug's
/// `request.url`, which runs `uri_to_iri` and so *decodes* every `%XX` except controls, space, `%`, DEL and (in
/// the query) `&=+#` / (in the path) `/?#`; botocore's `S3SigV4Auth` then uses that path and query as the
/// canonical URI and query string without re-encoding. AWS canonicalises with `/` → `%2F` in query values and
/// `$` → `%24` in keys, so the two canonical requests differ and moto answers `SignatureDoesNotMatch` whenever a
/// query value (prefix, delimiter, continuation token, start-after) or an object key contains one of the decoded
/// characters. No single signature satisfies both, so the signer stays AWS-correct and tests that need such
/// values go through this transport.
struct MotoSignatureQuirkTransport: HTTPTransport {
    let base: any HTTPTransport
    let signer: SigV4Signer

    init(base: any HTTPTransport = CurlTransport(), credentials: AWSCredentials, region: String = "us-east-1") {
        self.base = base
        signer = SigV4Signer(credentials: credentials, region: region, service: "s3")
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await base.send(resigned(request)) }

    func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        try await base.download(resigned(request), to: destination)
    }

    /// The request with its signature recomputed over moto's view of the path and query.
    func resigned(_ request: HTTPRequest) -> HTTPRequest {
        guard let amzDate = request.headers["x-amz-date"], let payloadHash = request.headers["x-amz-content-sha256"],
              let date = Self.date(amzDate) else { return request }
        var canonical = signer.canonicalRequest(request, payloadHash: payloadHash)
        var lines = canonical.text.components(separatedBy: "\n")
        lines[1] = Self.werkzeugDecoded(URIEncoding.encodePath(request.path), keeping: "/?#")
        lines[2] = request.query
            .map { (Self.werkzeugDecoded(URIEncoding.encode($0.name), keeping: "&=+#"),
                    Self.werkzeugDecoded(URIEncoding.encode($0.value), keeping: "&=+#")) }
            .sorted { $0 < $1 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        canonical.text = lines.joined(separator: "\n")
        let signature = signer.signature(canonicalRequest: canonical.text, time: SigningTime(date))
        var resigned = request
        resigned.headers["Authorization"] = request.headers["Authorization"]?
            .replacingOccurrences(of: #"Signature=[0-9a-f]{64}"#, with: "Signature=\(signature)", options: .regularExpression)
        return resigned
    }

    /// werkzeug's `_unquote_partial`: decodes `%XX` unless the byte is a control, space, `%`, DEL or in `keeping`.
    static func werkzeugDecoded(_ encoded: String, keeping: String) -> String {
        let kept = Set((0...0x20).map(UInt8.init) + [0x25, 0x7F] + Array(keeping.utf8))
        var bytes: [UInt8] = []
        var input = Array(encoded.utf8)[...]
        while let byte = input.first {
            if byte == 0x25, input.count >= 3, let value = UInt8(String(decoding: input.dropFirst().prefix(2), as: UTF8.self), radix: 16),
               !kept.contains(value) {
                bytes.append(value)
                input = input.dropFirst(3)
            } else {
                bytes.append(byte)
                input = input.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func date(_ amzDate: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: amzDate)
    }
}
