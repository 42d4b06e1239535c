import S3HoundCore

/// What the evidence sources other than CloudTrail show of a multi-source attack (`full-story`), each fact
/// recomputable from the files written.
public struct EvidenceTruth: Codable, Sendable, Equatable {
    /// The sources written, in the order a responder reads them: `cloudtrail`, `s3-server-access-logs`,
    /// `vpc-flow-logs`, `guardduty`, `macie`.
    public var sources: [String]
    /// Sorted buckets the attacker read whose S3 data events are in CloudTrail.
    public var cloudTrailBuckets: [String]
    /// The attack as the bucket's server access logs show it (its data events are not in the trail).
    public var accessLogs: AccessLogTruth
    /// The egress the flow logs show during the attack.
    public var flowLogs: FlowEgressTruth
    /// GuardDuty's findings about the attack (not the noise, archived or sample ones).
    public var guardDuty: [ServiceFindingTruth]
    /// GuardDuty findings about something else (low-severity noise a reader keeps, but not in the attack's incident).
    public var guardDutyNoise: [ServiceFindingTruth]
    /// GuardDuty findings in the export that a reader must skip: archived ones and sample ones.
    public var guardDutySkipped: [ServiceFindingTruth]
    /// What Macie had flagged in the buckets the attacker read.
    public var macie: MacieTruth
    /// Detections that must fire once every source is read: today's CloudTrail ones plus the flow-log and GuardDuty ones.
    public var detectionsWithAllSources: [String]

    /// Creates the evidence truth.
    public init(sources: [String], cloudTrailBuckets: [String], accessLogs: AccessLogTruth, flowLogs: FlowEgressTruth,
                guardDuty: [ServiceFindingTruth], guardDutyNoise: [ServiceFindingTruth], guardDutySkipped: [ServiceFindingTruth],
                macie: MacieTruth, detectionsWithAllSources: [String]) {
        self.sources = sources; self.cloudTrailBuckets = cloudTrailBuckets; self.accessLogs = accessLogs; self.flowLogs = flowLogs
        self.guardDuty = guardDuty; self.guardDutyNoise = guardDutyNoise; self.guardDutySkipped = guardDutySkipped; self.macie = macie
        self.detectionsWithAllSources = detectionsWithAllSources
    }
}

/// The attack's reads of one bucket as its S3 server access logs record them.
public struct AccessLogTruth: Codable, Sendable, Equatable {
    /// The bucket whose access logs hold the reads.
    public var bucket: String
    /// The folder the log files are under: `<prefix>/<account>/<region>/<bucket>/`.
    public var folder: String
    /// The requester field of the attacker's lines (the caller's ARN).
    public var requester: String
    /// The remote IP of the attacker's lines.
    public var remoteIP: String
    /// Successful `REST.GET.OBJECT` lines from the attacker.
    public var objects: Int
    /// Distinct keys among them.
    public var distinctKeys: Int
    /// Sum of their `Bytes Sent`.
    public var bytes: Int64

    /// Creates an access-log truth.
    public init(bucket: String, folder: String, requester: String, remoteIP: String, objects: Int, distinctKeys: Int, bytes: Int64) {
        self.bucket = bucket; self.folder = folder; self.requester = requester; self.remoteIP = remoteIP
        self.objects = objects; self.distinctKeys = distinctKeys; self.bytes = bytes
    }
}

/// The large egress from one instance to one outside address, as the VPC flow logs record it.
public struct FlowEgressTruth: Codable, Sendable, Equatable {
    /// The flow log's id (`fl-…`).
    public var flowLogId: String
    /// The instance that sent the data.
    public var instanceId: String
    /// Its network interface.
    public var interfaceId: String
    /// Its private address (`srcaddr`).
    public var sourceAddress: String
    /// Where the data went (`dstaddr`).
    public var destination: String
    /// The destination port.
    public var destinationPort: Int
    /// Sum of `bytes` over the egress records from the instance to the destination.
    public var bytes: Int64
    /// Sum of `packets` over them.
    public var packets: Int64
    /// How many records.
    public var records: Int
    /// `start` of the first of them.
    public var windowStart: EventTime
    /// `end` of the last of them.
    public var windowEnd: EventTime
    /// How the egress ties to the S3 reads.
    public var story: String

    /// Creates a flow-egress truth.
    public init(flowLogId: String, instanceId: String, interfaceId: String, sourceAddress: String, destination: String, destinationPort: Int,
                bytes: Int64, packets: Int64, records: Int, windowStart: EventTime, windowEnd: EventTime, story: String) {
        self.flowLogId = flowLogId; self.instanceId = instanceId; self.interfaceId = interfaceId; self.sourceAddress = sourceAddress
        self.destination = destination; self.destinationPort = destinationPort; self.bytes = bytes; self.packets = packets
        self.records = records; self.windowStart = windowStart; self.windowEnd = windowEnd; self.story = story
    }
}

/// One GuardDuty or Macie finding in the written files.
public struct ServiceFindingTruth: Codable, Sendable, Equatable {
    /// The finding id.
    public var id: String
    /// Its type, e.g. `Exfiltration:S3/AnomalousBehavior`.
    public var type: String
    /// GuardDuty's numeric severity (Macie's score 1–3).
    public var severity: Double
    /// Why a reader skips it, for skipped findings: `archived` or `sample`.
    public var skippedAs: String?
    /// The buckets it names.
    public var buckets: [String]
    /// The objects it names, as `bucket/key` (Macie's sensitive-data findings).
    public var objects: [String]?
    /// The sensitive data types it reports (Macie's sensitive-data findings).
    public var sensitiveTypes: [String]?
    /// First activity it covers.
    public var firstSeen: EventTime
    /// Last activity it covers.
    public var lastSeen: EventTime

    /// Creates a finding truth.
    public init(id: String, type: String, severity: Double, skippedAs: String? = nil, buckets: [String], objects: [String]? = nil,
                sensitiveTypes: [String]? = nil, firstSeen: EventTime, lastSeen: EventTime) {
        self.id = id; self.type = type; self.severity = severity; self.skippedAs = skippedAs
        self.buckets = buckets; self.objects = objects; self.sensitiveTypes = sensitiveTypes; self.firstSeen = firstSeen; self.lastSeen = lastSeen
    }
}

/// What Macie's sensitive-data findings say about the buckets the attacker read.
public struct MacieTruth: Codable, Sendable, Equatable {
    /// The file the findings are in, relative to the output directory.
    public var file: String
    /// Sorted buckets with sensitive-data findings.
    public var flaggedBuckets: [String]
    /// Sorted `bucket/key` of every flagged object.
    public var flaggedObjects: [String]
    /// Sorted `bucket/key` of the flagged objects the attacker read.
    public var flaggedObjectsRead: [String]
    /// Sorted sensitive data types found (`USA_SOCIAL_SECURITY_NUMBER`, `CREDIT_CARD_NUMBER` …).
    public var sensitiveTypes: [String]
    /// The highest severity among them (`High`).
    public var highestSeverity: String
    /// The sensitive-data findings (by id), each with the object it names in `buckets`.
    public var findings: [ServiceFindingTruth]
    /// The policy finding on an unrelated bucket written as noise.
    public var noise: [ServiceFindingTruth]

    /// Creates a Macie truth.
    public init(file: String, flaggedBuckets: [String], flaggedObjects: [String], flaggedObjectsRead: [String], sensitiveTypes: [String],
                highestSeverity: String, findings: [ServiceFindingTruth], noise: [ServiceFindingTruth]) {
        self.file = file; self.flaggedBuckets = flaggedBuckets; self.flaggedObjects = flaggedObjects
        self.flaggedObjectsRead = flaggedObjectsRead; self.sensitiveTypes = sensitiveTypes; self.highestSeverity = highestSeverity
        self.findings = findings; self.noise = noise
    }
}
