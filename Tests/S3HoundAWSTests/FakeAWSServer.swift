import Foundation
import S3HoundTestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import S3HoundAWS

/// A tiny HTTP/1.1 server on 127.0.0.1 standing in for AWS APIs that moto 5.2.1 does not implement
/// (GuardDuty and Macie findings, CloudTrail LookupEvents). It speaks the real wire format the test gives it,
/// records every request, and answers one request per connection (`Connection: close`).
///
/// Foundation has no HTTP server on Linux, so this is plain POSIX sockets on a background thread.
final class FakeAWSServer: @unchecked Sendable {
    /// One request as it arrived on the wire.
    struct Request: Sendable {
        /// `GET`, `POST`…
        let method: String
        /// The request target as sent, still percent-encoded, e.g. `/detector/d1/findings?x=1`.
        let target: String
        /// Header fields, names lowercased.
        let headers: [String: String]
        /// The body.
        let body: Data

        /// The decoded path.
        var path: String { HTTPRequest(method: method, url: URL(string: "http://fake" + target)!)!.path }

        /// The body as a JSON object.
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    /// `http://127.0.0.1:PORT`.
    let endpoint: URL
    private let listener: Int32
    private let handler: @Sendable (Request) -> HTTPResponse
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false

    /// Starts listening on a free port; `handler` answers each request.
    init(handler: @escaping @Sendable (Request) -> HTTPResponse) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw MotoServer.SetupError(description: "socket() failed: \(errno)") }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && getsockname(listener, socketAddress, &length) == 0
                    && listen(listener, 16) == 0
            }
        }
        guard listening else {
            close(listener)
            throw MotoServer.SetupError(description: "could not listen on 127.0.0.1: \(errno)")
        }
        self.listener = listener
        endpoint = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")!
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting connections. Only the accept thread closes the socket, once `accept` fails: closing it
    /// here would free its number while that thread may be about to call `accept` with it — on the next
    /// server's socket, which took the number, answering that server's requests with this one's handler and
    /// recording them here (seen under load: a test's request answered, but not recorded by its own server).
    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// The requests received so far, in order.
    var requests: [Request] { lock.withLock { received } }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                let transient = errno == EINTR || errno == ECONNABORTED
                if transient && !lock.withLock({ stopped }) { continue }
                close(listener)
                return
            }
            serve(connection)
            close(connection)
        }
    }

    private func serve(_ connection: Int32) {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func readMore() -> Bool {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd = buffer.range(of: separator)
        while headerEnd == nil {
            guard readMore() else { return }
            headerEnd = buffer.range(of: separator)
        }
        guard let headerEnd else { return }
        let head = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count - headerEnd.upperBound < length { guard readMore() else { break } }
        let body = Data(buffer[headerEnd.upperBound..<min(buffer.count, headerEnd.upperBound + length)])
        let request = Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
        lock.withLock { received.append(request) }
        let response = handler(request)
        var text = "HTTP/1.1 \(response.statusCode) \(response.statusCode < 400 ? "OK" : "Error")\r\n"
        for (name, value) in response.headers where name != "content-length" && name != "connection" {
            text += "\(name): \(value)\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        write(connection, Data(text.utf8) + response.body)
    }

    private func write(_ connection: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }
}

extension FakeAWSServer.Request {
    /// Whether the Authorization header is a well-formed SigV4 header for this key, region and service, and its
    /// signature matches the request as it arrived (recomputed with the same secret over the received bytes).
    func hasValidSignature(credentials: AWSCredentials, region: String, service: String) -> Bool {
        guard let authorization = headers["authorization"], let amzDate = headers["x-amz-date"] else { return false }
        let pattern = #"^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/(\d{8})/([a-z0-9-]+)/([a-z0-9]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$"#
        guard let match = authorization.wholeMatch(of: try! Regex(pattern)),
              match.output[1].substring.map(String.init) == credentials.accessKeyId,
              match.output[2].substring.map(String.init) == String(amzDate.prefix(8)),
              match.output[3].substring.map(String.init) == region,
              match.output[4].substring.map(String.init) == service,
              let signedHeaders = match.output[5].substring.map(String.init)?.split(separator: ";").map(String.init),
              signedHeaders.contains("host"), signedHeaders.contains("x-amz-date") else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        guard let date = formatter.date(from: amzDate), let host = headers["host"],
              var request = HTTPRequest(method: method, url: URL(string: "http://\(host)\(target)")!, body: body) else {
            return false
        }
        let addedBySigner: Set<String> = ["host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"]
        for name in signedHeaders where !addedBySigner.contains(name) { request.headers[name] = headers[name] }
        let signer = SigV4Signer(credentials: credentials, region: region, service: service,
                                 sendsContentSHA256: signedHeaders.contains("x-amz-content-sha256"))
        return signer.signed(request, at: date).headers["Authorization"] == authorization
    }
}
