/// A CloudWatch alarm on one metric (PutMetricAlarm, DescribeAlarms), with the fields S3Hound sets.
public struct CloudWatchMetricAlarm: Sendable, Equatable {
    /// A metric dimension, e.g. `BucketName = logs`.
    public struct Dimension: Sendable, Equatable {
        /// The dimension name.
        public var name: String
        /// Its value.
        public var value: String

        /// Creates a dimension.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The alarm name.
    public var alarmName: String
    /// A description, if any.
    public var alarmDescription: String?
    /// The metric watched.
    public var metricName: String
    /// The metric's namespace.
    public var namespace: String
    /// `Sum`, `Average`, `Maximum`, `Minimum` or `SampleCount`.
    public var statistic: String
    /// The period in seconds.
    public var period: Int
    /// How many periods must breach.
    public var evaluationPeriods: Int
    /// The threshold.
    public var threshold: Double
    /// E.g. `GreaterThanOrEqualToThreshold`.
    public var comparisonOperator: String
    /// The metric's dimensions.
    public var dimensions: [Dimension]
    /// ARNs notified on ALARM (SNS topics).
    public var alarmActions: [String]
    /// `notBreaching`, `breaching`, `ignore` or `missing`.
    public var treatMissingData: String?
    /// The alarm's ARN (set by AWS; ignored by PutMetricAlarm).
    public var alarmARN: String?
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA` (set by AWS; ignored by PutMetricAlarm).
    public var stateValue: String?

    /// Creates an alarm.
    public init(alarmName: String, alarmDescription: String? = nil, metricName: String, namespace: String,
                statistic: String = "Sum", period: Int = 300, evaluationPeriods: Int = 1, threshold: Double = 1,
                comparisonOperator: String = "GreaterThanOrEqualToThreshold", dimensions: [Dimension] = [],
                alarmActions: [String] = [], treatMissingData: String? = "notBreaching", alarmARN: String? = nil,
                stateValue: String? = nil) {
        self.alarmName = alarmName
        self.alarmDescription = alarmDescription
        self.metricName = metricName
        self.namespace = namespace
        self.statistic = statistic
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.threshold = threshold
        self.comparisonOperator = comparisonOperator
        self.dimensions = dimensions
        self.alarmActions = alarmActions
        self.treatMissingData = treatMissingData
        self.alarmARN = alarmARN
        self.stateValue = stateValue
    }
}
