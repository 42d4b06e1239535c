import Foundation

/// Signs, sends and retries AWS requests; turns error responses into `AWSError`.
///
/// Each attempt is signed afresh (new `x-amz-date`), so a retry after a long backoff is not rejected as stale.
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
        var attempt = 1
        while true {
            let signed = signer.signed(request, at: now(), payload: payload)
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await transport.send(signed))
            } catch let error as URLError {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where response.isSuccess:
                return response
            case .success(let response):
                let error = AWSErrorResponse.error(from: response, api: api, permission: permission)
                guard attempt < retryPolicy.maxAttempts,
                      retryPolicy.isRetryable(statusCode: response.statusCode, code: error.code) else { throw error }
            case .failure(let error):
                guard attempt < retryPolicy.maxAttempts else { throw error }
            }
            try await Task.sleep(for: retryPolicy.delay(beforeRetry: attempt, random: Double.random(in: 0..<1)))
            attempt += 1
        }
    }
}
