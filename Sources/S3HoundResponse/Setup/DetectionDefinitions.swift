/// A CloudWatch Logs metric filter counting matching log events into a metric.
public struct MetricFilterDefinition: Sendable, Hashable, Codable {
    /// The filter pattern.
    public var filterPattern: String
    /// The metric's name.
    public var metricName: String
    /// The metric's namespace.
    public var metricNamespace: String
    /// The value counted per match (`"1"`).
    public var metricValue: String
    /// The value reported when nothing matches.
    public var defaultValue: Double?

    /// Creates a definition.
    public init(filterPattern: String, metricName: String, metricNamespace: String, metricValue: String = "1",
                defaultValue: Double? = 0) {
        self.filterPattern = filterPattern
        self.metricName = metricName
        self.metricNamespace = metricNamespace
        self.metricValue = metricValue
        self.defaultValue = defaultValue
    }

    enum CodingKeys: String, CodingKey {
        case filterPattern = "FilterPattern", metricName = "MetricName", metricNamespace = "MetricNamespace"
        case metricValue = "MetricValue", defaultValue = "DefaultValue"
    }
}

/// A CloudWatch alarm on one metric, notifying topics when it fires.
public struct MetricAlarmDefinition: Sendable, Hashable, Codable {
    /// What the alarm means.
    public var alarmDescription: String?
    /// The metric's name.
    public var metricName: String
    /// The metric's namespace.
    public var namespace: String
    /// `Sum`, `Average`, …
    public var statistic: String
    /// Seconds per evaluation period.
    public var period: Int
    /// Periods evaluated.
    public var evaluationPeriods: Int
    /// The threshold.
    public var threshold: Double
    /// e.g. `GreaterThanThreshold`.
    public var comparisonOperator: String
    /// e.g. `notBreaching`.
    public var treatMissingData: String?
    /// Topic ARNs notified when the alarm fires.
    public var alarmActions: [String]

    /// Creates a definition.
    public init(alarmDescription: String?, metricName: String, namespace: String, statistic: String = "Sum",
                period: Int = 3600, evaluationPeriods: Int = 1, threshold: Double,
                comparisonOperator: String = "GreaterThanThreshold", treatMissingData: String? = "notBreaching",
                alarmActions: [String]) {
        self.alarmDescription = alarmDescription
        self.metricName = metricName
        self.namespace = namespace
        self.statistic = statistic
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.threshold = threshold
        self.comparisonOperator = comparisonOperator
        self.treatMissingData = treatMissingData
        self.alarmActions = alarmActions
    }

    enum CodingKeys: String, CodingKey {
        case alarmDescription = "AlarmDescription", metricName = "MetricName", namespace = "Namespace"
        case statistic = "Statistic", period = "Period", evaluationPeriods = "EvaluationPeriods"
        case threshold = "Threshold", comparisonOperator = "ComparisonOperator"
        case treatMissingData = "TreatMissingData", alarmActions = "AlarmActions"
    }
}

/// An EventBridge rule matching an event pattern on the default bus.
public struct EventRuleDefinition: Sendable, Hashable, Codable {
    /// The event pattern, parsed.
    public var eventPattern: JSONValue
    /// `ENABLED` or `DISABLED`.
    public var state: String
    /// What the rule is for.
    public var description: String?

    /// Creates a definition.
    public init(eventPattern: JSONValue, state: String = "ENABLED", description: String?) {
        self.eventPattern = eventPattern
        self.state = state
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case eventPattern = "EventPattern", state = "State", description = "Description"
    }
}

/// A target of an EventBridge rule.
public struct EventRuleTarget: Sendable, Hashable, Codable {
    /// The target's id within the rule.
    public var id: String
    /// The target's ARN (an SNS topic).
    public var arn: String

    /// Creates a target.
    public init(id: String, arn: String) {
        self.id = id
        self.arn = arn
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn"
    }
}
