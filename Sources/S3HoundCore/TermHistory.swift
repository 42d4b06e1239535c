/// When a term (a source IP, a user-agent family, a bucket, a principal reading a bucket) was seen, and how often.
public struct TermHistory: Hashable, Sendable, Codable {
    /// The earliest event with the term.
    public var firstSeen: EventTime
    /// The latest event with the term.
    public var lastSeen: EventTime
    /// Events with the term.
    public var count: Int

    /// Creates a history.
    public init(firstSeen: EventTime, lastSeen: EventTime, count: Int) {
        self.firstSeen = firstSeen; self.lastSeen = lastSeen; self.count = count
    }

    /// Adds another history of the same term: counts add up, first and last widen.
    public mutating func merge(_ other: TermHistory) {
        count += other.count
        if other.firstSeen < firstSeen { firstSeen = other.firstSeen }
        if lastSeen < other.lastSeen { lastSeen = other.lastSeen }
    }

    /// This history with another of the same term added.
    public func merging(_ other: TermHistory) -> TermHistory {
        var copy = self
        copy.merge(other)
        return copy
    }
}
