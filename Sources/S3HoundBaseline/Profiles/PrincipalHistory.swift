import S3HoundCore

/// One principal's history as per-hour and per-day rows: the unit the store adds up, day by day.
/// Folding it gives the principal's `PrincipalProfile`.
public struct PrincipalHistory: Hashable, Sendable {
    /// The principal, as `CallerIdentity.principal` names it.
    public var principal: String
    /// `userIdentity.type`.
    public var identityType: String?
    /// The principal's account.
    public var accountId: String?
    /// Events per clock hour (hours since the epoch), with the first and last event of the hour.
    public var hours: [Int64: TermHistory] = [:]
    /// Source IPs, user-agent families and buckets, per UTC day.
    public var terms: [TermDay: TermHistory] = [:]
    /// Successful GetObject volume per clock hour.
    public var reads: [Int64: Volume] = [:]

    /// Creates an empty history.
    public init(principal: String, identityType: String? = nil, accountId: String? = nil) {
        self.principal = principal; self.identityType = identityType; self.accountId = accountId
    }

    /// True when no event is recorded.
    public var isEmpty: Bool { hours.isEmpty }

    /// Adds another history of the same principal (rows of the same hour or day add up).
    public mutating func merge(_ other: PrincipalHistory) {
        if identityType == nil { identityType = other.identityType }
        if accountId == nil { accountId = other.accountId }
        hours.merge(other.hours) { $0.merging($1) }
        terms.merge(other.terms) { $0.merging($1) }
        reads.merge(other.reads) { var sum = $0; sum += $1; return sum }
    }

    /// The profile these rows add up to; nil when there is no event.
    public var profile: PrincipalProfile? {
        guard let firstHour = hours.values.first else { return nil }
        var profile = PrincipalProfile(principal: principal, identityType: identityType, accountId: accountId,
                                       firstSeen: firstHour.firstSeen, lastSeen: firstHour.lastSeen)
        for (hour, activity) in hours {
            if activity.firstSeen < profile.firstSeen { profile.firstSeen = activity.firstSeen }
            if profile.lastSeen < activity.lastSeen { profile.lastSeen = activity.lastSeen }
            profile.activeDayIndexes.insert(ClockHour.day(of: hour))
            profile.hourOfDay[ClockHour.hourOfDay(hour)] += activity.count
        }
        for (key, history) in terms {
            switch key.kind {
            case .sourceIP: profile.sourceIPs[key.term] = profile.sourceIPs[key.term].map { $0.merging(history) } ?? history
            case .userAgentFamily: profile.userAgentFamilies[key.term] = profile.userAgentFamilies[key.term].map { $0.merging(history) } ?? history
            case .bucket: profile.buckets[key.term] = profile.buckets[key.term].map { $0.merging(history) } ?? history
            }
        }
        profile.hourlyReads = reads
        for (hour, volume) in reads { profile.dailyReads[ClockHour.day(of: hour), default: Volume()] += volume }
        return profile
    }
}

/// A term of one kind on one UTC day.
public struct TermDay: Hashable, Sendable {
    /// What the term is.
    public var kind: TermKind
    /// The term's value (an IP, a family, a bucket name).
    public var term: String
    /// Days since the epoch (UTC).
    public var day: Int64

    /// Creates a key.
    public init(kind: TermKind, term: String, day: Int64) { self.kind = kind; self.term = term; self.day = day }
}

/// The kinds of terms a profile remembers.
public enum TermKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A source IP address.
    case sourceIP = "source-ip"
    /// A user-agent family.
    case userAgentFamily = "user-agent-family"
    /// A bucket read with GetObject.
    case bucket
}

/// Clock-hour arithmetic (hours since the epoch).
enum ClockHour {
    /// The UTC day an hour falls on.
    static func day(of hour: Int64) -> Int64 { hour >= 0 ? hour / 24 : (hour - 23) / 24 }
    /// The UTC hour of day, 0–23.
    static func hourOfDay(_ hour: Int64) -> Int { Int(hour - day(of: hour) * 24) }
}
