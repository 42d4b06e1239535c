/// One thing a detection found, with everything needed to explain it.
public struct Finding: Hashable, Sendable, Codable {
    /// The detection that produced it.
    public var detectionID: String
    /// The detection's title.
    public var title: String
    /// Severity of this finding.
    public var severity: Severity
    /// ATT&CK technique ids.
    public var techniques: [String]
    /// The principal (role for sessions, else the ARN) the finding is about.
    public var principal: String
    /// Every caller ARN seen in the finding's events.
    public var arns: [String]
    /// Access key ids used (unmasked here; renderers mask them).
    public var accessKeyIds: [String]
    /// Account of the caller.
    public var accountId: String?
    /// Source IPs with request counts.
    public var sourceIPs: [String: Int]
    /// First and last event of the finding.
    public var firstEvent: EventReference
    /// Last event of the finding.
    public var lastEvent: EventReference
    /// Requests counted (successful and failed).
    public var requestCount: Int
    /// Requests that failed (`errorCode` set): attempts, no data taken.
    public var failedCount: Int
    /// Distinct object keys touched.
    public var distinctKeys: Int
    /// Bytes sent to the caller (`bytesTransferredOut`).
    public var bytesOut: Int64
    /// Per bucket: requests and bytes.
    public var buckets: [String: BucketImpact]
    /// The sentence that says why it fired: rule, threshold or baseline crossed, counts.
    public var explanation: String
    /// Named figures behind the explanation (threshold, baseline, observed), for machines.
    public var evidence: [String: String]

    /// Creates a finding.
    public init(detectionID: String, title: String, severity: Severity, techniques: [String], principal: String,
                arns: [String] = [], accessKeyIds: [String] = [], accountId: String? = nil, sourceIPs: [String: Int] = [:],
                firstEvent: EventReference, lastEvent: EventReference, requestCount: Int, failedCount: Int = 0,
                distinctKeys: Int = 0, bytesOut: Int64 = 0, buckets: [String: BucketImpact] = [:],
                explanation: String, evidence: [String: String] = [:]) {
        self.detectionID = detectionID; self.title = title; self.severity = severity; self.techniques = techniques
        self.principal = principal; self.arns = arns; self.accessKeyIds = accessKeyIds; self.accountId = accountId
        self.sourceIPs = sourceIPs; self.firstEvent = firstEvent; self.lastEvent = lastEvent
        self.requestCount = requestCount; self.failedCount = failedCount; self.distinctKeys = distinctKeys
        self.bytesOut = bytesOut; self.buckets = buckets; self.explanation = explanation; self.evidence = evidence
    }
}

/// What happened to one bucket: requests and bytes taken.
public struct BucketImpact: Hashable, Sendable, Codable {
    /// Requests against the bucket.
    public var requests: Int
    /// Bytes sent out of the bucket.
    public var bytesOut: Int64
    /// The bucket owner's account, when known.
    public var ownerAccountId: String?

    /// Creates a bucket tally.
    public init(requests: Int = 0, bytesOut: Int64 = 0, ownerAccountId: String? = nil) {
        self.requests = requests; self.bytesOut = bytesOut; self.ownerAccountId = ownerAccountId
    }

    /// Adds another tally for the same bucket.
    public mutating func merge(_ other: BucketImpact) {
        requests += other.requests
        bytesOut += other.bytesOut
        if ownerAccountId == nil { ownerAccountId = other.ownerAccountId }
    }
}
