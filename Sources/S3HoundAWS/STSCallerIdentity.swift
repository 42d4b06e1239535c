/// Who the credentials belong to, as STS GetCallerIdentity says.
public struct STSCallerIdentity: Sendable, Equatable {
    /// The 12-digit account id.
    public var account: String
    /// The ARN, e.g. `arn:aws:iam::123456789012:user/alice` or an `assumed-role/…` session ARN.
    public var arn: String
    /// The unique id (`AIDA…` for users, `AROA…:session` for role sessions).
    public var userID: String

    /// Creates an identity.
    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}
