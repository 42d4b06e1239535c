import Foundation

/// An IAM access key's metadata (never its secret).
public struct IAMAccessKey: Sendable, Equatable {
    /// Whether the key can sign requests.
    public enum Status: String, Sendable, Equatable {
        /// The key works.
        case active = "Active"
        /// The key is disabled (can be re-activated).
        case inactive = "Inactive"
    }

    /// The access key id, `AKIA…`.
    public var accessKeyID: String
    /// The user owning the key.
    public var userName: String
    /// Active or Inactive.
    public var status: Status
    /// When the key was created.
    public var createDate: Date?

    /// Creates key metadata.
    public init(accessKeyID: String, userName: String, status: Status, createDate: Date?) {
        self.accessKeyID = accessKeyID
        self.userName = userName
        self.status = status
        self.createDate = createDate
    }
}
