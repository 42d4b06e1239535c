import Foundation
import S3HoundAWS

extension LiveResponseBackend {
    /// CloudTrail DescribeTrails; nil for an unknown trail.
    public func trail(named name: String) async throws -> TrailDescription? {
        let trails: [CloudTrailTrail]
        do {
            trails = try await factory.cloudTrail().describeTrails(names: [name])
        } catch let error as AWSError where error.code == "TrailNotFoundException" {
            return nil
        }
        return trails.first { $0.name == name || $0.trailARN == name }.map {
            TrailDescription(name: $0.name, arn: $0.trailARN, homeRegion: $0.homeRegion, logGroupArn: $0.cloudWatchLogsLogGroupARN)
        }
    }

    /// CloudTrail GetEventSelectors.
    public func eventSelectors(trail: String) async throws -> TrailSelectors {
        let selectors = try await factory.cloudTrail().getEventSelectors(trailName: trail)
        if let advanced = selectors.advancedEventSelectors, !advanced.isEmpty {
            return .advanced(try advanced.map(JSONValue.encoding))
        }
        return .classic(try (selectors.eventSelectors ?? []).map(JSONValue.encoding))
    }

    /// CloudTrail PutEventSelectors.
    public func putEventSelectors(_ selectors: TrailSelectors, trail: String) async throws {
        switch selectors {
        case .classic(let list):
            let typed = try JSONValue.array(list).decoded(as: [CloudTrailEventSelector].self, source: "the event selectors of \(trail)")
            try await factory.cloudTrail().putEventSelectors(trailName: trail, eventSelectors: typed)
        case .advanced(let list):
            let typed = try JSONValue.array(list).decoded(as: [CloudTrailAdvancedEventSelector].self, source: "the advanced event selectors of \(trail)")
            try await factory.cloudTrail().putEventSelectors(trailName: trail, advancedEventSelectors: typed)
        }
    }

    /// GuardDuty ListDetectors.
    public func detectorIds() async throws -> [String] { try await factory.guardDuty().listDetectors() }

    /// GuardDuty GetDetector: `ENABLED` or `DISABLED`.
    public func s3ProtectionStatus(detector: String) async throws -> String {
        try await factory.guardDuty().getDetector(id: detector).isS3ProtectionEnabled ? "ENABLED" : "DISABLED"
    }

    /// GuardDuty UpdateDetector with the `S3_DATA_EVENTS` feature.
    public func setS3ProtectionStatus(_ status: String, detector: String) async throws {
        try await factory.guardDuty().updateDetector(id: detector, .s3Protection(enabled: status == "ENABLED"))
    }

    /// CloudWatch Logs DescribeMetricFilters.
    public func metricFilter(logGroup: String, name: String) async throws -> MetricFilterDefinition? {
        let filters = try await factory.cloudWatchLogs().describeMetricFilters(logGroupName: logGroup, filterNamePrefix: name)
        guard let filter = filters.first(where: { $0.filterName == name }), let metric = filter.metricTransformations.first else {
            return nil
        }
        return MetricFilterDefinition(filterPattern: filter.filterPattern, metricName: metric.metricName,
                                      metricNamespace: metric.metricNamespace, metricValue: metric.metricValue,
                                      defaultValue: metric.defaultValue)
    }

    /// CloudWatch Logs PutMetricFilter.
    public func putMetricFilter(_ filter: MetricFilterDefinition, logGroup: String, name: String) async throws {
        try await factory.cloudWatchLogs().putMetricFilter(CloudWatchLogsMetricFilter(
            filterName: name, logGroupName: logGroup, filterPattern: filter.filterPattern,
            metricTransformations: [.init(metricName: filter.metricName, metricNamespace: filter.metricNamespace,
                                          metricValue: filter.metricValue, defaultValue: filter.defaultValue)]))
    }

    /// CloudWatch Logs DeleteMetricFilter.
    public func deleteMetricFilter(logGroup: String, name: String) async throws {
        try await extra.deleteMetricFilter(logGroup: logGroup, name: name)
    }

    /// CloudWatch DescribeAlarms.
    public func metricAlarm(name: String) async throws -> MetricAlarmDefinition? {
        try await factory.cloudWatch().describeAlarms(names: [name]).first { $0.alarmName == name }.map {
            MetricAlarmDefinition(alarmDescription: $0.alarmDescription, metricName: $0.metricName, namespace: $0.namespace,
                                  statistic: $0.statistic, period: $0.period, evaluationPeriods: $0.evaluationPeriods,
                                  threshold: $0.threshold, comparisonOperator: $0.comparisonOperator,
                                  treatMissingData: $0.treatMissingData, alarmActions: $0.alarmActions)
        }
    }

    /// CloudWatch PutMetricAlarm.
    public func putMetricAlarm(_ alarm: MetricAlarmDefinition, name: String) async throws {
        try await factory.cloudWatch().putMetricAlarm(CloudWatchMetricAlarm(
            alarmName: name, alarmDescription: alarm.alarmDescription, metricName: alarm.metricName,
            namespace: alarm.namespace, statistic: alarm.statistic, period: alarm.period,
            evaluationPeriods: alarm.evaluationPeriods, threshold: alarm.threshold,
            comparisonOperator: alarm.comparisonOperator, alarmActions: alarm.alarmActions,
            treatMissingData: alarm.treatMissingData))
    }

    /// CloudWatch DeleteAlarms.
    public func deleteMetricAlarm(name: String) async throws { try await extra.deleteAlarm(name: name) }

    /// SNS ListTopics, matched by name.
    public func topicArn(named name: String) async throws -> String? {
        try await factory.sns().listTopics().first { $0.split(separator: ":").last.map(String.init) == name }
    }

    /// SNS CreateTopic, then an access policy letting the account, CloudWatch alarms and EventBridge publish
    /// (a new topic's default policy does not let EventBridge deliver to it).
    public func createTopic(named name: String) async throws -> String {
        let arn = try await factory.sns().createTopic(name: name)
        let account = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? ""
        let partition = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "aws"
        let policy: JSONValue = [
            "Version": .string(PolicyDocument.currentVersion),
            "Statement": [
                ["Sid": "S3HoundOwnerAccount", "Effect": "Allow", "Principal": ["AWS": .string("arn:\(partition):iam::\(account):root")],
                 "Action": ["sns:Publish", "sns:Subscribe", "sns:Receive", "sns:GetTopicAttributes", "sns:SetTopicAttributes",
                            "sns:ListSubscriptionsByTopic", "sns:AddPermission", "sns:RemovePermission", "sns:DeleteTopic"],
                 "Resource": .string(arn)],
                ["Sid": "S3HoundAlarmsAndEventBridgePublish", "Effect": "Allow",
                 "Principal": ["Service": ["cloudwatch.amazonaws.com", "events.amazonaws.com"]],
                 "Action": "sns:Publish", "Resource": .string(arn),
                 "Condition": ["StringEquals": ["aws:SourceAccount": .string(account)]]],
            ],
        ]
        try await extra.setTopicAttribute(arn: arn, name: "Policy", value: policy.compactText)
        return arn
    }

    /// SNS DeleteTopic.
    public func deleteTopic(arn: String) async throws { try await extra.deleteTopic(arn: arn) }

    /// EventBridge DescribeRule; nil for an unknown rule.
    public func eventRule(name: String) async throws -> EventRuleDefinition? {
        let rule: EventBridgeRule
        do {
            rule = try await factory.eventBridge().describeRule(name: name)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
        let pattern = try rule.eventPattern.map { try JSONValue.parse($0, source: "the event pattern of rule \(name)") } ?? .null
        return EventRuleDefinition(eventPattern: pattern, state: rule.state ?? "ENABLED", description: rule.description)
    }

    /// EventBridge PutRule.
    public func putEventRule(_ rule: EventRuleDefinition, name: String) async throws {
        try await factory.eventBridge().putRule(name: name, eventPattern: rule.eventPattern.compactText,
                                                description: rule.description, enabled: rule.state == "ENABLED")
    }

    /// EventBridge DeleteRule.
    public func deleteEventRule(name: String) async throws { try await extra.deleteRule(name: name) }

    /// EventBridge ListTargetsByRule; empty for an unknown rule.
    public func targets(ofRule rule: String) async throws -> [EventRuleTarget] {
        do {
            return try await factory.eventBridge().listTargetsByRule(rule: rule).map { EventRuleTarget(id: $0.id, arn: $0.arn) }
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return []
        }
    }

    /// EventBridge PutTargets.
    public func putTargets(_ targets: [EventRuleTarget], rule: String) async throws {
        try await factory.eventBridge().putTargets(rule: rule, targets: targets.map { EventBridgeTarget(id: $0.id, arn: $0.arn) })
    }

    /// EventBridge RemoveTargets.
    public func removeTargets(ids: [String], rule: String) async throws { try await extra.removeTargets(ids: ids, rule: rule) }
}
