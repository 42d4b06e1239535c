/// Sends one HTTP request and returns the response.
///
/// Contract: a non-2xx status is a response, not an error; throw only when no response arrived
/// (connection refused, timeout, TLS failure). Implementations must be safe to call concurrently.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns whatever the server answered.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
