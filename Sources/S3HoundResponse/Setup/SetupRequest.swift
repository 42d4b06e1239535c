/// The parts of the detection plumbing `setup` deploys.
public enum SetupComponent: String, Sendable, Hashable, CaseIterable, Codable {
    /// CloudTrail S3 data events for the buckets, on an existing trail.
    case dataEvents = "data-events"
    /// GuardDuty S3 protection (the `S3_DATA_EVENTS` feature) on the region's detector.
    case guardDuty = "guardduty"
    /// A metric filter counting GetObject on the trail's log group, and an alarm on it.
    case getObjectAlarm = "alarm"
    /// An EventBridge rule sending GuardDuty `Exfiltration:S3/` findings to the alert topic.
    case findingsRule = "findings-rule"
}

/// What `setup` deploys, with the names of what it creates. Defaults follow the seed runbook (1,000 GetObject
/// an hour; `Exfiltration:S3/` findings).
public struct SetupRequest: Sendable, Hashable {
    /// The parts to deploy.
    public var components: Set<SetupComponent>
    /// The existing trail to add data events to.
    public var trail: String?
    /// The buckets whose object-level events the trail must record.
    public var buckets: [String]
    /// The CloudWatch Logs group the trail delivers to (default: the trail's own, when it has one).
    public var logGroup: String?
    /// An existing SNS topic for alerts; nil creates `alertTopicName`.
    public var alertTopicArn: String?
    /// The topic created when `alertTopicArn` is nil.
    public var alertTopicName: String
    /// GetObject requests per hour above which the alarm fires.
    public var alarmThreshold: Int
    /// The metric filter's name.
    public var metricFilterName: String
    /// The metric's name.
    public var metricName: String
    /// The metric's namespace.
    public var metricNamespace: String
    /// The alarm's name.
    public var alarmName: String
    /// The EventBridge rule's name.
    public var ruleName: String

    /// Creates a request with S3Hound's default names.
    public init(components: Set<SetupComponent> = Set(SetupComponent.allCases), trail: String? = nil,
                buckets: [String] = [], logGroup: String? = nil, alertTopicArn: String? = nil,
                alertTopicName: String = "s3hound-security-alerts", alarmThreshold: Int = 1000,
                metricFilterName: String = "s3hound-s3-getobject", metricName: String = "S3GetObjectCount",
                metricNamespace: String = "S3Hound", alarmName: String = "s3hound-s3-bulk-download",
                ruleName: String = "s3hound-guardduty-s3-exfiltration") {
        self.components = components
        self.trail = trail
        self.buckets = buckets
        self.logGroup = logGroup
        self.alertTopicArn = alertTopicArn
        self.alertTopicName = alertTopicName
        self.alarmThreshold = alarmThreshold
        self.metricFilterName = metricFilterName
        self.metricName = metricName
        self.metricNamespace = metricNamespace
        self.alarmName = alarmName
        self.ruleName = ruleName
    }

    /// True when an alert topic is needed (the alarm or the findings rule).
    public var needsAlertTopic: Bool { components.contains(.getObjectAlarm) || components.contains(.findingsRule) }

    /// Refuses malformed requests; `needsLogGroup` is true when no trail can supply one (CloudFormation).
    public func validate(needsLogGroup: Bool) throws {
        if components.isEmpty {
            throw ResponseError.invalidInput("every part is skipped: nothing to set up")
        }
        if components.contains(.dataEvents) {
            guard trail != nil else {
                throw ResponseError.invalidInput("S3 data events are added to an existing trail: give --trail NAME (aws cloudtrail describe-trails), or --skip data-events")
            }
            guard !buckets.isEmpty else {
                throw ResponseError.invalidInput("name the buckets whose object reads the trail must record with --bucket NAME (repeatable), or --skip data-events")
            }
        }
        for bucket in buckets where !BucketName.isValid(bucket) {
            throw ResponseError.invalidInput("'\(bucket)' is not a bucket name (3–63 lower-case letters, digits, dots and hyphens)")
        }
        if components.contains(.getObjectAlarm) {
            if needsLogGroup && logGroup == nil {
                throw ResponseError.invalidInput("the GetObject alarm counts events in the trail's CloudWatch Logs group: give it with --log-group NAME, or --skip alarm")
            }
            if alarmThreshold < 1 { throw ResponseError.invalidInput("--alarm-threshold must be at least 1 (GetObject requests per hour)") }
        }
        if let alertTopicArn, !alertTopicArn.hasPrefix("arn:"), needsAlertTopic {
            throw ResponseError.invalidInput("--sns-topic takes a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME); to create one by name use --sns-topic-name")
        }
    }

    /// The metric filter: GetObject calls recorded by CloudTrail, one per match.
    public var metricFilter: MetricFilterDefinition {
        MetricFilterDefinition(filterPattern: Self.getObjectPattern, metricName: metricName, metricNamespace: metricNamespace)
    }

    /// The CloudWatch Logs pattern for S3 GetObject data events.
    public static let getObjectPattern = #"{ ($.eventSource = "s3.amazonaws.com") && ($.eventName = "GetObject") }"#

    /// The alarm over `alarmThreshold` GetObject in an hour, notifying `topicArn`.
    public func alarm(topicArn: String) -> MetricAlarmDefinition {
        MetricAlarmDefinition(alarmDescription: "S3Hound: more than \(alarmThreshold) S3 GetObject requests in an hour (possible bulk download)",
                              metricName: metricName, namespace: metricNamespace, threshold: Double(alarmThreshold),
                              alarmActions: [topicArn])
    }

    /// The GuardDuty findings pattern: every finding whose type starts with `Exfiltration:S3/`.
    public static let findingsPattern: JSONValue = [
        "source": ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        "detail": ["type": [["prefix": "Exfiltration:S3/"]]],
    ]

    /// The EventBridge rule on `findingsPattern`.
    public var findingsRule: EventRuleDefinition {
        EventRuleDefinition(eventPattern: Self.findingsPattern, state: "ENABLED",
                            description: "S3Hound: GuardDuty Exfiltration:S3/ findings to the security alert topic")
    }

    /// The id of the rule's topic target.
    public static let topicTargetId = "s3hound-alert-topic"
}
