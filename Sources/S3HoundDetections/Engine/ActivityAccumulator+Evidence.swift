import S3HoundCore

extension ActivityAccumulator {
    /// Takes one GuardDuty or Macie finding (kept whole: findings are few). A finding seen again keeps its latest update.
    public func add(_ finding: ServiceFinding) {
        let key = finding.service.rawValue + ":" + finding.id
        if let known = serviceFindings[key], (known.updatedAt ?? known.createdAt) >= (finding.updatedAt ?? finding.createdAt) { return }
        if serviceFindings[key] == nil { sourceCounts[finding.service.rawValue, default: 0] += 1 }
        serviceFindings[key] = finding
    }

    /// Takes one flow-log record; only accepted traffic from an interface to an outside address is kept
    /// (per minute), as egress. Outside: not private, not in `allowedNetworks`, not an AWS service range
    /// (`pkt-dst-aws-service`, or `awsNetworks` when AWS's ip-ranges.json was given).
    public func add(_ flow: FlowRecord) {
        flowRecords += 1
        sourceCounts["vpcFlowLogs", default: 0] += 1
        guard readRange.contains(flow.start) else { outsideRange += 1; return }
        noteTime(flow.start)
        if let account = flow.accountId, !account.isEmpty, account != "-" { accounts.insert(account) }
        guard let egress = Self.egressDestination(of: flow, configuration: configuration), let bytes = flow.bytes, bytes > 0 else { return }
        let key = EgressKey(interfaceId: flow.interfaceId ?? "", instanceId: flow.instanceId ?? "",
                            sourceAddress: flow.effectiveSource ?? "", destination: egress)
        let minute = flow.start.minuteIndex
        let tally = EgressMinute(bytes: bytes, packets: flow.packets ?? 0, flows: 1, first: flow.start, last: flow.end)
        self.egress[key, default: [:]][minute, default: EgressMinute.empty(at: flow.start)].merge(tally)
    }

    /// The outside address a flow sends to, or nil when the flow is not egress to the outside.
    static func egressDestination(of flow: FlowRecord, configuration: DetectionConfiguration) -> String? {
        if let action = flow.action, action != "ACCEPT" { return nil }
        if let direction = flow.flowDirection, direction != "egress" { return nil }
        if let service = flow.packetDestinationAWSService, !service.isEmpty, service != "-" { return nil }
        guard let source = flow.effectiveSource, let destination = flow.effectiveDestination else { return nil }
        // Without a direction field, egress is private (ours) to public (theirs).
        if flow.flowDirection == nil, !IPAddress.isPrivate(source) { return nil }
        guard IPAddress.isIPAddress(destination), !IPAddress.isPrivate(destination) else { return nil }
        if let value = IPAddressValue(destination) {
            if configuration.allowedNetworks.match(value) != nil || configuration.awsNetworks.match(value) != nil { return nil }
        }
        return destination
    }

    /// Folds another accumulator's flows and service findings into this one.
    func mergeEvidence(_ other: ActivityAccumulator) {
        for finding in other.serviceFindings.values {
            let key = finding.service.rawValue + ":" + finding.id
            if let known = serviceFindings[key], (known.updatedAt ?? known.createdAt) >= (finding.updatedAt ?? finding.createdAt) { continue }
            serviceFindings[key] = finding
        }
        flowRecords += other.flowRecords
        sourceCounts.merge(other.sourceCounts, uniquingKeysWith: +)
        egress.merge(other.egress) { mine, theirs in mine.merge(theirs) { a, b in var a = a; a.merge(b); return a } }
    }
}

/// One interface sending to one outside address.
public struct EgressKey: Hashable, Sendable {
    /// `interface-id` (empty when the format lacks it).
    public var interfaceId: String
    /// `instance-id` (empty when the format lacks it).
    public var instanceId: String
    /// The private address the traffic left from.
    public var sourceAddress: String
    /// The outside address.
    public var destination: String
}

/// Egress in one minute for one `EgressKey`.
public struct EgressMinute: Sendable, Hashable {
    /// Bytes sent.
    public var bytes: Int64
    /// Packets sent.
    public var packets: Int64
    /// Flow records summed.
    public var flows: Int
    /// Earliest capture start.
    public var first: EventTime
    /// Latest capture end.
    public var last: EventTime

    static func empty(at time: EventTime) -> EgressMinute { EgressMinute(bytes: 0, packets: 0, flows: 0, first: time, last: time) }

    /// Adds another tally.
    public mutating func merge(_ other: EgressMinute) {
        bytes += other.bytes; packets += other.packets; flows += other.flows
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}
