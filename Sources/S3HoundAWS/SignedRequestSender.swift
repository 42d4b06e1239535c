import Foundation

/// Signs, sends and retries AWS requests; turns error responses into `AWSError`.
///
/// Every protocol (REST-XML, Query, JSON, REST-JSON) goes through it. Each attempt is signed afresh (new
/// `x-amz-date`), so a retry after a long backoff is not rejected as stale. Throttling (`SlowDown`, `Throttling`,
/// `ThrottlingException`, 429) and 5xx are retried with backoff and jitter per `retryPolicy`; so are connection
/// failures (`URLError`), which end as `AWSConnectionError` when retries run out.
public struct SignedRequestSender: Sendable {
    /// The signer for the target service.
    public var signer: SigV4Signer
    /// Where requests go.
    public var transport: any HTTPTransport
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// The signing clock (injected by tests).
    public var now: @Sendable () -> Date

    /// Creates a sender.
    public init(signer: SigV4Signer, transport: any HTTPTransport, retryPolicy: RetryPolicy = .standard,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.signer = signer
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.now = now
    }

    /// Sends the request, retrying throttling and 5xx; throws `AWSError` naming `api` for any other failure.
    public func send(_ request: HTTPRequest, api: String, permission: String? = nil,
                     payload: SigV4Signer.Payload = .bodySHA256) async throws -> HTTPResponse {
        try await withRetries(api: api, permission: permission) { [transport] in
            try await transport.send(signer.signed(request, at: now(), payload: payload))
        }
    }

    /// Sends the request and streams a 2xx body to `destination` (see `HTTPTransport.download`), with the same
    /// retries and errors as `send`.
    public func download(_ request: HTTPRequest, to destination: URL, api: String, permission: String? = nil,
                         payload: SigV4Signer.Payload = .bodySHA256) async throws -> HTTPResponse {
        try await withRetries(api: api, permission: permission) { [transport] in
            try await transport.download(signer.signed(request, at: now(), payload: payload), to: destination)
        }
    }

    private func withRetries(api: String, permission: String?,
                             _ attempt: () async throws -> HTTPResponse) async throws -> HTTPResponse {
        var number = 1
        while true {
            let outcome: Result<HTTPResponse, URLError>
            do {
                outcome = .success(try await attempt())
            } catch let error as URLError {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where response.isSuccess:
                return response
            case .success(let response):
                let error = AWSErrorResponse.error(from: response, api: api, permission: permission)
                guard number < retryPolicy.maxAttempts,
                      retryPolicy.isRetryable(statusCode: response.statusCode, code: error.code) else { throw error }
            case .failure(let error):
                guard number < retryPolicy.maxAttempts else {
                    throw AWSConnectionError(api: api, attempts: number, underlying: error)
                }
            }
            try await Task.sleep(for: retryPolicy.delay(beforeRetry: number, random: Double.random(in: 0..<1)))
            number += 1
        }
    }
}
