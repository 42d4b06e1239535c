import Foundation
import Testing
import S3HoundAWS
@testable import S3HoundResponse

extension MotoResponseTests {
    @Test("setup: plan, apply, read back selectors, filter, alarm, rule, targets, GuardDuty; re-plan empty; roll back")
    func setupAndRollBack() async throws {
        try await aws.s3().createBucket("moto-trail-logs")
        _ = try await aws.cloudTrail().createTrail(name: "management-trail", s3BucketName: "moto-trail-logs")
        try await aws.cloudWatchLogs().createLogGroup(name: "cloudtrail-logs")
        let detector = try await aws.guardDuty().createDetector()
        // What AWS gives a new trail (moto gives none, and ignores an empty PutEventSelectors).
        try await aws.cloudTrail().putEventSelectors(trailName: "management-trail", eventSelectors: [CloudTrailEventSelector()])
        let before = try await backend.eventSelectors(trail: "management-trail")

        let request = SetupRequest(trail: "management-trail", buckets: ["moto-sensitive-data", "moto-customer-records"],
                                   logGroup: "cloudtrail-logs", alarmThreshold: 750)
        let planner = SetupPlanner(backend: backend, region: "us-east-1")
        let plan = try await planner.plan(request)
        #expect(plan.pendingChanges.count == 7, "\(plan.text)")
        let directory = Fixtures.temporaryDirectory()
        let outcome = try await PlanExecutor(backend: backend, backups: BackupStore(directory: directory)).apply(plan)
        #expect(outcome.applied.count == 7)

        // Read back with the S3HoundAWS clients, independently of the backend.
        let selectors = try await aws.cloudTrail().getEventSelectors(trailName: "management-trail")
        let values = (selectors.eventSelectors ?? []).flatMap { $0.dataResources ?? [] }.flatMap(\.values)
        #expect(values.contains("arn:aws:s3:::moto-sensitive-data/") && values.contains("arn:aws:s3:::moto-customer-records/"))
        let filter = try #require(try await aws.cloudWatchLogs().describeMetricFilters(logGroupName: "cloudtrail-logs").first)
        #expect(filter.filterPattern == SetupRequest.getObjectPattern)
        let alarm = try #require(try await aws.cloudWatch().describeAlarms(names: ["s3hound-s3-bulk-download"]).first)
        #expect(alarm.threshold == 750 && alarm.period == 3600)
        let topic = try #require(try await aws.sns().listTopics().first { $0.hasSuffix(":s3hound-security-alerts") })
        #expect(alarm.alarmActions == [topic])
        let rule = try await aws.eventBridge().describeRule(name: "s3hound-guardduty-s3-exfiltration")
        #expect(try JSONValue.parse(try #require(rule.eventPattern), source: "rule") == SetupRequest.findingsPattern)
        #expect(try await aws.eventBridge().listTargetsByRule(rule: "s3hound-guardduty-s3-exfiltration").map(\.arn) == [topic])
        #expect(try await aws.guardDuty().getDetector(id: detector).isS3ProtectionEnabled)

        #expect(try await planner.plan(request).isEmpty, "a second run finds everything in place")

        let backup = try BackupStore.load(path: try #require(outcome.backupPath))
        let rollback = try await RollbackPlanner(backend: backend, region: "us-east-1").plan(backup, path: "backup.json")
        _ = try await PlanExecutor(backend: backend, backups: BackupStore(directory: directory)).apply(rollback)
        #expect(try await backend.eventSelectors(trail: "management-trail") == before)
        #expect(try await aws.cloudWatchLogs().describeMetricFilters(logGroupName: "cloudtrail-logs").isEmpty)
        #expect(try await aws.cloudWatch().describeAlarms(names: ["s3hound-s3-bulk-download"]).isEmpty)
        #expect(try await aws.sns().listTopics().contains(topic) == false)
        #expect(try await backend.eventRule(name: "s3hound-guardduty-s3-exfiltration") == nil)
        #expect(try await aws.guardDuty().getDetector(id: detector).isS3ProtectionEnabled == false)
    }

    @Test("setup on a trail with advanced selectors adds S3Hound's advanced selector and keeps the others")
    func advancedSelectors() async throws {
        try await aws.s3().createBucket("moto-advanced-logs")
        _ = try await aws.cloudTrail().createTrail(name: "advanced-trail", s3BucketName: "moto-advanced-logs")
        let management = CloudTrailAdvancedEventSelector(name: "Management events", fieldSelectors: [.init(field: "eventCategory", equals: ["Management"])])
        try await aws.cloudTrail().putEventSelectors(trailName: "advanced-trail", advancedEventSelectors: [management])
        let request = SetupRequest(components: [.dataEvents], trail: "advanced-trail", buckets: ["moto-sensitive-data"])
        let plan = try await SetupPlanner(backend: backend, region: "us-east-1").plan(request)
        _ = try await PlanExecutor(backend: backend, backups: BackupStore(directory: Fixtures.temporaryDirectory())).apply(plan)
        let selectors = try #require(try await aws.cloudTrail().getEventSelectors(trailName: "advanced-trail").advancedEventSelectors)
        #expect(selectors.count == 2 && selectors[0] == management)
        #expect(selectors[1].fieldSelectors.contains { $0.field == "resources.ARN" && $0.startsWith == ["arn:aws:s3:::moto-sensitive-data/"] })
        #expect(selectors[1].fieldSelectors.contains { $0.field == "eventCategory" && $0.equals == ["Data"] })
    }
}
