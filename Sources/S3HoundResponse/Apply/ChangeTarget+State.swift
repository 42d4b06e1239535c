/// Reading, writing and comparing each kind of target's state through a backend.
extension ChangeTarget {
    /// The target's state now (nil: absent).
    public func currentState(in backend: any ResponseBackend) async throws -> JSONValue? {
        switch self {
        case .accessKey(let user, let key):
            guard let record = try await backend.accessKeys(ofUser: user).first(where: { $0.accessKeyId == key }) else {
                return nil
            }
            return ["Status": .string(record.status)]
        case .bucketPolicy(let bucket):
            return try await backend.bucketPolicy(bucket: bucket).map { try PolicyDocument(text: $0, source: "the policy of bucket \(bucket)").json }
        case .endpointPolicy(let endpoint):
            guard let info = try await backend.vpcEndpoint(endpoint) else {
                throw ResponseError.notFound("VPC endpoint \(endpoint) does not exist in this region: check the id with aws ec2 describe-vpc-endpoints, and --region")
            }
            return try info.policy.map { try PolicyDocument(text: $0, source: "the policy of VPC endpoint \(endpoint)").json }
        case .eventSelectors(let trail):
            return try await backend.eventSelectors(trail: trail).json
        case .guardDutyS3Protection(let detector):
            return ["S3_DATA_EVENTS": .string(try await backend.s3ProtectionStatus(detector: detector))]
        case .metricFilter(let group, let name):
            return try await backend.metricFilter(logGroup: group, name: name).map(JSONValue.encoding)
        case .metricAlarm(let name):
            return try await backend.metricAlarm(name: name).map(JSONValue.encoding)
        case .alertTopic(let name):
            return try await backend.topicArn(named: name).map { ["TopicArn": .string($0)] }
        case .eventRule(let name):
            return try await backend.eventRule(name: name).map(JSONValue.encoding)
        case .eventRuleTargets(let rule):
            let targets = try await backend.targets(ofRule: rule)
            return targets.isEmpty ? nil : try JSONValue.encoding(targets.sorted { $0.id < $1.id })
        }
    }

    /// Makes the target's state `state` (nil: delete it), given what it is now.
    public func write(_ state: JSONValue?, replacing current: JSONValue?, in backend: any ResponseBackend) async throws {
        let source = "the saved state of \(displayName)"
        switch self {
        case .accessKey(let user, let key):
            guard let status = state?["Status"]?.stringValue else {
                throw ResponseError.invalidInput("\(displayName) has no status to set: an access key cannot be deleted by S3Hound")
            }
            try await backend.setAccessKeyStatus(status, accessKeyId: key, userName: user)
        case .bucketPolicy(let bucket):
            if let state {
                try await backend.putBucketPolicy(try PolicyDocument(json: state, source: source).json.compactText, bucket: bucket)
            } else {
                try await backend.deleteBucketPolicy(bucket: bucket)
            }
        case .endpointPolicy(let endpoint):
            try await backend.setEndpointPolicy(try state.map { try PolicyDocument(json: $0, source: source).json.compactText },
                                                endpoint: endpoint)
        case .eventSelectors(let trail):
            guard let state else { throw ResponseError.invalidInput("\(displayName) cannot be removed; restore a list of selectors") }
            try await backend.putEventSelectors(try TrailSelectors(json: state), trail: trail)
        case .guardDutyS3Protection(let detector):
            guard let status = state?["S3_DATA_EVENTS"]?.stringValue else {
                throw ResponseError.invalidInput("\(displayName) needs S3_DATA_EVENTS ENABLED or DISABLED")
            }
            try await backend.setS3ProtectionStatus(status, detector: detector)
        case .metricFilter(let group, let name):
            if let state {
                try await backend.putMetricFilter(try state.decoded(as: MetricFilterDefinition.self, source: source), logGroup: group, name: name)
            } else {
                try await backend.deleteMetricFilter(logGroup: group, name: name)
            }
        case .metricAlarm(let name):
            if let state {
                try await backend.putMetricAlarm(try state.decoded(as: MetricAlarmDefinition.self, source: source), name: name)
            } else {
                try await backend.deleteMetricAlarm(name: name)
            }
        case .alertTopic(let name):
            if state != nil {
                _ = try await backend.createTopic(named: name)
            } else if let arn = current?["TopicArn"]?.stringValue {
                try await backend.deleteTopic(arn: arn)
            }
        case .eventRule(let name):
            if let state {
                try await backend.putEventRule(try state.decoded(as: EventRuleDefinition.self, source: source), name: name)
            } else {
                try await backend.deleteEventRule(name: name)
            }
        case .eventRuleTargets(let rule):
            let wanted = try state.map { try $0.decoded(as: [EventRuleTarget].self, source: source) } ?? []
            let present = try current.map { try $0.decoded(as: [EventRuleTarget].self, source: "\(displayName) now") } ?? []
            let stale = present.map(\.id).filter { id in !wanted.contains { $0.id == id } }
            if !stale.isEmpty { try await backend.removeTargets(ids: stale, rule: rule) }
            if !wanted.isEmpty { try await backend.putTargets(wanted, rule: rule) }
        }
    }

    /// True when two states of this target mean the same (policies by meaning, other states ignoring order
    /// and fields AWS adds on its own).
    public func sameState(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let a?, let b?):
            switch self {
            case .bucketPolicy, .endpointPolicy:
                guard let first = try? PolicyDocument(json: a, source: ""), let second = try? PolicyDocument(json: b, source: "") else {
                    return a == b
                }
                return first.isEquivalent(to: second)
            default:
                return a.unordered == b.unordered || (a.isContained(in: b) && b.isContained(in: a))
            }
        }
    }

    /// True when a read-back `actual` holds what was written (`expected`); AWS may add defaults.
    func holds(_ expected: JSONValue?, actual: JSONValue?) -> Bool {
        switch self {
        case .bucketPolicy, .endpointPolicy: return sameState(expected, actual)
        default:
            guard let expected else { return actual == nil }
            guard let actual else { return false }
            return expected.isContained(in: actual)
        }
    }
}
