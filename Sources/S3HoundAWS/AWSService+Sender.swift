import Foundation

extension AWSService {
    /// The sender that signs for this service in `region` (us-east-1 for global services).
    func sender(credentials: AWSCredentials, region: String, transport: any HTTPTransport, retryPolicy: RetryPolicy,
                now: @escaping @Sendable () -> Date = { Date() }) -> SignedRequestSender {
        SignedRequestSender(signer: SigV4Signer(credentials: credentials, region: signingRegion(for: region),
                                                service: signingName),
                            transport: transport, retryPolicy: retryPolicy, now: now)
    }

    /// The override when given, else the default endpoint for the region.
    func endpoint(_ override: URL?, region: String) -> URL { override ?? defaultEndpoint(region: region) }
}
