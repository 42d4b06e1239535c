import Foundation

/// Sends one HTTP request and returns the response.
///
/// Contract: a non-2xx status is a response, not an error; throw only when no response arrived
/// (connection refused, timeout, TLS failure). Implementations must be safe to call concurrently.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns whatever the server answered.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends the request and writes a 2xx body to `destination` (replacing any file there) without holding it in
    /// memory where the transport can; the returned response then has an empty body. A non-2xx body is returned
    /// in the response and `destination` is left alone.
    func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse
}

extension HTTPTransport {
    /// The default download: `send`, then write the body (held in memory) to the file.
    public func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        var response = try await send(request)
        guard response.isSuccess else { return response }
        try response.body.write(to: destination, options: .atomic)
        response.body = Data()
        return response
    }
}
