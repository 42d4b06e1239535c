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
    /// Per source IP and clock hour.
    public var ipHours: [TermHour: Tally] = [:]
    /// Per clock hour (hours since the epoch; `% 24` is the UTC hour of day).
    public var hours: [Int64: Tally] = [:]
    /// Per user-agent family (`UserAgentFamily`) and clock hour.
    public var agentHours: [TermHour: Tally] = [:]
    /// Per source IP and clock hour, for requests signed in the query string (presigned URLs).
    public var presignedIPHours: [TermHour: Tally] = [:]
    /// Per public source IP and clock hour, for EC2 instance-profile sessions called from outside a VPC endpoint.
    public var instanceIPHours: [TermHour: Tally] = [:]

    /// Starts an empty profile.
    public init(principal: String) { self.principal = principal }

    /// Records one event.
    public mutating func add(_ event: ActivityEvent) {
        if identityType == nil { identityType = event.identity.type }
        if accountId == nil { accountId = event.identity.accountId }
        if let arn = event.identity.arn, !arn.isEmpty { arns.insert(arn) }
        if let key = event.identity.accessKeyId, !key.isEmpty { accessKeys[key, default: 0] += 1 }
        let hour = event.time.hourIndex
        if let ip = event.sourceIP {
            let term = TermHour(term: ip, hour: hour)
            ipHours.count(event, at: term)
            if event.authenticationMethod == "QueryString" { presignedIPHours.count(event, at: term) }
            if event.identity.isInstanceRoleSession, event.vpcEndpointId == nil, !IPAddress.isPrivate(ip) { instanceIPHours.count(event, at: term) }
        }
        agentHours.count(event, at: TermHour(term: UserAgentFamily.family(of: event.userAgent), hour: hour))
        hours.count(event, at: hour)
    }

    /// Adds another profile of the same principal.
    public mutating func merge(_ other: PrincipalActivity) {
        if identityType == nil { identityType = other.identityType }
        if accountId == nil { accountId = other.accountId }
        arns.formUnion(other.arns)
        accessKeys.merge(other.accessKeys, uniquingKeysWith: +)
        ipHours.mergeLarger(other.ipHours) { $0.merge($1) }
        hours.mergeLarger(other.hours) { $0.merge($1) }
        agentHours.mergeLarger(other.agentHours) { $0.merge($1) }
        presignedIPHours.mergeLarger(other.presignedIPHours) { $0.merge($1) }
        instanceIPHours.mergeLarger(other.instanceIPHours) { $0.merge($1) }
    }

    /// Distinct UTC days with activity inside `range`.
    public func activeDays(in range: TimeWindow?) -> Int { activeDayIndexes(in: range).count }

    /// The UTC days (days since the epoch) with activity inside `range`.
    public func activeDayIndexes(in range: TimeWindow?) -> Set<Int64> {
        guard let range else { return [] }
        return Set(hours.values.filter { range.contains($0.first.time) }.map { $0.first.time.dayIndex })
    }
}

/// A term (an IP, a user agent …) in one clock hour.
public struct TermHour: Hashable, Sendable {
    /// The term's value.
    public var term: String
    /// Hours since the epoch.
    public var hour: Int64
}

/// Hour-of-day labels.
public enum HourOfDay {
    /// `"03"` for 3.
    public static func label(_ hour: Int) -> String { hour < 10 ? "0\(hour)" : "\(hour)" }
}

extension Dictionary where Value == Tally {
    /// Counts `event` under `key`, starting a tally when the key is new.
    mutating func count(_ event: ActivityEvent, at key: Key) {
        if let index = index(forKey: key) { values[index].add(event) } else { self[key] = Tally(event) }
    }
}
