import Foundation

/// An AWS API call that got no response at all (refused, unreachable, timed out, TLS failure), after retries.
public struct AWSConnectionError: Error, Sendable, CustomStringConvertible {
    /// The API that failed, e.g. `S3.GetObject`.
    public var api: String
    /// Attempts made.
    public var attempts: Int
    /// The transport's failure.
    public var underlying: URLError

    /// Creates an error.
    public init(api: String, attempts: Int, underlying: URLError) {
        self.api = api
        self.attempts = attempts
        self.underlying = underlying
    }

    /// What to check, by kind of failure.
    public var hint: String {
        switch underlying.code {
        case .cannotFindHost:
            "check the region and any AWS_ENDPOINT_URL* override, and that DNS works on this machine"
        case .cannotConnectToHost:
            "check the network path to the endpoint (firewall, https_proxy/no_proxy) and any AWS_ENDPOINT_URL* override"
        case .timedOut:
            "the endpoint stopped answering: check the network or proxy, then try again"
        case .secureConnectionFailed, .serverCertificateUntrusted:
            "TLS failed: check the system's CA certificates and any TLS-intercepting proxy"
        default:
            "check the network, any proxy (https_proxy) and AWS_ENDPOINT_URL* overrides, then try again"
        }
    }

    /// `API failed: no response after N attempts: detail. Fix: hint`.
    public var description: String {
        let detail = (underlying.userInfo[NSLocalizedDescriptionKey] as? String) ?? "\(underlying.code)"
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        return "\(api) failed: no response after \(tries): \(detail). Fix: \(hint)"
    }
}
