/// A CloudWatch Logs metric filter: log events of a group matching a pattern count into a metric.
public struct CloudWatchLogsMetricFilter: Codable, Sendable, Equatable {
    /// How matches become a metric value.
    public struct Transformation: Codable, Sendable, Equatable {
        /// The metric's name, e.g. `S3HoundBucketPolicyChanges`.
        public var metricName: String
        /// The metric's namespace, e.g. `S3Hound`.
        public var metricNamespace: String
        /// The value per match, e.g. `1` or `$.bytes`.
        public var metricValue: String
        /// The value published when nothing matches, if any.
        public var defaultValue: Double?

        /// Creates a transformation.
        public init(metricName: String, metricNamespace: String, metricValue: String = "1", defaultValue: Double? = nil) {
            self.metricName = metricName
            self.metricNamespace = metricNamespace
            self.metricValue = metricValue
            self.defaultValue = defaultValue
        }
    }

    /// The filter name.
    public var filterName: String
    /// The log group it reads.
    public var logGroupName: String
    /// The filter pattern, e.g. `{ ($.eventSource = s3.amazonaws.com) && ($.eventName = PutBucketPolicy) }`.
    public var filterPattern: String
    /// The metric it feeds (AWS allows exactly one).
    public var metricTransformations: [Transformation]

    /// Creates a filter.
    public init(filterName: String, logGroupName: String, filterPattern: String, metricTransformations: [Transformation]) {
        self.filterName = filterName
        self.logGroupName = logGroupName
        self.filterPattern = filterPattern
        self.metricTransformations = metricTransformations
    }
}
