import Foundation
import Testing
@testable import S3HoundAWS

/// The alerting chain against moto: a Logs metric filter (JSON 1.1), an SNS topic and a CloudWatch alarm
/// (Query), and an EventBridge rule with its target (JSON 1.1).
extension MotoTests {
    @Test func metricFilterRoundTrips() async throws {
        let logs = server.factory().cloudWatchLogs()
        try await logs.createLogGroup(name: "aws-cloudtrail-logs-s3hound")
        let filter = CloudWatchLogsMetricFilter(
            filterName: "s3hound-bucket-policy-changes", logGroupName: "aws-cloudtrail-logs-s3hound",
            filterPattern: "{ ($.eventSource = s3.amazonaws.com) && ($.eventName = PutBucketPolicy) }",
            metricTransformations: [.init(metricName: "S3HoundBucketPolicyChanges", metricNamespace: "S3Hound")])
        try await logs.putMetricFilter(filter)
        let filters = try await logs.describeMetricFilters(logGroupName: "aws-cloudtrail-logs-s3hound")
        #expect(filters == [filter])
        #expect(try await logs.describeMetricFilters(filterNamePrefix: "s3hound-bucket").map(\.filterName)
                == ["s3hound-bucket-policy-changes"])
    }

    @Test func alarmNotifiesATopic() async throws {
        let aws = server.factory()
        let topic = try await aws.sns().createTopic(name: "s3hound-alerts")
        #expect(topic.hasSuffix(":s3hound-alerts"))
        #expect(try await aws.sns().listTopics().contains(topic))

        let alarm = CloudWatchMetricAlarm(alarmName: "s3hound-bucket-policy-changes",
                                          alarmDescription: "A bucket policy changed",
                                          metricName: "S3HoundBucketPolicyChanges", namespace: "S3Hound",
                                          dimensions: [.init(name: "Trail", value: "s3hound-trail")],
                                          alarmActions: [topic])
        try await aws.cloudWatch().putMetricAlarm(alarm)
        let alarms = try await aws.cloudWatch().describeAlarms(names: ["s3hound-bucket-policy-changes"])
        let read = try #require(alarms.first)
        #expect(alarms.count == 1)
        #expect(read.alarmActions == [topic])
        #expect(read.threshold == 1)
        #expect(read.period == 300)
        #expect(read.comparisonOperator == "GreaterThanOrEqualToThreshold")
        #expect(read.dimensions == alarm.dimensions)
        #expect(read.treatMissingData == "notBreaching")
        #expect(read.alarmARN?.hasSuffix(":alarm:s3hound-bucket-policy-changes") == true)
        #expect(try await aws.cloudWatch().describeAlarms(namePrefix: "s3hound-").map(\.alarmName) == [alarm.alarmName])
    }

    @Test func topicsArePagedPastOneHundred() async throws {
        let sns = server.factory().sns()
        var created: [String] = []
        for index in 0..<105 { created.append(try await sns.createTopic(name: "s3hound-page-\(index)")) }
        let listed = try await sns.listTopics()
        #expect(Set(created).isSubset(of: Set(listed)))
    }

    @Test func eventBridgeRuleAndTargetRoundTrip() async throws {
        let aws = server.factory()
        let topic = try await aws.sns().createTopic(name: "s3hound-guardduty-alerts")
        let events = aws.eventBridge()
        let pattern = #"{"source":["aws.guardduty"],"detail":{"type":[{"prefix":"Exfiltration:S3/"}]}}"#
        let arn = try await events.putRule(name: "s3hound-guardduty-s3", eventPattern: pattern,
                                           description: "GuardDuty S3 exfiltration findings")
        #expect(arn.hasSuffix(":rule/s3hound-guardduty-s3"))
        try await events.putTargets(rule: "s3hound-guardduty-s3", targets: [EventBridgeTarget(id: "sns", arn: topic)])

        let rule = try await events.describeRule(name: "s3hound-guardduty-s3")
        #expect(rule.arn == arn)
        #expect(rule.state == "ENABLED")
        #expect(rule.description == "GuardDuty S3 exfiltration findings")
        #expect(try JSONSerialization.jsonObject(with: Data((rule.eventPattern ?? "").utf8)) as? NSDictionary
                == JSONSerialization.jsonObject(with: Data(pattern.utf8)) as? NSDictionary)
        #expect(try await events.listTargetsByRule(rule: "s3hound-guardduty-s3") == [EventBridgeTarget(id: "sns", arn: topic)])
    }

    @Test func unknownRuleIsResourceNotFound() async throws {
        let error = await #expect(throws: AWSError.self) {
            _ = try await server.factory().eventBridge().describeRule(name: "s3hound-absent")
        }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.api == "EventBridge.DescribeRule")
    }
}
