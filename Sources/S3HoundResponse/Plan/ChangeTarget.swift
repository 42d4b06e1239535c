import S3HoundCore

/// A resource S3Hound changes, named precisely enough to read it, change it and put it back.
///
/// `accessKey` holds the full key id (a backup needs it to restore the key); every rendering masks it.
public enum ChangeTarget: Sendable, Hashable, Codable {
    /// An IAM user's access key; its state is `{"Status": "Active" | "Inactive"}`.
    case accessKey(user: String, accessKeyId: String)
    /// A bucket's policy; its state is the policy document, or nil when the bucket has none.
    case bucketPolicy(bucket: String)
    /// A VPC endpoint's policy; its state is the policy document, or nil for the default (full access).
    case endpointPolicy(endpoint: String)
    /// A trail's event selectors; its state is `{"EventSelectors": […]}` or `{"AdvancedEventSelectors": […]}`.
    case eventSelectors(trail: String)
    /// GuardDuty S3 protection on a detector; its state is `{"S3_DATA_EVENTS": "ENABLED" | "DISABLED"}`.
    case guardDutyS3Protection(detector: String)
    /// A CloudWatch Logs metric filter; its state is a `MetricFilterDefinition`, or nil when absent.
    case metricFilter(logGroup: String, name: String)
    /// A CloudWatch alarm; its state is a `MetricAlarmDefinition`, or nil when absent.
    case metricAlarm(name: String)
    /// An SNS topic created by name; its state is `{"TopicArn": …}`, or nil when absent.
    case alertTopic(name: String)
    /// An EventBridge rule; its state is an `EventRuleDefinition`, or nil when absent.
    case eventRule(name: String)
    /// The targets of an EventBridge rule; its state is a list of `EventRuleTarget`, or nil when none.
    case eventRuleTargets(rule: String)

    /// What the target is, in the user's words; access keys masked.
    public var displayName: String {
        switch self {
        case .accessKey(let user, let key): "Access key \(AccessKeyMask.mask(key)) of IAM user \(user)"
        case .bucketPolicy(let bucket): "Bucket policy of \(bucket)"
        case .endpointPolicy(let endpoint): "Policy of VPC endpoint \(endpoint)"
        case .eventSelectors(let trail): "Event selectors of trail \(trail)"
        case .guardDutyS3Protection(let detector): "GuardDuty S3 protection of detector \(detector)"
        case .metricFilter(let group, let name): "Metric filter \(name) on log group \(group)"
        case .metricAlarm(let name): "CloudWatch alarm \(name)"
        case .alertTopic(let name): "SNS topic \(name)"
        case .eventRule(let name): "EventBridge rule \(name)"
        case .eventRuleTargets(let rule): "Targets of EventBridge rule \(rule)"
        }
    }

    /// The target for machine output: kind and names, the access key masked.
    public var maskedJSON: JSONValue {
        switch self {
        case .accessKey(let user, let key): ["kind": "accessKey", "user": .string(user), "accessKey": .string(AccessKeyMask.mask(key))]
        case .bucketPolicy(let bucket): ["kind": "bucketPolicy", "bucket": .string(bucket)]
        case .endpointPolicy(let endpoint): ["kind": "endpointPolicy", "endpoint": .string(endpoint)]
        case .eventSelectors(let trail): ["kind": "eventSelectors", "trail": .string(trail)]
        case .guardDutyS3Protection(let detector): ["kind": "guardDutyS3Protection", "detector": .string(detector)]
        case .metricFilter(let group, let name): ["kind": "metricFilter", "logGroup": .string(group), "name": .string(name)]
        case .metricAlarm(let name): ["kind": "metricAlarm", "name": .string(name)]
        case .alertTopic(let name): ["kind": "alertTopic", "name": .string(name)]
        case .eventRule(let name): ["kind": "eventRule", "name": .string(name)]
        case .eventRuleTargets(let rule): ["kind": "eventRuleTargets", "rule": .string(rule)]
        }
    }
}
