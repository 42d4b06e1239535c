import Foundation

/// AWS STS over the Query protocol: who the caller is, and assuming a role.
public struct STSClient: Sendable {
    private let query: QueryProtocolClient

    /// Creates a client; without an endpoint override it calls the regional endpoint `sts.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.sts
        query = QueryProtocolClient(service: service, version: "2011-06-15",
                                    endpoint: service.endpoint(endpoint, region: region),
                                    sender: service.sender(credentials: credentials, region: region,
                                                           transport: transport, retryPolicy: retryPolicy))
    }

    /// GetCallerIdentity: the account, ARN and user id of the credentials (needs no permission).
    public func getCallerIdentity() async throws -> STSCallerIdentity {
        let result = try await query.call("GetCallerIdentity", permission: nil)
        guard let account = result.value("Account"), let arn = result.value("Arn") else {
            throw AWSError.malformedResponse(api: "STS.GetCallerIdentity", statusCode: 200,
                                             "the response has no Account or Arn")
        }
        return STSCallerIdentity(account: account, arn: arn, userID: result.value("UserId") ?? "")
    }

    /// AssumeRole: temporary credentials for the role.
    public func assumeRole(roleARN: String, sessionName: String, externalID: String? = nil,
                           durationSeconds: Int = 3600) async throws -> AWSCredentials {
        var parameters = QueryParameters([("RoleArn", roleARN), ("RoleSessionName", sessionName),
                                          ("DurationSeconds", String(durationSeconds))])
        parameters.add("ExternalId", externalID)
        let result = try await query.call("AssumeRole", parameters, permission: "sts:AssumeRole on \(roleARN)")
        guard let keyID = result.value("Credentials/AccessKeyId"),
              let secret = result.value("Credentials/SecretAccessKey") else {
            throw AWSError.malformedResponse(api: "STS.AssumeRole", statusCode: 200,
                                             "the AssumeRole response has no Credentials element")
        }
        return AWSCredentials(accessKeyId: keyID, secretAccessKey: secret,
                              sessionToken: result.value("Credentials/SessionToken"))
    }
}

extension CredentialSource {
    /// Usable keys: static ones as they are, role profiles by calling STS AssumeRole with the source's keys.
    public func resolve(region: String, stsEndpoint: URL? = nil,
                        transport: any HTTPTransport = CurlTransport()) async throws -> AWSCredentials {
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
