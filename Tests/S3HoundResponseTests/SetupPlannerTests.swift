import Foundation
import Testing
@testable import S3HoundResponse

@Suite("Setup plans: data events merged into the trail, GuardDuty, alarm, findings rule")
struct SetupPlannerTests {
    static let classicManagement: JSONValue = ["ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [], "ExcludeManagementEventSources": []]

    func account(selectors: TrailSelectors = .classic([classicManagement])) -> InMemoryAWS {
        let aws = Fixtures.account()
        aws.trails["management-trail"] = TrailDescription(name: "management-trail", arn: "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-trail",
                                                           logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail-logs:*")
        aws.selectors["management-trail"] = selectors
        aws.detectors["d-1"] = "DISABLED"
        return aws
    }

    let request = SetupRequest(trail: "management-trail", buckets: ["sensitive-data-bucket", "customer-records"])

    @Test("everything missing: six changes in dependency order, the log group taken from the trail")
    func fullPlan() async throws {
        let aws = account()
        let plan = try await SetupPlanner(backend: aws, region: "us-east-1").plan(request)
        #expect(plan.changes.map(\.target) == [
            .eventSelectors(trail: "management-trail"), .guardDutyS3Protection(detector: "d-1"),
            .alertTopic(name: "s3hound-security-alerts"), .metricFilter(logGroup: "cloudtrail-logs", name: "s3hound-s3-getobject"),
            .metricAlarm(name: "s3hound-s3-bulk-download"), .eventRule(name: "s3hound-guardduty-s3-exfiltration"),
            .eventRuleTargets(rule: "s3hound-guardduty-s3-exfiltration"),
        ])
        #expect(plan.pendingChanges.count == 7)
        let alarm = try #require(plan.changes[4].after)
        #expect(alarm["Threshold"] == 1000 && alarm["Period"] == 3600)
        #expect(alarm["AlarmActions"] == ["arn:aws:sns:us-east-1:123456789012:s3hound-security-alerts"])
        #expect(plan.changes[3].after?["FilterPattern"] == #"{ ($.eventSource = "s3.amazonaws.com") && ($.eventName = "GetObject") }"#)
        #expect(plan.changes[5].after?["EventPattern"]?["detail"]?["type"] == [["prefix": "Exfiltration:S3/"]])
        #expect(aws.writes.isEmpty)
    }

    @Test("classic selectors: the management selector is kept and a data-events selector added")
    func classicMerge() async throws {
        let plan = try await SetupPlanner(backend: account(), region: "us-east-1").plan(request)
        let after = try #require(plan.changes[0].after)
        #expect(after["EventSelectors"]?.elements.first == Self.classicManagement)
        #expect(after["EventSelectors"]?.elements.last == [
            "ReadWriteType": "All", "IncludeManagementEvents": false,
            "DataResources": [["Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::sensitive-data-bucket/", "arn:aws:s3:::customer-records/"]]],
        ])
    }

    @Test("classic selectors: an existing All S3 data resource is extended, and a covered bucket is left out")
    func classicExtend() throws {
        let existing: JSONValue = ["ReadWriteType": "All", "IncludeManagementEvents": true,
                                   "DataResources": [["Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::sensitive-data-bucket/"]]]]
        let (merged, added) = try EventSelectorMerge.adding(buckets: ["sensitive-data-bucket", "customer-records"], to: .classic([existing]))
        #expect(added == ["customer-records"])
        #expect(merged == .classic([["ReadWriteType": "All", "IncludeManagementEvents": true,
                                     "DataResources": [["Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::sensitive-data-bucket/", "arn:aws:s3:::customer-records/"]]]]]))
    }

    @Test("coverage: all-buckets values cover; a prefix, a ReadOnly selector or a longer bucket name do not")
    func coverage() {
        func classic(_ type: String, _ values: [String]) -> TrailSelectors {
            .classic([["ReadWriteType": .string(type), "DataResources": [["Type": "AWS::S3::Object", "Values": .strings(values)]]]])
        }
        #expect(EventSelectorMerge.covers(classic("All", ["arn:aws:s3"]), bucket: "b-1"))
        #expect(EventSelectorMerge.covers(classic("All", ["arn:aws:s3:::b-1/"]), bucket: "b-1"))
        #expect(!EventSelectorMerge.covers(classic("All", ["arn:aws:s3:::b-1/logs/"]), bucket: "b-1"))
        #expect(!EventSelectorMerge.covers(classic("ReadOnly", ["arn:aws:s3"]), bucket: "b-1"))
        #expect(!EventSelectorMerge.covers(classic("All", ["arn:aws:s3:::b-1/"]), bucket: "b-10"))
        let allData: TrailSelectors = .advanced([["Name": "all", "FieldSelectors": [["Field": "eventCategory", "Equals": ["Data"]], ["Field": "resources.type", "Equals": ["AWS::S3::Object"]]]]])
        #expect(EventSelectorMerge.covers(allData, bucket: "b-1"))
        let readsOnly: TrailSelectors = .advanced([["Name": "r", "FieldSelectors": [["Field": "eventCategory", "Equals": ["Data"]], ["Field": "resources.type", "Equals": ["AWS::S3::Object"]], ["Field": "readOnly", "Equals": ["true"]]]]])
        #expect(!EventSelectorMerge.covers(readsOnly, bucket: "b-1"))
    }

    @Test("advanced selectors: S3Hound's selector is added, then extended on a later run")
    func advancedMerge() throws {
        let management: JSONValue = ["Name": "Management events", "FieldSelectors": [["Field": "eventCategory", "Equals": ["Management"]]]]
        let (first, _) = try EventSelectorMerge.adding(buckets: ["sensitive-data-bucket"], to: .advanced([management]))
        guard case .advanced(let list) = first else { Issue.record("expected advanced selectors"); return }
        #expect(list.count == 2 && list[0] == management)
        #expect(list[1] == [
            "Name": "S3Hound: S3 object data events",
            "FieldSelectors": [["Field": "eventCategory", "Equals": ["Data"]], ["Field": "resources.type", "Equals": ["AWS::S3::Object"]],
                               ["Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::sensitive-data-bucket/"]]],
        ])
        let (second, added) = try EventSelectorMerge.adding(buckets: ["sensitive-data-bucket", "customer-records"], to: first)
        #expect(added == ["customer-records"])
        guard case .advanced(let extended) = second else { Issue.record("expected advanced selectors"); return }
        #expect(extended.count == 2)
        #expect(extended[1]["FieldSelectors"]?.elements[2]["StartsWith"] == ["arn:aws:s3:::sensitive-data-bucket/", "arn:aws:s3:::customer-records/"])
    }

    @Test("five classic selectors and none to extend: a conflict with what to do")
    func selectorLimit() {
        let five = TrailSelectors.classic(Array(repeating: ["ReadWriteType": "WriteOnly", "IncludeManagementEvents": true], count: 5))
        #expect { try EventSelectorMerge.adding(buckets: ["b-1"], to: five) } throws: { error in
            (error as? ResponseError)?.message.contains("advanced event selectors") == true
        }
    }

    @Test("apply, verify, re-plan (nothing left), roll back (everything S3Hound created is gone)")
    func applyAndRollBack() async throws {
        let aws = account()
        aws.ruleTargets["s3hound-guardduty-s3-exfiltration"] = []
        let directory = Fixtures.temporaryDirectory()
        let plan = try await SetupPlanner(backend: aws, region: "us-east-1").plan(request)
        let outcome = try await PlanExecutor(backend: aws, backups: BackupStore(directory: directory)).apply(plan)
        #expect(outcome.applied.count == 7)
        #expect(aws.detectors["d-1"] == "ENABLED")
        #expect(aws.ruleTargets["s3hound-guardduty-s3-exfiltration"] == [EventRuleTarget(id: "s3hound-alert-topic", arn: "arn:aws:sns:us-east-1:123456789012:s3hound-security-alerts")])
        #expect(EventSelectorMerge.covers(try #require(aws.selectors["management-trail"]), bucket: "customer-records"))

        let again = try await SetupPlanner(backend: aws, region: "us-east-1").plan(request)
        #expect(again.isEmpty)

        let backup = try BackupStore.load(path: try #require(outcome.backupPath))
        let rollback = try await RollbackPlanner(backend: aws, region: "us-east-1").plan(backup, path: "b.json")
        _ = try await PlanExecutor(backend: aws, backups: BackupStore(directory: directory)).apply(rollback)
        #expect(aws.selectors["management-trail"] == .classic([Self.classicManagement]))
        #expect(aws.detectors["d-1"] == "DISABLED")
        #expect(aws.metricFilters.isEmpty && aws.alarms.isEmpty && aws.rules.isEmpty && aws.topics.isEmpty)
        #expect(aws.ruleTargets["s3hound-guardduty-s3-exfiltration"]?.isEmpty == true)
    }

    @Test("an existing topic is used; the rule's other targets are kept")
    func existingTopicAndTargets() async throws {
        let aws = account()
        aws.topics["s3hound-security-alerts"] = "arn:aws:sns:us-east-1:123456789012:s3hound-security-alerts"
        aws.rules["s3hound-guardduty-s3-exfiltration"] = SetupRequest().findingsRule
        aws.ruleTargets["s3hound-guardduty-s3-exfiltration"] = [EventRuleTarget(id: "pagerduty", arn: "arn:aws:sns:us-east-1:123456789012:pd")]
        let plan = try await SetupPlanner(backend: aws, region: "us-east-1").plan(request)
        #expect(plan.changes.first { $0.target == .alertTopic(name: "s3hound-security-alerts") }?.isChange == false)
        #expect(plan.changes.first { $0.target == .eventRule(name: "s3hound-guardduty-s3-exfiltration") }?.isChange == false)
        let targets = try #require(plan.changes.last?.after)
        #expect(targets.elements.map { $0["Id"] } == ["pagerduty", "s3hound-alert-topic"])
    }

    @Test("GuardDuty off: a note, no detector created; an unknown trail: an error naming describe-trails")
    func missingPieces() async throws {
        let aws = account()
        aws.detectors = [:]
        let plan = try await SetupPlanner(backend: aws, region: "us-east-1").plan(request)
        #expect(plan.notes.contains { $0.contains("GuardDuty is off in us-east-1") })
        var other = request
        other.trail = "no-such-trail"
        await #expect { try await SetupPlanner(backend: aws, region: "us-east-1").plan(other) } throws: { error in
            (error as? ResponseError)?.message.contains("describe-trails") == true
        }
    }

    @Test("a trail without CloudWatch Logs and no --log-group: the alarm cannot be planned")
    func noLogGroup() async throws {
        let aws = account()
        aws.trails["management-trail"]?.logGroupArn = nil
        await #expect { try await SetupPlanner(backend: aws, region: "us-east-1").plan(request) } throws: { error in
            (error as? ResponseError)?.message.contains("--log-group") == true
        }
    }

    @Test("the threshold is configurable and an existing alarm with another threshold is updated")
    func threshold() async throws {
        let aws = account()
        aws.alarms["s3hound-s3-bulk-download"] = SetupRequest().alarm(topicArn: "arn:aws:sns:us-east-1:123456789012:s3hound-security-alerts")
        var custom = request
        custom.alarmThreshold = 250
        let plan = try await SetupPlanner(backend: aws, region: "us-east-1").plan(custom)
        let change = try #require(plan.changes.first { $0.target == .metricAlarm(name: "s3hound-s3-bulk-download") })
        #expect(change.summary.hasPrefix("update:"))
        #expect(change.before?["Threshold"] == 1000 && change.after?["Threshold"] == 250)
        #expect(plan.text.contains("-   \"Threshold\": 1000,") && plan.text.contains("+   \"Threshold\": 250,"))
    }
}
