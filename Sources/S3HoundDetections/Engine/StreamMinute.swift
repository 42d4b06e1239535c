import S3HoundCore

/// One principal's events of one stream (e.g. discovery calls) in one minute: counts, failures,
/// the distinct terms they touched (buckets, keys) and where they came from.
public struct StreamMinute: Sendable {
    /// Events counted.
    public var count = 0
    /// Of those, failed calls.
    public var failed = 0
    /// Hashes of the distinct terms.
    public var termHashes: Set<UInt64> = []
    /// A few of the terms, for explanations.
    public var sampleTerms: [String] = []
    /// Source addresses with counts.
    public var sourceIPs: [String: Int] = [:]
    /// Access keys with counts.
    public var accessKeys: [String: Int] = [:]
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
        if counted { widen(first: &first, last: &last, with: event) }
        count += 1
        if event.failed { failed += 1 }
        if termHashes.insert(ObjectKeyHash.hash(bucket: "", key: term)).inserted, sampleTerms.count < Self.sampleLimit {
            sampleTerms.append(term)
        }
        sourceIPs[event.sourceIPAddress ?? "", default: 0] += 1
        if let key = event.identity.accessKeyId, !key.isEmpty { accessKeys[key, default: 0] += 1 }
    }

    /// Adds another tally of the same minute.
    mutating func merge(_ other: StreamMinute) {
        count += other.count
        failed += other.failed
        termHashes.formUnion(other.termHashes)
        for term in other.sampleTerms where sampleTerms.count < Self.sampleLimit && !sampleTerms.contains(term) { sampleTerms.append(term) }
        sourceIPs.merge(other.sourceIPs, uniquingKeysWith: +)
        accessKeys.merge(other.accessKeys, uniquingKeysWith: +)
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
