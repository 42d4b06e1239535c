import Foundation

/// Who owns an access key and where it was last used (IAM GetAccessKeyLastUsed).
public struct IAMAccessKeyLastUsed: Sendable, Equatable {
    /// The key asked about.
    public var accessKeyID: String
    /// The IAM user owning the key.
    public var userName: String
    /// When it was last used, nil when never.
    public var lastUsedDate: Date?
    /// The service it last called (`s3`), nil when never used.
    public var serviceName: String?
    /// The region it last called, nil when never used.
    public var region: String?

    /// Creates the record.
    public init(accessKeyID: String, userName: String, lastUsedDate: Date?, serviceName: String?, region: String?) {
        self.accessKeyID = accessKeyID
        self.userName = userName
        self.lastUsedDate = lastUsedDate
        self.serviceName = serviceName
        self.region = region
    }
}
