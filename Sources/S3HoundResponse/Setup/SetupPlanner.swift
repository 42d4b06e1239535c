/// Plans the detection plumbing: reads the trail's selectors, the detector, the filter, alarm, topic and rule,
/// and works out what each needs, merging into what is there and never replacing it.
public struct SetupPlanner: Sendable {
    /// Where the current state is read.
    public var backend: any SetupBackend
    /// The region the backend works in.
    public var region: String

    /// Creates a planner.
    public init(backend: any SetupBackend, region: String) {
        self.backend = backend
        self.region = region
    }

    /// The plan for `request`.
    public func plan(_ request: SetupRequest) async throws -> ResponsePlan {
        try request.validate(needsLogGroup: false)
        let caller = try await backend.callerIdentity()
        var plan = ResponsePlan(kind: .setup, title: "Detection setup" + (request.trail.map { " for trail \($0)" } ?? ""),
                                account: caller.account, region: region, caller: caller.arn)
        var logGroup = request.logGroup
        if request.components.contains(.dataEvents), let trailName = request.trail {
            guard let trail = try await backend.trail(named: trailName) else {
                throw ResponseError.notFound("there is no trail \(trailName) in \(region): list them with aws cloudtrail describe-trails (a trail's home region may differ: try --region)")
            }
            if logGroup == nil { logGroup = trail.logGroupName }
            plan.changes.append(try await selectorChange(trail: trailName, buckets: request.buckets, partition: caller.partition))
        } else if logGroup == nil, let trailName = request.trail {
            logGroup = try await backend.trail(named: trailName)?.logGroupName
        }
        if request.components.contains(.guardDuty) {
            plan.changes += try await guardDutyChanges(notes: &plan.notes)
        }
        guard request.needsAlertTopic else { return plan }
        let topicArn: String
        if let given = request.alertTopicArn {
            topicArn = given
            plan.notes.append("EventBridge delivers to \(given) only if the topic's access policy lets events.amazonaws.com publish (sns:Publish): check it (aws sns get-topic-attributes).")
        } else {
            let existing = try await backend.topicArn(named: request.alertTopicName)
            topicArn = existing ?? "arn:\(caller.partition):sns:\(region):\(caller.account):\(request.alertTopicName)"
            let state: JSONValue = ["TopicArn": .string(topicArn)]
            if existing == nil {
                plan.changes.append(PlannedChange(target: .alertTopic(name: request.alertTopicName),
                                                  summary: "create the alert topic (SNS CreateTopic) with an access policy letting CloudWatch alarms and EventBridge publish; subscribe your pager or e-mail to it",
                                                  before: nil, after: state))
            } else {
                plan.changes.append(.unchanged(.alertTopic(name: request.alertTopicName), "the topic exists", state: state))
                plan.notes.append("EventBridge delivers to topic \(request.alertTopicName) only if its access policy lets events.amazonaws.com publish (sns:Publish). S3Hound sets that when it creates the topic; check a topic made otherwise (aws sns get-topic-attributes).")
            }
        }
        if request.components.contains(.getObjectAlarm) {
            guard let logGroup else {
                throw ResponseError.invalidInput("trail \(request.trail ?? "?") does not deliver to CloudWatch Logs, so there is nothing to count GetObject in: give the log group with --log-group NAME, or --skip alarm")
            }
            plan.changes.append(try await definitionChange(.metricFilter(logGroup: logGroup, name: request.metricFilterName),
                                                           wanted: JSONValue.encoding(request.metricFilter),
                                                           what: "count S3 GetObject events into \(request.metricNamespace)/\(request.metricName)"))
            plan.changes.append(try await definitionChange(.metricAlarm(name: request.alarmName),
                                                           wanted: JSONValue.encoding(request.alarm(topicArn: topicArn)),
                                                           what: "alarm above \(request.alarmThreshold) GetObject an hour, to \(topicArn)"))
        }
        if request.components.contains(.findingsRule) {
            plan.changes.append(try await definitionChange(.eventRule(name: request.ruleName),
                                                           wanted: JSONValue.encoding(request.findingsRule),
                                                           what: "match GuardDuty findings whose type starts with Exfiltration:S3/"))
            plan.changes.append(try await targetsChange(rule: request.ruleName, topicArn: topicArn))
        }
        return plan
    }

    private func selectorChange(trail: String, buckets: [String], partition: String) async throws -> PlannedChange {
        let current = try await backend.eventSelectors(trail: trail)
        let (merged, added) = try EventSelectorMerge.adding(buckets: buckets, to: current, partition: partition)
        let target = ChangeTarget.eventSelectors(trail: trail)
        guard !added.isEmpty else {
            return .unchanged(target, "already records object reads and writes of \(buckets.joined(separator: ", "))", state: current.json)
        }
        let kind = if case .advanced = current { "advanced selectors" } else { "event selectors" }
        return PlannedChange(target: target,
                             summary: "record S3 object reads and writes of \(added.joined(separator: ", ")) (CloudTrail PutEventSelectors, \(kind); every existing selector is kept)",
                             before: current.json, after: merged.json,
                             warnings: ["data events are billed per event: a busy bucket can log millions a day"])
    }

    private func guardDutyChanges(notes: inout [String]) async throws -> [PlannedChange] {
        let detectors = try await backend.detectorIds()
        guard let detector = detectors.first else {
            notes.append("GuardDuty is off in \(region): S3Hound does not create a detector (it is billed). Turn it on with aws guardduty create-detector --enable --features Name=S3_DATA_EVENTS,Status=ENABLED, or with --emit cloudformation.")
            return []
        }
        let target = ChangeTarget.guardDutyS3Protection(detector: detector)
        let status = try await backend.s3ProtectionStatus(detector: detector)
        let state: JSONValue = ["S3_DATA_EVENTS": .string(status)]
        if status == "ENABLED" { return [.unchanged(target, "S3 protection is on", state: state)] }
        return [PlannedChange(target: target, summary: "turn on S3 protection (GuardDuty UpdateDetector, feature S3_DATA_EVENTS)",
                              before: state, after: ["S3_DATA_EVENTS": "ENABLED"])]
    }

    /// A resource S3Hound owns by name: created when absent, replaced when it differs, else left alone.
    private func definitionChange(_ target: ChangeTarget, wanted: JSONValue, what: String) async throws -> PlannedChange {
        let current: JSONValue? = switch target {
        case .metricFilter(let group, let name): try await backend.metricFilter(logGroup: group, name: name).map(JSONValue.encoding)
        case .metricAlarm(let name): try await backend.metricAlarm(name: name).map(JSONValue.encoding)
        case .eventRule(let name): try await backend.eventRule(name: name).map(JSONValue.encoding)
        default: nil
        }
        if target.sameState(current, wanted) { return .unchanged(target, "already in place", state: current) }
        return PlannedChange(target: target, summary: (current == nil ? "create: " : "update: ") + what, before: current, after: wanted)
    }

    /// The topic target is added to whatever targets the rule has.
    private func targetsChange(rule: String, topicArn: String) async throws -> PlannedChange {
        let target = ChangeTarget.eventRuleTargets(rule: rule)
        let current = try await backend.targets(ofRule: rule).sorted { $0.id < $1.id }
        let currentJSON = try current.isEmpty ? nil : JSONValue.encoding(current)
        let ours = EventRuleTarget(id: SetupRequest.topicTargetId, arn: topicArn)
        if current.contains(ours) { return .unchanged(target, "already sends to \(topicArn)", state: currentJSON) }
        let wanted = (current.filter { $0.id != ours.id } + [ours]).sorted { $0.id < $1.id }
        return PlannedChange(target: target, summary: "send matching findings to \(topicArn) (EventBridge PutTargets)",
                             before: currentJSON, after: try JSONValue.encoding(wanted))
    }
}
