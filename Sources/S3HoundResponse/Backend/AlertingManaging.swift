/// CloudWatch Logs metric filters (PutMetricFilter / DescribeMetricFilters / DeleteMetricFilter).
///
/// Contract: `metricFilter` returns nil when the group has no filter of exactly that name.
public protocol MetricFilterManaging: Sendable {
    /// The filter, or nil.
    func metricFilter(logGroup: String, name: String) async throws -> MetricFilterDefinition?
    /// Creates or replaces the filter.
    func putMetricFilter(_ filter: MetricFilterDefinition, logGroup: String, name: String) async throws
    /// Deletes the filter.
    func deleteMetricFilter(logGroup: String, name: String) async throws
}

/// CloudWatch metric alarms (PutMetricAlarm / DescribeAlarms / DeleteAlarms).
///
/// Contract: `metricAlarm` returns nil when there is no alarm of that name.
public protocol MetricAlarmManaging: Sendable {
    /// The alarm, or nil.
    func metricAlarm(name: String) async throws -> MetricAlarmDefinition?
    /// Creates or replaces the alarm.
    func putMetricAlarm(_ alarm: MetricAlarmDefinition, name: String) async throws
    /// Deletes the alarm.
    func deleteMetricAlarm(name: String) async throws
}

/// SNS topics for alerts (CreateTopic / DeleteTopic, and a lookup by name).
///
/// Contract: `createTopic` is idempotent and returns the topic's ARN; `topicArn(named:)` returns nil when
/// there is no topic of that name in the region.
public protocol AlertTopicManaging: Sendable {
    /// The ARN of the topic with this name, or nil.
    func topicArn(named name: String) async throws -> String?
    /// Creates the topic (or finds it) and returns its ARN.
    func createTopic(named name: String) async throws -> String
    /// Deletes the topic.
    func deleteTopic(arn: String) async throws
}

/// EventBridge rules on the default bus and their targets.
///
/// Contract: `eventRule` returns nil for an unknown rule; `targets` returns an empty list for a rule
/// without targets or an unknown rule.
public protocol EventRuleManaging: Sendable {
    /// The rule (EventBridge DescribeRule), or nil.
    func eventRule(name: String) async throws -> EventRuleDefinition?
    /// Creates or replaces the rule (EventBridge PutRule).
    func putEventRule(_ rule: EventRuleDefinition, name: String) async throws
    /// Deletes the rule (EventBridge DeleteRule); its targets must be removed first.
    func deleteEventRule(name: String) async throws
    /// The rule's targets (EventBridge ListTargetsByRule).
    func targets(ofRule rule: String) async throws -> [EventRuleTarget]
    /// Adds or replaces targets by id (EventBridge PutTargets).
    func putTargets(_ targets: [EventRuleTarget], rule: String) async throws
    /// Removes targets by id (EventBridge RemoveTargets).
    func removeTargets(ids: [String], rule: String) async throws
}
