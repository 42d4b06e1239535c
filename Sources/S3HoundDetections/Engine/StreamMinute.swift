import S3HoundCore

/// One principal's events of one stream (e.g. discovery calls) in one minute: counts, failures,
/// the distinct terms they touched (buckets, keys) and where they came from.
public struct StreamMinute: Sendable {
    /// Events counted.
    public var count = 0
    /// Of those, failed calls.
    public var failed = 0
    /// Hashes of the distinct terms.
    public var termHashes = InlineHashSet()
    /// The first term, for explanations (kept apart from the others: most minutes have one).
    private var firstTerm: String?
    /// More terms, up to `sampleLimit` in all.
    private var moreTerms: [String] = []
    /// Source addresses with counts.
    public var sourceIPs = InlineCounts()
    /// Access keys with counts.
    public var accessKeys = InlineCounts()

    /// A few of the terms, for explanations.
    public var sampleTerms: [String] { firstTerm.map { [$0] + moreTerms } ?? [] }
    /// Earliest event.
    public var first: EventReference
    /// Latest event.
    public var last: EventReference

    /// How many sample terms a minute keeps.
    static let sampleLimit = 5

    /// Starts a minute with one event.
    init(_ event: ActivityEvent, term: String) {
        first = event.reference
        last = first
        add(event, term: term, counted: false)
    }

    /// Counts an event.
    mutating func add(_ event: ActivityEvent, term: String, counted: Bool = true) {
        if counted { widen(first: &first, last: &last, time: event.time) { event.reference } }
        count += 1
        if event.failed { failed += 1 }
        if termHashes.insert(ObjectKeyHash.hash(bucket: "", key: term)) { keepSample(term) }
        sourceIPs.add(event.sourceIPAddress ?? "")
        if let key = event.identity.accessKeyId, !key.isEmpty { accessKeys.add(key) }
    }

    /// Keeps `term` as a sample while there is room.
    private mutating func keepSample(_ term: String) {
        if firstTerm == nil { firstTerm = term } else if moreTerms.count + 1 < Self.sampleLimit { moreTerms.append(term) }
    }

    /// Adds another tally of the same minute.
    mutating func merge(_ other: StreamMinute) {
        count += other.count
        failed += other.failed
        termHashes.formUnion(other.termHashes)
        for term in other.sampleTerms where !sampleTerms.contains(term) { keepSample(term) }
        sourceIPs.merge(other.sourceIPs)
        accessKeys.merge(other.accessKeys)
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}

/// One principal in one detection's stream.
public struct StreamKey: Hashable, Sendable {
    /// The detection id.
    public var detectionID: String
    /// The principal.
    public var principal: String
}
