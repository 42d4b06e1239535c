/// A basic CloudTrail event selector: management events and the data resources (e.g. S3 objects) logged.
public struct CloudTrailEventSelector: Codable, Sendable, Equatable {
    /// Which calls are logged.
    public enum ReadWriteType: String, Codable, Sendable {
        /// Reads only.
        case readOnly = "ReadOnly"
        /// Writes only.
        case writeOnly = "WriteOnly"
        /// Both.
        case all = "All"
    }

    /// Resources whose data events are logged: `AWS::S3::Object` with `arn:aws:s3` (all buckets) or
    /// `arn:aws:s3:::bucket/` prefixes.
    public struct DataResource: Codable, Sendable, Equatable {
        /// The resource type, e.g. `AWS::S3::Object`.
        public var type: String
        /// ARN prefixes.
        public var values: [String]

        /// Creates a data resource.
        public init(type: String, values: [String]) {
            self.type = type
            self.values = values
        }

        enum CodingKeys: String, CodingKey { case type = "Type", values = "Values" }
    }

    /// Reads, writes or all (AWS's default: all).
    public var readWriteType: ReadWriteType?
    /// Whether management events are logged (AWS's default: true).
    public var includeManagementEvents: Bool?
    /// The data resources logged.
    public var dataResources: [DataResource]?
    /// Management event sources left out, e.g. `kms.amazonaws.com`.
    public var excludeManagementEventSources: [String]?

    /// Creates a selector.
    public init(readWriteType: ReadWriteType? = .all, includeManagementEvents: Bool? = true,
                dataResources: [DataResource]? = nil, excludeManagementEventSources: [String]? = nil) {
        self.readWriteType = readWriteType
        self.includeManagementEvents = includeManagementEvents
        self.dataResources = dataResources
        self.excludeManagementEventSources = excludeManagementEventSources
    }

    enum CodingKeys: String, CodingKey {
        case readWriteType = "ReadWriteType", includeManagementEvents = "IncludeManagementEvents"
        case dataResources = "DataResources", excludeManagementEventSources = "ExcludeManagementEventSources"
    }
}
