import Foundation
import S3HoundAWS

/// An in-memory `HTTPTransport`: answers from a script and records what was sent.
/// (Lives in the test target; move it to a testing module when one exists.)
actor InMemoryTransport: HTTPTransport {
    private var script: [HTTPResponse]
    /// The requests received, in order.
    private(set) var requests: [HTTPRequest] = []

    init(_ script: [HTTPResponse]) { self.script = script }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard !script.isEmpty else { return HTTPResponse(statusCode: 500, body: Data("script exhausted".utf8)) }
        return script.removeFirst()
    }
}
