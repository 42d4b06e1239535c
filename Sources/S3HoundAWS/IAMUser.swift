import Foundation

/// An IAM user.
public struct IAMUser: Sendable, Equatable {
    /// The user name.
    public var userName: String
    /// The unique id, `AIDA…`.
    public var userID: String
    /// The ARN, `arn:aws:iam::123456789012:user/alice`.
    public var arn: String
    /// When the user was created.
    public var createDate: Date?

    /// Creates a user record.
    public init(userName: String, userID: String, arn: String, createDate: Date?) {
        self.userName = userName
        self.userID = userID
        self.arn = arn
        self.createDate = createDate
    }
}
