/// The parts of an incident that tell its story across every evidence source: the merged timeline,
/// per-minute activity against the principal's usual, hours against the baseline, network egress,
/// and the GuardDuty/Macie findings joined to it. Empty parts are simply absent from reports.
public struct IncidentStory: Hashable, Sendable, Codable {
    /// Every source's moments, in time order.
    public var timeline: [TimelineEntry]
    /// Requests and bytes per minute over the incident's span (minutes with activity only).
    public var minutes: [MinuteActivity]
    /// What the principal usually does in an active minute, from its baseline; nil without history.
    public var usualPerMinute: UsualRate?
    /// Requests by hour of day (UTC) in the incident, and in the principal's baseline.
    public var hours: HourComparison?
    /// Flow-log egress tied to the incident (its instances/interfaces, or its IPs), largest first.
    public var egress: [NetworkEgress]
    /// GuardDuty and Macie findings joined to the incident.
    public var serviceFindings: [ServiceFinding]
    /// EC2 instances involved (from instance-role sessions, flow logs or GuardDuty).
    public var instances: [String]
    /// Evidence sources that contributed (`cloudTrail`, `serverAccessLog`, `vpcFlowLogs`, `guardDuty`, `macie`).
    public var sources: [String]

    /// Creates a story.
    public init(timeline: [TimelineEntry] = [], minutes: [MinuteActivity] = [], usualPerMinute: UsualRate? = nil,
                hours: HourComparison? = nil, egress: [NetworkEgress] = [], serviceFindings: [ServiceFinding] = [],
                instances: [String] = [], sources: [String] = []) {
        self.timeline = timeline; self.minutes = minutes; self.usualPerMinute = usualPerMinute; self.hours = hours
        self.egress = egress; self.serviceFindings = serviceFindings; self.instances = instances; self.sources = sources
    }
}

/// One moment of an incident's timeline.
public struct TimelineEntry: Hashable, Sendable, Codable, Comparable {
    /// When.
    public var time: EventTime
    /// Which evidence source says so (`cloudTrail`, `serverAccessLog`, `vpcFlowLogs`, `guardDuty`, `macie`).
    public var source: String
    /// What kind of moment: `first-anomalous-request`, `burst`, `finding`, `egress`, `guardduty`, `macie`, `tampering`, `last-request`.
    public var kind: String
    /// One sentence (may hold attacker-controlled names — escape on output).
    public var summary: String

    /// Creates an entry.
    public init(time: EventTime, source: String, kind: String, summary: String) {
        self.time = time; self.source = source; self.kind = kind; self.summary = summary
    }

    public static func < (lhs: TimelineEntry, rhs: TimelineEntry) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        return (lhs.kind, lhs.summary) < (rhs.kind, rhs.summary)
    }

    /// At the same instant, the story's order: the first request opens it, the last closes it.
    private var rank: Int {
        switch kind {
        case "first-anomalous-request": return 0
        case "last-request": return 9
        case "burst": return 2
        default: return 1
        }
    }
}

/// Requests and bytes in one minute of an incident.
public struct MinuteActivity: Hashable, Sendable, Codable {
    /// The minute (start).
    public var minute: EventTime
    /// Requests in it (successful and failed).
    public var requests: Int
    /// Of those, failed.
    public var failed: Int
    /// Bytes sent out.
    public var bytesOut: Int64

    /// Creates a row.
    public init(minute: EventTime, requests: Int, failed: Int = 0, bytesOut: Int64 = 0) {
        self.minute = minute; self.requests = requests; self.failed = failed; self.bytesOut = bytesOut
    }
}

/// The principal's usual rate in a minute it is active, from its baseline.
public struct UsualRate: Hashable, Sendable, Codable {
    /// Requests per active minute (mean).
    public var requests: Double
    /// Bytes per active minute (mean).
    public var bytesOut: Double

    /// Creates a rate.
    public init(requests: Double, bytesOut: Double) { self.requests = requests; self.bytesOut = bytesOut }
}

/// Requests by UTC hour of day: in the incident, and in the principal's baseline history.
public struct HourComparison: Hashable, Sendable, Codable {
    /// 24 counts, index = hour (UTC), during the incident.
    public var incident: [Int]
    /// 24 counts, index = hour (UTC), in the baseline.
    public var baseline: [Int]

    /// Creates a comparison (each array is padded or cut to 24).
    public init(incident: [Int], baseline: [Int]) {
        self.incident = Array((incident + Array(repeating: 0, count: 24)).prefix(24))
        self.baseline = Array((baseline + Array(repeating: 0, count: 24)).prefix(24))
    }
}

/// Traffic from one interface to one outside address, summed over the flow records tied to an incident.
public struct NetworkEgress: Hashable, Sendable, Codable {
    /// `interface-id`.
    public var interfaceId: String?
    /// `instance-id`, when the format carries it.
    public var instanceId: String?
    /// The private address the traffic left from.
    public var sourceAddress: String?
    /// The outside address.
    public var destination: String
    /// Bytes sent.
    public var bytes: Int64
    /// Packets sent.
    public var packets: Int64
    /// Flow records summed.
    public var flows: Int
    /// First capture window start.
    public var first: EventTime
    /// Last capture window end.
    public var last: EventTime
    /// How it is tied to the incident ("same instance as the role session", "destination is the caller IP" …).
    public var tie: String

    /// Creates a row.
    public init(interfaceId: String?, instanceId: String?, sourceAddress: String?, destination: String, bytes: Int64,
                packets: Int64, flows: Int, first: EventTime, last: EventTime, tie: String) {
        self.interfaceId = interfaceId; self.instanceId = instanceId; self.sourceAddress = sourceAddress
        self.destination = destination; self.bytes = bytes; self.packets = packets; self.flows = flows
        self.first = first; self.last = last; self.tie = tie
    }
}

/// Sensitive data in one bucket an incident read from, joined with Macie's findings on bucket and key.
public struct SensitiveDataImpact: Hashable, Sendable, Codable {
    /// Bucket.
    public var bucket: String
    /// Objects Macie flagged in this bucket.
    public var objectsFlagged: Int
    /// Of those, objects the incident read (matched by key); nil when the bucket is flagged as a whole.
    public var objectsRead: Int?
    /// Sensitive data types (category, type, occurrences) across the flagged objects that were read
    /// (or the whole bucket's, when keys were not matched).
    public var types: [SensitiveDataHit]
    /// The highest Macie severity among the bucket's findings.
    public var macieSeverity: String?
    /// Macie finding ids.
    public var findingIds: [String]

    /// Creates a row.
    public init(bucket: String, objectsFlagged: Int, objectsRead: Int?, types: [SensitiveDataHit], macieSeverity: String?, findingIds: [String]) {
        self.bucket = bucket; self.objectsFlagged = objectsFlagged; self.objectsRead = objectsRead; self.types = types
        self.macieSeverity = macieSeverity; self.findingIds = findingIds
    }
}
