import S3HoundCore

/// Events of one term in one clock hour: counts and the times of the first and last (24 bytes; which events
/// they were is kept once per term, in `TermActivity.total`).
public struct HourTally: Hashable, Sendable {
    private var events: UInt32
    private var failures: UInt32
    /// When the first event happened.
    public private(set) var first: EventTime
    /// When the last event happened.
    public private(set) var last: EventTime

    /// A tally of one event.
    init(_ event: ActivityEvent) {
        events = 1
        failures = event.failed ? 1 : 0
        first = event.time
        last = event.time
    }

    /// Events counted.
    public var count: Int { Int(events) }
    /// Of those, failed calls.
    public var failed: Int { Int(failures) }

    /// Counts another event.
    mutating func add(_ event: ActivityEvent) {
        events &+= 1
        if event.failed { failures &+= 1 }
        if event.time < first { first = event.time }
        if last < event.time { last = event.time }
    }

    /// Adds another tally of the same term and hour.
    mutating func merge(_ other: HourTally) {
        events &+= other.events
        failures &+= other.failures
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}
