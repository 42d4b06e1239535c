/// An IAM user's access key as ListAccessKeys reports it.
public struct AccessKeyRecord: Sendable, Hashable {
    /// The full key id (never print it: mask it with `AccessKeyMask`).
    public var accessKeyId: String
    /// The owning user.
    public var userName: String
    /// `Active` or `Inactive`.
    public var status: String

    /// Creates a record.
    public init(accessKeyId: String, userName: String, status: String) {
        self.accessKeyId = accessKeyId
        self.userName = userName
        self.status = status
    }
}

/// IAM access keys: find a key's owner, list a user's keys, change a key's status.
///
/// Contract: `userName(owningAccessKey:)` returns nil (not an error) for a key IAM does not know or that
/// belongs to the root user; `setAccessKeyStatus` is idempotent.
public protocol AccessKeyManaging: Sendable {
    /// The IAM user owning the key (IAM GetAccessKeyLastUsed), or nil.
    func userName(owningAccessKey accessKeyId: String) async throws -> String?
    /// The user's access keys (IAM ListAccessKeys).
    func accessKeys(ofUser userName: String) async throws -> [AccessKeyRecord]
    /// Sets a key `Active` or `Inactive` (IAM UpdateAccessKey).
    func setAccessKeyStatus(_ status: String, accessKeyId: String, userName: String) async throws
}
