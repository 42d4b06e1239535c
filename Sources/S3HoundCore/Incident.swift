/// Findings about one principal that overlap in time: one story for a responder.
public struct Incident: Hashable, Sendable, Codable {
    /// Stable id, `INC-YYYYMMDD-xxxxxx`, derived from principal and start time.
    public var id: String
    /// Overall severity after correlation.
    public var severity: Severity
    /// Why the severity is what it is, one reason per line.
    public var severityReasons: [String]
    /// The principal (role for sessions, else the ARN).
    public var principal: String
    /// Caller ARNs seen (sessions of a role each have their own).
    public var arns: [String]
    /// Access key ids used (unmasked here; every renderer masks them).
    public var accessKeyIds: [String]
    /// `userIdentity.type` of the caller, e.g. `IAMUser`, `AssumedRole`.
    public var identityType: String?
    /// Accounts involved: the caller's and the buckets' owners.
    public var accounts: [String]
    /// The source IPs the incident's requests came from.
    public var sourceIPs: [SourceIPActivity]
    /// What data was touched, computed from the events (not summed from findings, which overlap).
    public var impact: DataImpact
    /// The findings, ordered by first event.
    public var findings: [Finding]
    /// The story across every evidence source: timeline, per-minute activity, hours, egress, GuardDuty/Macie.
    public var story: IncidentStory

    /// Creates an incident.
    public init(id: String, severity: Severity, severityReasons: [String], principal: String, arns: [String],
                accessKeyIds: [String], identityType: String?, accounts: [String], sourceIPs: [SourceIPActivity],
                impact: DataImpact, findings: [Finding], story: IncidentStory = IncidentStory()) {
        self.id = id; self.severity = severity; self.severityReasons = severityReasons; self.principal = principal
        self.arns = arns; self.accessKeyIds = accessKeyIds; self.identityType = identityType; self.accounts = accounts
        self.sourceIPs = sourceIPs; self.impact = impact; self.findings = findings; self.story = story
    }

    /// First event across all findings.
    public var firstEvent: EventReference { findings.map(\.firstEvent).min()! }
    /// Last event across all findings.
    public var lastEvent: EventReference { findings.map(\.lastEvent).max()! }
}

/// Requests from one source IP within an incident.
public struct SourceIPActivity: Hashable, Sendable, Codable {
    /// The address.
    public var ip: String
    /// Requests from it during the incident.
    public var requests: Int
    /// Of those, failed requests.
    public var failed: Int
    /// True when the principal had never used this IP in its baseline history.
    public var newForPrincipal: Bool
    /// Where the IP is known from (e.g. a threat list), when known.
    public var label: String?

    /// Creates a row.
    public init(ip: String, requests: Int, failed: Int = 0, newForPrincipal: Bool, label: String? = nil) {
        self.ip = ip; self.requests = requests; self.failed = failed; self.newForPrincipal = newForPrincipal; self.label = label
    }
}

/// Data an incident touched: objects read, bytes, buckets, copies out.
public struct DataImpact: Hashable, Sendable, Codable {
    /// Successful object reads (GetObject).
    public var objectsRead: Int
    /// Distinct keys among them.
    public var distinctKeys: Int
    /// Bytes sent to the caller.
    public var bytesOut: Int64
    /// Failed read attempts (AccessDenied and the like): no data taken.
    public var failedAttempts: Int
    /// Objects copied into another account's bucket.
    public var objectsCopiedOut: Int
    /// Accounts that received copies.
    public var destinationAccounts: [String]
    /// Per bucket: requests and bytes.
    public var buckets: [String: BucketImpact]
    /// Sensitive data in the buckets read, from Macie (empty without Macie findings).
    public var sensitive: [SensitiveDataImpact]
    /// Sensitivity labels from configuration for the buckets touched (bucket → label), e.g. `pii`.
    public var bucketLabels: [String: String]

    /// Creates an impact summary.
    public init(objectsRead: Int = 0, distinctKeys: Int = 0, bytesOut: Int64 = 0, failedAttempts: Int = 0,
                objectsCopiedOut: Int = 0, destinationAccounts: [String] = [], buckets: [String: BucketImpact] = [:],
                sensitive: [SensitiveDataImpact] = [], bucketLabels: [String: String] = [:]) {
        self.objectsRead = objectsRead; self.distinctKeys = distinctKeys; self.bytesOut = bytesOut
        self.failedAttempts = failedAttempts; self.objectsCopiedOut = objectsCopiedOut
        self.destinationAccounts = destinationAccounts; self.buckets = buckets
        self.sensitive = sensitive; self.bucketLabels = bucketLabels
    }
}
