/// What `contain` needs: who is calling, IAM access keys, bucket policies, VPC endpoint policies.
public typealias ContainmentBackend = CallerIdentifying & AccessKeyManaging & BucketPolicyManaging & EndpointPolicyManaging

/// What `setup` needs: who is calling, trails, GuardDuty, metric filters, alarms, topics, EventBridge rules.
public typealias SetupBackend = CallerIdentifying & TrailManaging & ThreatDetectorManaging & MetricFilterManaging
    & MetricAlarmManaging & AlertTopicManaging & EventRuleManaging

/// Everything S3Hound changes, for applying plans and rolling back backups of either command.
public typealias ResponseBackend = ContainmentBackend & SetupBackend
