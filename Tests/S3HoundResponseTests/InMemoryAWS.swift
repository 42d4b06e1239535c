import Foundation
@testable import S3HoundResponse

/// An in-memory AWS account for planner and executor tests: every resource S3Hound reads or writes, with
/// AWS's semantics where they matter (no policy is nil, PutEventSelectors replaces, targets merge by id).
/// Records every write so tests can check what was changed and that a re-run writes nothing.
final class InMemoryAWS: ResponseBackend, @unchecked Sendable {
    private let lock = NSLock()

    var caller = CallerInfo(account: "123456789012", arn: "arn:aws:iam::123456789012:user/responder",
                            signingAccessKeyIds: ["AKIARESPONDER0000001"])
    var keys: [AccessKeyRecord] = []
    var bucketPolicies: [String: String] = [:]
    var buckets: Set<String> = []
    var endpoints: [String: VPCEndpointInfo] = [:]
    var trails: [String: TrailDescription] = [:]
    var selectors: [String: TrailSelectors] = [:]
    var detectors: [String: String] = [:]
    var metricFilters: [String: MetricFilterDefinition] = [:]
    var alarms: [String: MetricAlarmDefinition] = [:]
    var topics: [String: String] = [:]
    var rules: [String: EventRuleDefinition] = [:]
    var ruleTargets: [String: [EventRuleTarget]] = [:]
    /// Every write, as `API target`.
    var writes: [String] = []
    /// Writes to this API fail with an error (to test part-way failures).
    var failingAPI: String?

    struct Failure: Error, CustomStringConvertible { var description: String }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    private func write(_ api: String, _ target: String) throws {
        if api == failingAPI { throw Failure(description: "\(api) failed: HTTP 500 InternalError (injected)") }
        writes.append("\(api) \(target)")
    }

    // CallerIdentifying
    func callerIdentity() async throws -> CallerInfo { locked { caller } }

    // AccessKeyManaging
    func userName(owningAccessKey accessKeyId: String) async throws -> String? {
        locked { keys.first { $0.accessKeyId == accessKeyId }?.userName }
    }
    func accessKeys(ofUser userName: String) async throws -> [AccessKeyRecord] {
        locked { keys.filter { $0.userName == userName } }
    }
    func setAccessKeyStatus(_ status: String, accessKeyId: String, userName: String) async throws {
        try locked {
            try write("UpdateAccessKey", accessKeyId)
            guard let index = keys.firstIndex(where: { $0.accessKeyId == accessKeyId && $0.userName == userName }) else {
                throw Failure(description: "NoSuchEntity")
            }
            keys[index].status = status
        }
    }

    // BucketPolicyManaging
    func bucketPolicy(bucket: String) async throws -> String? {
        try locked {
            guard buckets.contains(bucket) else { throw Failure(description: "NoSuchBucket \(bucket)") }
            return bucketPolicies[bucket]
        }
    }
    func putBucketPolicy(_ policy: String, bucket: String) async throws {
        try locked { try write("PutBucketPolicy", bucket); bucketPolicies[bucket] = policy }
    }
    func deleteBucketPolicy(bucket: String) async throws {
        try locked { try write("DeleteBucketPolicy", bucket); bucketPolicies[bucket] = nil }
    }

    // EndpointPolicyManaging
    func vpcEndpoint(_ id: String) async throws -> VPCEndpointInfo? { locked { endpoints[id] } }
    func setEndpointPolicy(_ policy: String?, endpoint id: String) async throws {
        try locked { try write("ModifyVpcEndpoint", id); endpoints[id]?.policy = policy }
    }

    // TrailManaging
    func trail(named name: String) async throws -> TrailDescription? { locked { trails[name] } }
    func eventSelectors(trail: String) async throws -> TrailSelectors {
        try locked {
            guard trails[trail] != nil else { throw Failure(description: "TrailNotFoundException") }
            return selectors[trail] ?? .classic([])
        }
    }
    func putEventSelectors(_ selectors: TrailSelectors, trail: String) async throws {
        try locked { try write("PutEventSelectors", trail); self.selectors[trail] = selectors }
    }

    // ThreatDetectorManaging
    func detectorIds() async throws -> [String] { locked { detectors.keys.sorted() } }
    func s3ProtectionStatus(detector: String) async throws -> String { locked { detectors[detector] ?? "DISABLED" } }
    func setS3ProtectionStatus(_ status: String, detector: String) async throws {
        try locked { try write("UpdateDetector", detector); detectors[detector] = status }
    }

    // MetricFilterManaging
    func metricFilter(logGroup: String, name: String) async throws -> MetricFilterDefinition? {
        locked { metricFilters[logGroup + "/" + name] }
    }
    func putMetricFilter(_ filter: MetricFilterDefinition, logGroup: String, name: String) async throws {
        try locked { try write("PutMetricFilter", name); metricFilters[logGroup + "/" + name] = filter }
    }
    func deleteMetricFilter(logGroup: String, name: String) async throws {
        try locked { try write("DeleteMetricFilter", name); metricFilters[logGroup + "/" + name] = nil }
    }

    // MetricAlarmManaging
    func metricAlarm(name: String) async throws -> MetricAlarmDefinition? { locked { alarms[name] } }
    func putMetricAlarm(_ alarm: MetricAlarmDefinition, name: String) async throws {
        try locked { try write("PutMetricAlarm", name); alarms[name] = alarm }
    }
    func deleteMetricAlarm(name: String) async throws {
        try locked { try write("DeleteAlarms", name); alarms[name] = nil }
    }

    // AlertTopicManaging
    func topicArn(named name: String) async throws -> String? { locked { topics[name] } }
    func createTopic(named name: String) async throws -> String {
        try locked {
            try write("CreateTopic", name)
            let arn = topics[name] ?? "arn:aws:sns:us-east-1:\(caller.account):\(name)"
            topics[name] = arn
            return arn
        }
    }
    func deleteTopic(arn: String) async throws {
        try locked { try write("DeleteTopic", arn); topics = topics.filter { $0.value != arn } }
    }

    // EventRuleManaging
    func eventRule(name: String) async throws -> EventRuleDefinition? { locked { rules[name] } }
    func putEventRule(_ rule: EventRuleDefinition, name: String) async throws {
        try locked { try write("PutRule", name); rules[name] = rule }
    }
    func deleteEventRule(name: String) async throws {
        try locked {
            try write("DeleteRule", name)
            guard (ruleTargets[name] ?? []).isEmpty else { throw Failure(description: "ValidationException: rule still has targets") }
            rules[name] = nil
        }
    }
    func targets(ofRule rule: String) async throws -> [EventRuleTarget] { locked { ruleTargets[rule] ?? [] } }
    func putTargets(_ targets: [EventRuleTarget], rule: String) async throws {
        try locked {
            try write("PutTargets", rule)
            guard rules[rule] != nil else { throw Failure(description: "ResourceNotFoundException: no rule \(rule)") }
            var list = ruleTargets[rule] ?? []
            for target in targets {
                list.removeAll { $0.id == target.id }
                list.append(target)
            }
            ruleTargets[rule] = list
        }
    }
    func removeTargets(ids: [String], rule: String) async throws {
        try locked { try write("RemoveTargets", rule); ruleTargets[rule]?.removeAll { ids.contains($0.id) } }
    }
}
