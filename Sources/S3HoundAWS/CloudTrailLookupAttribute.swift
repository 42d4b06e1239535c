/// A LookupEvents condition: one attribute and the value it must equal.
public struct CloudTrailLookupAttribute: Codable, Sendable, Equatable {
    /// The attributes LookupEvents can filter on.
    public enum Key: String, Codable, Sendable {
        /// The event id.
        case eventID = "EventId"
        /// The API name, e.g. `PutBucketPolicy`.
        case eventName = "EventName"
        /// `true` or `false`.
        case readOnly = "ReadOnly"
        /// The user or role session name.
        case username = "Username"
        /// E.g. `AWS::S3::Bucket`.
        case resourceType = "ResourceType"
        /// E.g. a bucket name.
        case resourceName = "ResourceName"
        /// E.g. `s3.amazonaws.com`.
        case eventSource = "EventSource"
        /// The access key that signed the call.
        case accessKeyID = "AccessKeyId"
    }

    /// The attribute.
    public var key: Key
    /// The value it must equal.
    public var value: String

    /// Creates a condition.
    public init(_ key: Key, _ value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case key = "AttributeKey", value = "AttributeValue" }
}
