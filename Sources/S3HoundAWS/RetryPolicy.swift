/// When and how long to wait before retrying a failed AWS call: exponential backoff with full jitter.
///
/// Like the AWS SDKs' standard mode: throttling (429, 503 SlowDown, `Throttling`…) and 5xx are retried,
/// up to `maxAttempts` in total; the wait before retry *n* is uniform in `0 ... min(maxDelay, baseDelay × 2ⁿ)`.
public struct RetryPolicy: Sendable {
    /// Total attempts including the first (1 disables retries).
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry.
    public var baseDelay: Duration
    /// The largest wait between two attempts.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The AWS SDK standard mode: 3 attempts, 1 s base, 20 s cap.
    public static let standard = RetryPolicy()

    /// Error codes that mean "slow down" whatever the HTTP status.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Whether a response with this status and AWS error code is worth retrying.
    public func isRetryable(statusCode: Int, code: String?) -> Bool {
        if let code, Self.throttlingCodes.contains(code) { return true }
        return statusCode == 429 || (500...599).contains(statusCode)
    }

    /// The wait before retry number `retry` (1 for the first retry), given a uniform random in `0..<1`.
    public func delay(beforeRetry retry: Int, random: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        return ceiling * min(max(random, 0), 1)
    }
}
