import S3HoundCore

/// Everything seen of one principal, kept as per-day tallies so any window can be judged after the scan.
public struct PrincipalActivity: Sendable {
    /// The principal (role for sessions, else the ARN).
    public var principal: String
    /// `userIdentity.type`.
    public var identityType: String?
    /// The caller's account.
    public var accountId: String?
    /// Caller ARNs seen.
    public var arns: Set<String> = []
    /// Access keys used, with request counts.
    public var accessKeys: [String: Int] = [:]
    /// Per source IP: all of its use, and per clock hour.
    public var ips: [String: TermActivity] = [:]
    /// Per clock hour (hours since the epoch; `% 24` is the UTC hour of day).
    public var hours: [Int64: Tally] = [:]
    /// Per user-agent family (`UserAgentFamily`): all of its use, and per clock hour.
    public var agents: [String: TermActivity] = [:]
    /// Per source IP, for requests signed in the query string (presigned URLs).
    public var presignedIPs: [String: Tally] = [:]
    /// Per public source IP, for EC2 instance-profile sessions called from outside a VPC endpoint.
    public var instanceIPs: [String: Tally] = [:]
    /// The ARN `add` last put in `arns`.
    private var lastArn: String?

    /// Starts an empty profile.
    public init(principal: String) { self.principal = principal }

    /// Records one event.
    public mutating func add(_ event: ActivityEvent) {
        add(event, reference: event.reference, agentFamily: UserAgentFamily.family(of: event.userAgent))
    }

    /// Records one event whose reference (`event.reference`) and user agent's family (`UserAgentFamily.family(of:)`)
    /// the caller worked out.
    mutating func add(_ event: ActivityEvent, reference: EventReference, agentFamily: String) {
        if identityType == nil { identityType = event.identity.type }
        if accountId == nil { accountId = event.identity.accountId }
        // A principal's events nearly always carry the ARN of the one before (the same storage, once interned).
        if let arn = event.identity.arn, !arn.isEmpty, arn != lastArn {
            arns.insert(arn)
            lastArn = arn
        }
        if let key = event.identity.accessKeyId, !key.isEmpty { accessKeys[key, default: 0] += 1 }
        if let ip = event.sourceIP {
            ips.count(event, reference: reference, at: ip)
            if event.authenticationMethod == "QueryString" { presignedIPs.count(event, reference: reference, at: ip) }
            if event.vpcEndpointId == nil, event.identity.isInstanceRoleSession, !IPAddress.isPrivate(ip) { instanceIPs.count(event, reference: reference, at: ip) }
        }
        agents.count(event, reference: reference, at: agentFamily)
        hours.count(event, reference: reference, at: event.time.hourIndex)
    }

    /// Adds another profile of the same principal.
    public mutating func merge(_ other: PrincipalActivity) {
        if identityType == nil { identityType = other.identityType }
        if accountId == nil { accountId = other.accountId }
        arns.formUnion(other.arns)
        accessKeys.merge(other.accessKeys, uniquingKeysWith: +)
        ips.mergeLarger(other.ips) { $0.merge($1) }
        hours.mergeLarger(other.hours) { $0.merge($1) }
        agents.mergeLarger(other.agents) { $0.merge($1) }
        presignedIPs.mergeLarger(other.presignedIPs) { $0.merge($1) }
        instanceIPs.mergeLarger(other.instanceIPs) { $0.merge($1) }
    }

    /// Distinct UTC days with activity inside `range`.
    public func activeDays(in range: TimeWindow?) -> Int { activeDayIndexes(in: range).count }

    /// The UTC days (days since the epoch) with activity inside `range`.
    public func activeDayIndexes(in range: TimeWindow?) -> Set<Int64> {
        guard let range else { return [] }
        return Set(hours.values.filter { range.contains($0.first.time) }.map { $0.first.time.dayIndex })
    }
}

/// Hour-of-day labels.
public enum HourOfDay {
    /// `"03"` for 3.
    public static func label(_ hour: Int) -> String { hour < 10 ? "0\(hour)" : "\(hour)" }
}

extension Dictionary where Value == Tally {
    /// Counts `event` (whose `reference` is `event.reference`) under `key`, starting a tally when the key is new.
    mutating func count(_ event: ActivityEvent, reference: EventReference, at key: Key) {
        if let index = index(forKey: key) { values[index].add(event, reference: reference) } else { self[key] = Tally(event, reference: reference) }
    }
}
