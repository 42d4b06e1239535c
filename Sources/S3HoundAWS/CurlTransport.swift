import Foundation

/// The `HTTPTransport` users run against AWS: libcurl, driven by one event-loop thread (`CurlEngine`).
///
/// It replaced `URLSession`, whose Linux implementation (FoundationNetworking) kept a core spinning in its
/// dispatch event loop while requests waited: about 9 ms of CPU per small S3 object, taken from the scanning
/// threads during `hunt s3://`. Here a waiting request costs nothing: the engine sleeps in `curl_multi_poll`
/// until a socket is ready. Connections and DNS answers are reused across requests (one multi handle);
/// `https_proxy`/`no_proxy` in the environment are honoured as curl does; TLS is verified against the system's
/// certificates. Redirects are not followed: a signed request must not be replayed to another host.
///
/// Failures to get a response throw `URLError` (the sender retries those): `.cannotConnectToHost`,
/// `.cannotFindHost`, `.timedOut` (nothing received for `timeout` seconds), `.secureConnectionFailed`,
/// `.networkConnectionLost`, each described with curl's message, the method and the URL without its query.
public struct CurlTransport: HTTPTransport {
    private let engine: CurlEngine
    private let timeout: TimeInterval

    /// Creates a transport on the process's shared engine. `timeout` bounds connecting and any stall: a
    /// request that receives nothing for that many seconds fails with `.timedOut` (a slow but moving
    /// download does not).
    public init(timeout: TimeInterval = 60) {
        self.engine = .shared
        self.timeout = timeout
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await perform(request, destination: nil)
    }

    /// Streams a 2xx body into a temporary file beside `destination` as it arrives and renames it over
    /// `destination` when complete; a failed or non-2xx transfer leaves `destination` alone.
    public func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        try await perform(request, destination: destination)
    }

    private func perform(_ request: HTTPRequest, destination: URL?) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            do {
                engine.submit(try CurlTransfer(request: request, timeout: timeout, destination: destination,
                                               continuation: continuation))
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
