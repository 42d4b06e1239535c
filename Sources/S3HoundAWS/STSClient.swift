import Foundation

/// AWS STS over the Query protocol: enough to assume a role.
public struct STSClient: Sendable {
    private let sender: SignedRequestSender
    private let endpoint: URL

    /// Creates a client; without an endpoint override it calls the regional endpoint `sts.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = URLSessionTransport(), retryPolicy: RetryPolicy = .standard) {
        self.endpoint = endpoint ?? URL(string: "https://sts.\(region).amazonaws.com")!
        sender = SignedRequestSender(signer: SigV4Signer(credentials: credentials, region: region, service: "sts"),
                                     transport: transport, retryPolicy: retryPolicy)
    }

    /// Calls AssumeRole and returns the temporary credentials.
    public func assumeRole(roleARN: String, sessionName: String, externalID: String? = nil,
                           durationSeconds: Int = 3600) async throws -> AWSCredentials {
        var parameters = [("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
                          ("RoleSessionName", sessionName), ("DurationSeconds", String(durationSeconds))]
        if let externalID { parameters.append(("ExternalId", externalID)) }
        let form = parameters.map { URIEncoding.encode($0.0) + "=" + URIEncoding.encode($0.1) }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", scheme: endpoint.scheme ?? "https", host: endpoint.host ?? "",
                                  port: endpoint.port, path: endpoint.path.isEmpty ? "/" : endpoint.path,
                                  headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                                  body: Data(form.utf8))
        let response = try await sender.send(request, api: "STS.AssumeRole", permission: "sts:AssumeRole on \(roleARN)")
        let fields = XMLFields.firstValues(in: response.body, named: ["AccessKeyId", "SecretAccessKey", "SessionToken"])
        guard let keyID = fields["AccessKeyId"], let secret = fields["SecretAccessKey"] else {
            throw AWSError(api: "STS.AssumeRole", statusCode: response.statusCode, code: "MalformedResponse",
                           message: "the AssumeRole response has no Credentials element")
        }
        return AWSCredentials(accessKeyId: keyID, secretAccessKey: secret, sessionToken: fields["SessionToken"])
    }
}

extension CredentialSource {
    /// Usable keys: static ones as they are, role profiles by calling STS AssumeRole with the source's keys.
    public func resolve(region: String, stsEndpoint: URL? = nil,
                        transport: any HTTPTransport = URLSessionTransport()) async throws -> AWSCredentials {
        switch self {
        case .environment(let credentials), .profile(_, let credentials):
            return credentials
        case .assumeRole(_, let roleARN, let sessionName, let externalID, let source):
            let sourceCredentials = try await source.resolve(region: region, stsEndpoint: stsEndpoint, transport: transport)
            return try await STSClient(credentials: sourceCredentials, region: region, endpoint: stsEndpoint,
                                       transport: transport)
                .assumeRole(roleARN: roleARN, sessionName: sessionName, externalID: externalID)
        }
    }
}
