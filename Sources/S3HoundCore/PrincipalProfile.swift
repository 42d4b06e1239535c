/// What history says about one principal: when and from where it works, with which clients, on which
/// buckets, and how much it reads. Built from logs the user gave (learned, or the baseline part of the input).
public struct PrincipalProfile: Hashable, Sendable, Codable {
    /// The principal (the role for assumed-role sessions, else the ARN), as `CallerIdentity.principal` names it.
    public var principal: String
    /// `userIdentity.type` (`IAMUser`, `AssumedRole` …).
    public var identityType: String?
    /// The principal's account.
    public var accountId: String?
    /// The earliest event.
    public var firstSeen: EventTime
    /// The latest event.
    public var lastSeen: EventTime
    /// UTC days with activity, as days since the epoch (`EventTime.dayIndex`).
    public var activeDayIndexes: Set<Int64>
    /// Source IP addresses used (AWS service names are not addresses and are left out).
    public var sourceIPs: [String: TermHistory]
    /// User-agent families used (`UserAgentFamily`).
    public var userAgentFamilies: [String: TermHistory]
    /// Buckets read with GetObject (first and last seen to the minute; counts include failed reads).
    public var buckets: [String: TermHistory]
    /// Events per UTC hour of day (24 counts, index 0 is 00:00–00:59 UTC).
    public var hourOfDay: [Int]
    /// Successful GetObject volume per clock hour (hours since the epoch), hours with reads only.
    public var hourlyReads: [Int64: Volume]
    /// Successful GetObject volume per UTC day (days since the epoch), days with reads only.
    public var dailyReads: [Int64: Volume]

    /// Creates a profile.
    public init(principal: String, identityType: String? = nil, accountId: String? = nil, firstSeen: EventTime, lastSeen: EventTime,
                activeDayIndexes: Set<Int64> = [], sourceIPs: [String: TermHistory] = [:], userAgentFamilies: [String: TermHistory] = [:],
                buckets: [String: TermHistory] = [:], hourOfDay: [Int] = Array(repeating: 0, count: 24),
                hourlyReads: [Int64: Volume] = [:], dailyReads: [Int64: Volume] = [:]) {
        self.principal = principal; self.identityType = identityType; self.accountId = accountId
        self.firstSeen = firstSeen; self.lastSeen = lastSeen; self.activeDayIndexes = activeDayIndexes
        self.sourceIPs = sourceIPs; self.userAgentFamilies = userAgentFamilies; self.buckets = buckets
        self.hourOfDay = hourOfDay.count == 24 ? hourOfDay : Array(hourOfDay.prefix(24)) + Array(repeating: 0, count: max(0, 24 - hourOfDay.count))
        self.hourlyReads = hourlyReads; self.dailyReads = dailyReads
    }
}
