/// Who is making the calls: the account, the ARN, and the access keys the calls are signed with.
public struct CallerInfo: Sendable, Hashable {
    /// The account id.
    public var account: String
    /// The caller's ARN (`arn:aws:iam::…:user/…`, `arn:aws:sts::…:assumed-role/…`).
    public var arn: String
    /// Access key ids this caller signs with: the session's key and, for a role profile, its source
    /// profile's key. Deactivating one of them cuts off the responder.
    public var signingAccessKeyIds: Set<String>

    /// Creates caller information.
    public init(account: String, arn: String, signingAccessKeyIds: Set<String>) {
        self.account = account
        self.arn = arn
        self.signingAccessKeyIds = signingAccessKeyIds
    }

    /// The IAM user name when the caller is an IAM user, else nil.
    public var userName: String? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[2] == "iam", fields[5].hasPrefix("user/") else { return nil }
        return fields[5].split(separator: "/").last.map(String.init)
    }

    /// The partition of the caller's ARN (`aws`, `aws-cn`, `aws-us-gov`), `aws` when unclear.
    public var partition: String {
        let fields = arn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return fields.count > 1 && fields[1].hasPrefix("aws") ? String(fields[1]) : "aws"
    }
}

/// Tells who is calling (STS GetCallerIdentity).
///
/// Contract: answers for the same credentials every other call of the backend uses.
public protocol CallerIdentifying: Sendable {
    /// The caller's account, ARN and signing keys.
    func callerIdentity() async throws -> CallerInfo
}
