/// `userIdentity` of a CloudTrail record: who made the call.
public struct CallerIdentity: Hashable, Sendable, Codable {
    /// `type`: `IAMUser`, `AssumedRole`, `Root`, `AWSService`, `AWSAccount`, …
    public var type: String?
    /// `arn` of the caller.
    public var arn: String?
    /// `accountId`; `ANONYMOUS_PRINCIPAL` for unauthenticated callers.
    public var accountId: String?
    /// `accessKeyId` used to sign the request (mask it before display).
    public var accessKeyId: String?
    /// `principalId`.
    public var principalId: String?
    /// `sessionContext.sessionIssuer.arn`: the role behind an assumed-role session.
    public var sessionIssuerArn: String?
    /// `invokedBy`: the AWS service that made the call on the caller's behalf.
    public var invokedBy: String?
    /// `sessionContext.ec2RoleDelivery`: set (`1.0`/`2.0`) when the session's credentials came from an EC2 instance profile.
    public var ec2RoleDelivery: String?

    /// Creates an identity.
    public init(type: String? = nil, arn: String? = nil, accountId: String? = nil, accessKeyId: String? = nil,
                principalId: String? = nil, sessionIssuerArn: String? = nil, invokedBy: String? = nil, ec2RoleDelivery: String? = nil) {
        self.type = type; self.arn = arn; self.accountId = accountId; self.accessKeyId = accessKeyId
        self.principalId = principalId; self.sessionIssuerArn = sessionIssuerArn; self.invokedBy = invokedBy
        self.ec2RoleDelivery = ec2RoleDelivery
    }

    /// The marker CloudTrail writes in `accountId` for unauthenticated requests.
    public static let anonymousAccountId = "ANONYMOUS_PRINCIPAL"

    /// True for unauthenticated (anonymous) callers.
    public var isAnonymous: Bool { accountId == Self.anonymousAccountId || type == "AnonymousPrincipal" }

    /// True when an AWS service made the call itself.
    public var isAWSService: Bool { type == "AWSService" }

    /// True for a session of an EC2 instance profile: `ec2RoleDelivery` set, or a session name that is an instance id (`i-…`).
    public var isInstanceRoleSession: Bool {
        if let delivery = ec2RoleDelivery, !delivery.isEmpty { return true }
        guard type == "AssumedRole", var arn else { return false }
        // The session name is the part after the last "/": `i-` and 8 or 17 hex digits for an instance.
        return arn.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return false }
            let session = bytes[(slash + 1)...]
            guard session.count >= 10, session[slash + 1] == UInt8(ascii: "i"), session[slash + 2] == UInt8(ascii: "-") else { return false }
            return session.dropFirst(2).allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
        }
    }

    /// The stable name baselines and incidents group by: the role for assumed-role sessions
    /// (session names change every session), otherwise the caller's ARN, then principal id.
    public var principal: String {
        if let issuer = sessionIssuerArn, !issuer.isEmpty { return issuer }
        if let arn, !arn.isEmpty { return arn }
        if isAnonymous { return Self.anonymousAccountId }
        if let invokedBy, !invokedBy.isEmpty { return invokedBy }
        if let principalId, !principalId.isEmpty { return principalId }
        if let accountId, !accountId.isEmpty { return "account:\(accountId)" }
        return "unknown"
    }
}
