import S3HoundCore

/// Counts of events sharing a key, with the first and last of them.
public struct Tally: Hashable, Sendable {
    /// Events counted.
    public var count: Int
    /// Of those, failed calls.
    public var failed: Int
    /// The earliest event.
    public var first: EventReference
    /// The latest event.
    public var last: EventReference

    /// A tally of one event.
    public init(_ event: ActivityEvent) {
        count = 1
        failed = event.failed ? 1 : 0
        first = event.reference
        last = first
    }

    /// Counts another event.
    public mutating func add(_ event: ActivityEvent) {
        count += 1
        if event.failed { failed += 1 }
        let reference = event.reference
        if reference < first { first = reference }
        if last < reference { last = reference }
    }

    /// Adds another tally of the same key.
    public mutating func merge(_ other: Tally) {
        count += other.count
        failed += other.failed
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}

extension Dictionary {
    /// Merges `other` into this dictionary, combining values present in both.
    mutating func merge(_ other: [Key: Value], combining: (inout Value, Value) -> Void) {
        for (key, value) in other {
            if var existing = self[key] {
                combining(&existing, value)
                self[key] = existing
            } else {
                self[key] = value
            }
        }
    }
}
