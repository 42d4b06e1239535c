import S3HoundCore

/// One principal's use of one term (a source IP, a user-agent family): the whole of it, with its first and
/// last event, and per clock hour.
public struct TermActivity: Sendable {
    /// Every event with the term.
    public private(set) var total: Tally
    /// Per clock hour (hours since the epoch).
    public private(set) var hours: [Int64: HourTally]

    /// Starts with one event (`reference` is `event.reference`).
    init(_ event: ActivityEvent, reference: EventReference) {
        total = Tally(event, reference: reference)
        hours = [event.time.hourIndex: HourTally(event)]
    }

    /// Counts another event (`reference` is `event.reference`).
    mutating func add(_ event: ActivityEvent, reference: EventReference) {
        total.add(event, reference: reference)
        let hour = event.time.hourIndex
        if let index = hours.index(forKey: hour) { hours.values[index].add(event) } else { hours[hour] = HourTally(event) }
    }

    /// Adds another principal tally's use of the same term.
    mutating func merge(_ other: TermActivity) {
        total.merge(other.total)
        hours.mergeLarger(other.hours) { $0.merge($1) }
    }
}

extension Dictionary where Key == String, Value == TermActivity {
    /// Counts `event` (whose `reference` is `event.reference`) under `term`, starting its activity when the term is new.
    mutating func count(_ event: ActivityEvent, reference: EventReference, at term: String) {
        if let index = index(forKey: term) { values[index].add(event, reference: reference) } else { self[term] = TermActivity(event, reference: reference) }
    }

    /// The whole tally of each term.
    var totals: [String: Tally] { mapValues(\.total) }
}
