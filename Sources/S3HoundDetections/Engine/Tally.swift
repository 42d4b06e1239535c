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

    /// A tally of one event; `reference` is `event.reference`, built once by the caller for every tally the
    /// event goes into (building it packs the event id).
    public init(_ event: ActivityEvent, reference: EventReference) {
        count = 1
        failed = event.failed ? 1 : 0
        first = reference
        last = reference
    }

    /// Counts another event; `reference` is `event.reference`.
    public mutating func add(_ event: ActivityEvent, reference: EventReference) {
        count += 1
        if event.failed { failed += 1 }
        widen(first: &first, last: &last, time: event.time) { reference }
    }

    /// Adds another tally of the same key.
    public mutating func merge(_ other: Tally) {
        count += other.count
        failed += other.failed
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}

/// Moves `first` or `last` to an event at `time` when it lies beyond them, building its reference (which packs
/// or unpacks the event id) only when it might: events inside the span, the common case, cost two comparisons
/// of time; the id breaks ties of time.
@inline(__always)
func widen(first: inout EventReference, last: inout EventReference, time: EventTime, reference: () -> EventReference) {
    if last.time < time {
        last = reference()
    } else if time < first.time {
        first = reference()
    } else if time == first.time || time == last.time {
        let reference = reference()
        if reference < first { first = reference }
        if last < reference { last = reference }
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

extension Dictionary {
    /// Merges `other` into this dictionary, combining values present in both with a symmetric `combining`
    /// (counts that add, extremes that widen): the smaller of the two is folded into the larger, so the larger
    /// one's storage is reused rather than grown.
    mutating func mergeLarger(_ other: [Key: Value], combining: (inout Value, Value) -> Void) {
        if other.count > count {
            var larger = other
            swap(&self, &larger)
            merge(larger, combining: combining)
        } else {
            merge(other, combining: combining)
        }
    }
}
