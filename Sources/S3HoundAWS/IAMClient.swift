import Foundation

/// AWS IAM over the Query protocol (global endpoint, signed for us-east-1): access keys and users.
public struct IAMClient: Sendable {
    private let query: QueryProtocolClient

    /// Creates a client; without an endpoint override it calls `https://iam.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String = "us-east-1", endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.iam
        query = QueryProtocolClient(service: service, version: "2010-05-08",
                                    endpoint: service.endpoint(endpoint, region: region),
                                    sender: service.sender(credentials: credentials, region: region,
                                                           transport: transport, retryPolicy: retryPolicy))
    }

    /// GetAccessKeyLastUsed: the user owning a key (of this account) and when and where it was last used.
    public func getAccessKeyLastUsed(accessKeyID: String) async throws -> IAMAccessKeyLastUsed {
        let result = try await query.call("GetAccessKeyLastUsed", QueryParameters([("AccessKeyId", accessKeyID)]),
                                          permission: "iam:GetAccessKeyLastUsed")
        guard let userName = result.value("UserName") else {
            throw AWSError.malformedResponse(api: "IAM.GetAccessKeyLastUsed", statusCode: 200, "the response has no UserName")
        }
        let lastUsed = result.element("AccessKeyLastUsed")
        return IAMAccessKeyLastUsed(
            accessKeyID: accessKeyID, userName: userName,
            lastUsedDate: lastUsed?.value("LastUsedDate").flatMap(AWSJSON.isoDate),
            serviceName: lastUsed?.value("ServiceName").flatMap(Self.known),
            region: lastUsed?.value("Region").flatMap(Self.known))
    }

    /// ListAccessKeys: every key of a user (the caller when `userName` is nil), following `Marker` pages.
    public func listAccessKeys(userName: String? = nil) async throws -> [IAMAccessKey] {
        try await Paginator.collect(api: "IAM.ListAccessKeys") { marker in
            var parameters = QueryParameters()
            parameters.add("UserName", userName)
            parameters.add("Marker", marker)
            let result = try await query.call("ListAccessKeys", parameters,
                                              permission: "iam:ListAccessKeys" + Self.onUser(userName))
            let keys = result.list("AccessKeyMetadata", item: "member").compactMap { member -> IAMAccessKey? in
                guard let id = member.value("AccessKeyId") else { return nil }
                return IAMAccessKey(accessKeyID: id, userName: member.value("UserName") ?? userName ?? "",
                                    status: IAMAccessKey.Status(rawValue: member.value("Status") ?? "") ?? .inactive,
                                    createDate: member.value("CreateDate").flatMap(AWSJSON.isoDate))
            }
            return (keys, result.value("IsTruncated") == "true" ? result.value("Marker") : nil)
        }
    }

    /// UpdateAccessKey: makes a key `Inactive` (containment) or `Active` again (rollback).
    public func updateAccessKey(accessKeyID: String, status: IAMAccessKey.Status, userName: String? = nil) async throws {
        var parameters = QueryParameters([("AccessKeyId", accessKeyID), ("Status", status.rawValue)])
        parameters.add("UserName", userName)
        _ = try await query.call("UpdateAccessKey", parameters, permission: "iam:UpdateAccessKey" + Self.onUser(userName))
    }

    /// GetUser: the named user, or the caller when `userName` is nil (fails for role sessions).
    public func getUser(userName: String? = nil) async throws -> IAMUser {
        var parameters = QueryParameters()
        parameters.add("UserName", userName)
        let result = try await query.call("GetUser", parameters, permission: "iam:GetUser" + Self.onUser(userName))
        return try Self.user(result.element("User"), api: "IAM.GetUser")
    }

    /// CreateUser (used to set up tests and decoys).
    public func createUser(userName: String) async throws -> IAMUser {
        let result = try await query.call("CreateUser", QueryParameters([("UserName", userName)]),
                                          permission: "iam:CreateUser" + Self.onUser(userName))
        return try Self.user(result.element("User"), api: "IAM.CreateUser")
    }

    /// CreateAccessKey: a new key pair for the user (the secret is only in this answer).
    public func createAccessKey(userName: String? = nil) async throws -> AWSCredentials {
        var parameters = QueryParameters()
        parameters.add("UserName", userName)
        let result = try await query.call("CreateAccessKey", parameters,
                                          permission: "iam:CreateAccessKey" + Self.onUser(userName))
        guard let id = result.value("AccessKey/AccessKeyId"), let secret = result.value("AccessKey/SecretAccessKey") else {
            throw AWSError.malformedResponse(api: "IAM.CreateAccessKey", statusCode: 200, "the response has no AccessKey")
        }
        return AWSCredentials(accessKeyId: id, secretAccessKey: secret)
    }

    /// PutUserPolicy: an inline policy on a user (used to set up tests).
    public func putUserPolicy(userName: String, policyName: String, policyDocument: String) async throws {
        _ = try await query.call("PutUserPolicy",
                                 QueryParameters([("UserName", userName), ("PolicyName", policyName),
                                                  ("PolicyDocument", policyDocument)]),
                                 permission: "iam:PutUserPolicy" + Self.onUser(userName))
    }

    private static func user(_ element: XMLTree?, api: String) throws -> IAMUser {
        guard let element, let name = element.value("UserName"), let arn = element.value("Arn") else {
            throw AWSError.malformedResponse(api: api, statusCode: 200, "the response has no User")
        }
        return IAMUser(userName: name, userID: element.value("UserId") ?? "", arn: arn,
                       createDate: element.value("CreateDate").flatMap(AWSJSON.isoDate))
    }

    private static func onUser(_ userName: String?) -> String { userName.map { " on user \($0)" } ?? "" }

    /// IAM says `N/A` for a key never used.
    private static func known(_ text: String) -> String? { text.isEmpty || text == "N/A" ? nil : text }
}
