import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import S3HoundAWS

/// The libcurl transport on the wire: against `FakeAWSServer` (plain HTTP/1.1 on 127.0.0.1, recording what
/// arrives) and against sockets that refuse or never answer. Against AWS's own APIs it is exercised by every
/// moto suite, which use it as their transport.
@Suite struct CurlTransportTests {
    /// A server that answers `/echo` with the request body and the method, `/missing` with a 404 error
    /// document, and anything else with its path.
    static func server() throws -> FakeAWSServer {
        try FakeAWSServer { request in
            switch request.path {
            case "/echo":
                HTTPResponse(statusCode: 201, headers: ["X-Method": request.method, "ETag": "\"e1\""], body: request.body)
            case "/missing":
                HTTPResponse(statusCode: 404, body: Data("<Error><Code>NoSuchKey</Code></Error>".utf8))
            case "/empty":
                HTTPResponse(statusCode: 200)
            default:
                HTTPResponse(statusCode: 200, body: Data("body of \(request.path)".utf8))
            }
        }
    }

    static func request(_ method: String, _ server: FakeAWSServer, _ path: String,
                        headers: [String: String] = [:], body: Data = Data()) -> HTTPRequest {
        HTTPRequest(method: method, url: server.endpoint.appendingPathComponent(path), headers: headers, body: body)!
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func sendsTheMethodHeadersAndBodyAsGiven() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let body = Data("{\"a\":1}".utf8) + Data(repeating: 0x41, count: 300_000)
        let response = try await CurlTransport().send(Self.request("PUT", server, "echo",
            headers: ["X-Amz-Date": "20260101T000000Z", "Content-Type": "application/json", "X-Empty": ""], body: body))
        #expect(response.statusCode == 201)
        #expect(response.body == body)
        #expect(response.headers["x-method"] == "PUT")
        #expect(response.headers["etag"] == "\"e1\"")
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.headers["x-amz-date"] == "20260101T000000Z")
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.headers["x-empty"] == "")
        #expect(received.headers["content-length"] == String(body.count))
        #expect(received.headers["expect"] == nil, "no 100-continue round trip")
        #expect(received.body == body)
    }

    @Test func aBodyWithoutContentTypeGetsNoneAddedAndEmptyPostsSayLengthZero() async throws {
        let server = try Self.server()
        defer { server.stop() }
        _ = try await CurlTransport().send(Self.request("POST", server, "echo", body: Data("Action=X".utf8)))
        _ = try await CurlTransport().send(Self.request("POST", server, "echo"))
        _ = try await CurlTransport().send(Self.request("DELETE", server, "thing"))
        let requests = server.requests
        #expect(requests.map(\.method) == ["POST", "POST", "DELETE"])
        #expect(requests[0].headers["content-type"] == nil)
        #expect(requests[0].body == Data("Action=X".utf8))
        #expect(requests[1].headers["content-length"] == "0")
        #expect(requests[1].headers["content-type"] == nil)
    }

    @Test func headReturnsStatusAndHeadersWithoutWaitingForABody() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let response = try await CurlTransport().send(Self.request("HEAD", server, "echo"))
        #expect(response.statusCode == 201)
        #expect(response.headers["x-method"] == "HEAD")
        #expect(response.body.isEmpty)
    }

    @Test func anErrorStatusIsAResponseNotAnError() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let response = try await CurlTransport().send(Self.request("GET", server, "missing"))
        #expect(response.statusCode == 404)
        #expect(String(decoding: response.body, as: UTF8.self).contains("NoSuchKey"))
    }

    @Test func downloadReplacesTheDestinationAndLeavesNoPartialFile() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("object.gz")
        try Data("old".utf8).write(to: destination)
        let response = try await CurlTransport().download(Self.request("GET", server, "logs/a.json.gz"), to: destination)
        #expect(response.statusCode == 200)
        #expect(response.body.isEmpty)
        #expect(try Data(contentsOf: destination) == Data("body of /logs/a.json.gz".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["object.gz"])

        let empty = directory.appendingPathComponent("empty")
        _ = try await CurlTransport().download(Self.request("GET", server, "empty"), to: empty)
        #expect(try Data(contentsOf: empty).isEmpty)
    }

    @Test func aFailedDownloadLeavesTheDestinationAloneAndReturnsTheErrorDocument() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kept")
        try Data("precious".utf8).write(to: destination)
        let response = try await CurlTransport().download(Self.request("GET", server, "missing"), to: destination)
        #expect(response.statusCode == 404)
        #expect(String(decoding: response.body, as: UTF8.self).contains("NoSuchKey"))
        #expect(try Data(contentsOf: destination) == Data("precious".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kept"])
    }

    @Test func aRefusedConnectionIsAURLErrorNamingTheRequestButNotItsQuery() async throws {
        let port = try ClosedPort().port
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/bucket/key?X-Amz-Signature=s3cr3t")!)!
        let error = await #expect(throws: URLError.self) { _ = try await CurlTransport().send(request) }
        #expect(error?.code == .cannotConnectToHost)
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("GET http://127.0.0.1:\(port)/bucket/key"))
        #expect(!message.contains("s3cr3t"))
    }

    @Test func aSenderWhoseEndpointRefusesRetriesThenSaysWhatToCheck() async throws {
        let port = try ClosedPort().port
        let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")
        let client = S3Client(credentials: credentials, region: "us-east-1", endpoint: URL(string: "http://127.0.0.1:\(port)")!,
                              transport: CurlTransport(),
                              retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2)))
        let error = await #expect(throws: AWSConnectionError.self) { _ = try await client.listObjectsV2(bucket: "logs") }
        #expect(error?.attempts == 3)
        #expect(error?.underlying.code == .cannotConnectToHost)
        let text = error?.description ?? ""
        #expect(text.hasPrefix("S3.ListObjectsV2 failed: no response after 3 attempts: GET http://127.0.0.1:\(port)/logs"), "\(text)")
        #expect(text.contains("Fix: check the network path to the endpoint"), "\(text)")
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(silent.port)/slow")!)!
        let error = await #expect(throws: URLError.self) { _ = try await CurlTransport(timeout: 1).send(request) }
        #expect(error?.code == .timedOut)
    }

    @Test func aHeaderWithALineBreakIsRefusedBeforeSending() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let request = Self.request("GET", server, "echo", headers: ["X-Note": "a\r\nX-Injected: 1"])
        let error = await #expect(throws: CurlTransfer.RefusedRequest.self) { _ = try await CurlTransport().send(request) }
        #expect(error?.description.contains("the header X-Note contains a line break") == true)
        #expect(server.requests.isEmpty)
    }

    @Test func manyConcurrentRequestsEachGetTheirOwnResponse() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let transport = CurlTransport()
        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<48 {
                group.addTask {
                    let response = try await transport.send(Self.request("GET", server, "n\(index)"))
                    return (index, String(decoding: response.body, as: UTF8.self))
                }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect(bodies.count == 48)
        #expect(bodies.allSatisfy { $0.value == "body of /n\($0.key)" })
    }

    @Test func signedRequestsThroughTheSenderVerify() async throws {
        let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")
        let server = try Self.server()
        defer { server.stop() }
        let sender = SignedRequestSender(signer: SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3",
                                                             sendsContentSHA256: true),
                                         transport: CurlTransport())
        let response = try await sender.send(Self.request("PUT", server, "echo", body: Data("payload".utf8)), api: "Test.Put")
        #expect(response.statusCode == 201)
        let received = try #require(server.requests.first)
        #expect(received.hasValidSignature(credentials: credentials, region: "us-east-1", service: "s3"))
    }
}

/// A port on 127.0.0.1 that nothing listens on (bound, then closed).
private struct ClosedPort {
    let port: UInt16

    init() throws {
        let listener = try SilentListener()
        port = listener.port
        listener.close()
    }
}

/// A socket that listens on 127.0.0.1 but never accepts: the kernel completes the handshake and the request
/// is sent, and no answer ever comes.
private struct SilentListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 && listen(descriptor, 4) == 0
            }
        }
        guard descriptor >= 0, listening else { throw URLError(.cannotConnectToHost) }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}
