import S3HoundCore

#if os(Linux)
/// glibc's `malloc_trim` (in `<malloc.h>`, which the Glibc module does not bring in).
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// The aggregates one scan builds, event by event, on one thread; accumulators of several threads merge.
///
/// Nothing here holds the records themselves: per-principal and per-hour tallies (and per-minute ones for
/// stream detections) are enough to judge any window afterwards, so the input can be read in any order.
/// Object reads are counted per hour here and kept one by one, compactly, in the `ReadLedger`, from which
/// the minutes a burst or an incident covers are rebuilt.
public final class ActivityAccumulator {
    /// The detection tunables (event detections apply them while reading).
    public let configuration: DetectionConfiguration
    /// Events outside this range are counted and dropped.
    public let readRange: TimeWindow
    /// Per principal.
    public private(set) var principals: [String: PrincipalActivity] = [:]
    /// Object reads per principal and source: counters per clock hour. Each read's detail is in `readLedgers`.
    public private(set) var readStreams: [ReadStreamKey: ReadStream] = [:]
    /// This accumulator's own reads, one record each.
    public let readLedger: ReadLedger
    /// The ledgers of accumulators merged into this one (their stream numbers are their own).
    public private(set) var mergedLedgers: [ReadLedger] = []
    /// Per-minute tallies of stream detections (listings, denials, deletions), by detection and principal.
    public private(set) var streams: [StreamKey: [Int64: StreamMinute]] = [:]
    /// Matched events not kept because a detection reached `keptEventsPerDetection`, by detection id.
    public private(set) var matchesNotKept: [String: Int] = [:]
    /// Events matched by per-event detections, by detection id.
    public private(set) var matches: [String: [ActivityEvent]] = [:]
    /// Events accumulated.
    public private(set) var events = 0
    /// Events dropped for falling outside `readRange`.
    public internal(set) var outsideRange = 0
    /// Earliest event time accumulated.
    public private(set) var earliest: EventTime?
    /// Latest event time accumulated.
    public private(set) var latest: EventTime?
    /// `recipientAccountId` values seen.
    public internal(set) var accounts: Set<String> = []
    /// GuardDuty and Macie findings, by service and id (the latest update of each).
    public internal(set) var serviceFindings: [String: ServiceFinding] = [:]
    /// Flow-log traffic from our interfaces to outside addresses, per minute.
    public internal(set) var egress: [EgressKey: [Int64: EgressMinute]] = [:]
    /// Flow-log records taken (any direction).
    public internal(set) var flowRecords = 0
    /// Events by evidence source (`cloudTrail`, `serverAccessLog`), flow records and service findings by theirs.
    public internal(set) var sourceCounts: [String: Int] = [:]

    private let eventDetections: [any EventDetection]
    /// The account `addTotals` last put in `accounts`.
    private var lastAccount: String?
    /// Per-term answers of event detections, worked out once per distinct user agent or address.
    private let terms = EventTermCache()
    /// Per call name, the event detections that can keep such a call (`EventDetection.eventNames`).
    private let detectionsByName = TermSlots<[Int]>()
    /// Per call name, the stream detections such a call can be part of (`StreamDetection.eventNames`).
    private let streamsByName = TermSlots<[Int]>()
    private let streamDetections: [any StreamDetection]

    /// Creates an empty accumulator.
    public init(configuration: DetectionConfiguration, readRange: TimeWindow = .unbounded,
                eventDetections: [any EventDetection] = DetectionCatalog.eventDetections,
                streamDetections: [any StreamDetection] = DetectionCatalog.streamDetections,
                readLedger: ReadLedger = ReadLedger()) {
        self.configuration = configuration
        self.readLedger = readLedger
        self.readRange = readRange
        self.eventDetections = eventDetections
        self.streamDetections = streamDetections
    }

    /// Takes one event.
    public func add(_ event: ActivityEvent) {
        if addTotals(event) { addActivity(event) }
    }

    /// Counts an event in the run's totals (events, sources, time span, accounts); false when it lies outside
    /// `readRange` (counted as such) and must not be taken further.
    public func addTotals(_ event: ActivityEvent) -> Bool {
        guard readRange.contains(event.time) else { outsideRange += 1; return false }
        events += 1
        sourceCounts[event.origin.rawValue, default: 0] += 1
        noteTime(event.time)
        // Runs of events share their account (and, interned by the reader, its storage): skip the set then.
        if let account = event.recipientAccountId, !account.isEmpty, account != lastAccount {
            accounts.insert(account)
            lastAccount = account
        }
        return true
    }

    /// Adds an event within `readRange` to the tallies detections read, without counting it in the totals:
    /// for events counted once as they were read and replayed from an `EventSpool` later.
    public func addActivity(_ event: ActivityEvent) {
        let identity = event.identity
        let principal = identity.principal
        // Built once: tallies may take it as their first or last event, and the read ledger keeps its id.
        let reference = event.reference
        if !identity.isAWSService {
            let family = terms.agentFamily(event.userAgent)
            if let index = principals.index(forKey: principal) {
                principals.values[index].add(event, reference: reference, agentFamily: family)
            } else {
                var activity = PrincipalActivity(principal: principal)
                activity.add(event, reference: reference, agentFamily: family)
                principals[principal] = activity
            }
        }
        if event.eventName == "GetObject" { addRead(event, principal: principal, reference: reference) }
        let streamDetections = streamDetections
        let streamsAsked = streamsByName.value(event.eventName) { Self.asked(streamDetections, about: $0) { type(of: $0).eventNames } }
        for index in streamsAsked {
            let detection = streamDetections[index]
            guard let term = detection.streamTerm(event, configuration: configuration) else { continue }
            let key = StreamKey(detectionID: type(of: detection).metadata.id, principal: principal)
            let minute = event.time.minuteIndex
            if let index = streams.index(forKey: key) {
                if let inner = streams.values[index].index(forKey: minute) {
                    streams.values[index].values[inner].add(event, term: term)
                } else {
                    streams.values[index][minute] = StreamMinute(event, term: term)
                }
            } else {
                streams[key] = [minute: StreamMinute(event, term: term)]
            }
        }
        let eventDetections = eventDetections
        let asked = detectionsByName.value(event.eventName) { Self.asked(eventDetections, about: $0) { type(of: $0).eventNames } }
        for index in asked where eventDetections[index].matches(event, configuration: configuration, terms: terms) {
            let id = type(of: eventDetections[index]).metadata.id
            if matches[id, default: []].count < configuration.keptEventsPerDetection {
                matches[id, default: []].append(event)
            } else {
                matchesNotKept[id, default: 0] += 1
            }
        }
    }

    /// The indices of the detections to ask about a call named `name`: those whose declared names hold it,
    /// and those that declare none.
    private static func asked<Detection>(_ detections: [Detection], about name: String, names: (Detection) -> Set<String>?) -> [Int] {
        detections.indices.filter { names(detections[$0])?.contains(name) ?? true }
    }

    /// Counts a GetObject in its stream's hour and records it in the ledger.
    private func addRead(_ event: ActivityEvent, principal: String, reference: EventReference) {
        let key = ReadStreamKey(principal: principal, sourceIP: event.sourceIPAddress ?? "")
        let failed = event.failed
        let bytes = failed ? 0 : max(0, event.bytesTransferredOut ?? 0)
        let id: UInt32
        if let index = readStreams.index(forKey: key) {
            if readStreams.values[index].ledgerID == ReadStream.unregistered {
                readStreams.values[index].ledgerID = readLedger.register(key)
            }
            id = readStreams.values[index].ledgerID
            readStreams.values[index].add(time: event.time, failed: failed, bytes: bytes)
        } else {
            id = readLedger.register(key)
            var stream = ReadStream(ledgerID: id)
            stream.add(time: event.time, failed: failed, bytes: bytes)
            readStreams[key] = stream
        }
        readLedger.append(event, id: reference.storedID, streamID: id, failed: failed, bytes: bytes)
    }

    /// Hands memory freed while merging back to the system. glibc keeps each thread's freed memory in that
    /// thread's arena, so tallies moving from a reader thread's accumulator to the main one would otherwise
    /// count twice in the process's resident size.
    static func returnFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Widens the input's time span to include `time`.
    func noteTime(_ time: EventTime) {
        if earliest.map({ time < $0 }) ?? true { earliest = time }
        if latest.map({ $0 < time }) ?? true { latest = time }
    }

    /// Folds another accumulator (from another thread) into this one. `other` is emptied of its tallies as they
    /// move, so the two never hold a month of tallies twice; only its totals and ledger stay readable.
    public func merge(_ other: ActivityAccumulator) {
        events += other.events
        outsideRange += other.outsideRange
        if let e = other.earliest { noteTime(e) }
        if let l = other.latest { noteTime(l) }
        accounts.formUnion(other.accounts)
        mergeEvidence(other)
        for (n, key) in Array(other.principals.keys).enumerated() {
            guard let theirs = other.principals.removeValue(forKey: key) else { continue }
            if let index = principals.index(forKey: key) { principals.values[index].merge(theirs) } else { principals[key] = theirs }
            if n % 64 == 63 { Self.returnFreedMemory() }
        }
        for key in Array(other.readStreams.keys) {
            guard let theirs = other.readStreams.removeValue(forKey: key) else { continue }
            if let index = readStreams.index(forKey: key) {
                readStreams.values[index].merge(theirs)
            } else {
                var stream = theirs
                stream.ledgerID = ReadStream.unregistered
                readStreams[key] = stream
            }
        }
        Self.returnFreedMemory()
        mergedLedgers.append(other.readLedger)
        mergedLedgers += other.mergedLedgers
        for (id, events) in other.matches {
            let room = max(0, configuration.keptEventsPerDetection - (matches[id]?.count ?? 0))
            matches[id, default: []].append(contentsOf: events.prefix(room))
            if events.count > room { matchesNotKept[id, default: 0] += events.count - room }
        }
        matchesNotKept.merge(other.matchesNotKept, uniquingKeysWith: +)
        for key in Array(other.streams.keys) {
            guard let theirs = other.streams.removeValue(forKey: key) else { continue }
            if let index = streams.index(forKey: key) {
                streams.values[index].merge(theirs) { $0.merge($1) }
            } else {
                streams[key] = theirs
            }
        }
    }
}

/// One principal reading from one source.
public struct ReadStreamKey: Hashable, Sendable {
    /// The principal.
    public var principal: String
    /// `sourceIPAddress` as logged (an IP or a service name).
    public var sourceIP: String
}
