import S3HoundCore

/// An AWS access key pair, with the session token of temporary credentials. Never prints its secret.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key id (`AKIA…` long-term, `ASIA…` temporary).
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials, if any.
    public var sessionToken: String?

    /// Creates credentials from their parts.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The masked key id, `AKIA…WXYZ`, and whether a session token is present; never the secret.
    public var description: String {
        "AWSCredentials(\(AccessKeyMask.mask(accessKeyId))\(sessionToken == nil ? "" : ", session token"))"
    }

    /// Same as `description`, so `dump` and `debugPrint` do not leak the secret either.
    public var debugDescription: String { description }

    /// A mirror showing only the masked key id, so `dump` cannot leak the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyId": AccessKeyMask.mask(accessKeyId)], displayStyle: .struct)
    }
}
