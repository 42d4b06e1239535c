import S3HoundCore

/// Every tunable of the detections, with the defaults a first run uses. Each has a `hunt` flag.
public struct DetectionConfiguration: Hashable, Sendable, Codable {
    /// Bulk download: GetObject requests in one window that always count as bulk (the seed's alarm: 1,000 an hour).
    public var bulkObjectThreshold: Int = 1000
    /// Bulk download: bytes sent out in one window that always count as bulk.
    public var bulkByteThreshold: Int64 = 1 << 30
    /// Bulk download: length of the sliding window, in seconds.
    public var bulkWindowSeconds: Int64 = 3600
    /// Bulk download: a principal with a baseline is judged against this multiple of its own busiest hour.
    public var baselineMultiplier: Double = 3.0
    /// Days of activity a principal needs before the window for baseline-based judgements (new IP, unusual hour).
    public var minimumHistoryDays: Int = 3
    /// Accounts whose buckets may receive copies (disaster recovery, backup, vendors).
    public var trustedAccounts: Set<String> = []
    /// Our own and our organisation's accounts.
    public var ownAccounts: Set<String> = []
    /// Our own address ranges (offices, VPN exits, NAT gateways): an address in them is never "new" for a principal.
    public var allowedNetworks = IPNetworkSet([])
    /// Events each per-event detection keeps in memory; beyond it they are only counted (memory stays bounded
    /// when, say, a whole bucket is read with a flagged client).
    public var keptEventsPerDetection: Int = 200_000
    /// Findings about one principal further apart than this start separate incidents.
    public var incidentGapSeconds: Int64 = 7200
    /// Window of the stream detections (enumeration, denied bursts, mass deletion), in seconds.
    public var streamWindowSeconds: Int64 = 3600
    /// Discovery: distinct buckets one principal lists or inspects in one window that count as enumeration.
    public var enumerationBucketThreshold: Int = 10
    /// Denied burst: failed calls (AccessDenied, NoSuchBucket …) by one principal in one window.
    public var deniedBurstCalls: Int = 25
    /// Denied burst: distinct buckets those failed calls name (bucket-name guessing).
    public var deniedBurstBuckets: Int = 5
    /// Mass deletion: objects one principal deletes in one window, at least.
    public var massDeleteThreshold: Int = 500
    /// Presigned URLs: principals whose presigned URLs were used from more addresses than this in the
    /// baseline hand links out publicly and are not judged.
    public var presignedDistinctIPLimit: Int = 5

    /// AWS's own address ranges (from a user-supplied `ip-ranges.json`): flow-log traffic to them is not egress.
    public var awsNetworks = IPNetworkSet([])
    /// Flow-log egress: bytes one interface sends to one outside address within `egressWindowSeconds` that count as large.
    public var egressByteThreshold: Int64 = 500 * 1024 * 1024
    /// Flow-log egress: the sliding window, in seconds.
    public var egressWindowSeconds: Int64 = 3600
    /// Service findings: GuardDuty/Macie findings below this severity are context only, not findings of their own.
    public var serviceFindingMinimumSeverity: Severity = .low

    /// Sensitivity labels per bucket (e.g. `pii`, `financial`), shown with each bucket an incident touched.
    public var bucketLabels: [String: String] = [:]

    /// Known-bad callers: named lists of addresses and networks (Tor exits, threat feeds). Empty: detection quiet.
    public var threatLists: [ThreatList] = []
    /// Decoys: any read, list or policy change on them is a finding. Empty: detection quiet.
    public var canaries: [Canary] = []
    /// Attack tooling: texts in `userAgent` (ignoring case) of penetration-testing systems and bulk-download clients.
    public var toolUserAgents: SubstringList = Self.defaultToolUserAgents
    /// Credential files: object-key patterns of files that hold secrets.
    public var credentialKeyPatterns: KeyPatternList = Self.defaultCredentialKeyPatterns
    /// Ransom notes: object-key patterns of uploaded ransom notes.
    public var ransomNotePatterns: KeyPatternList = Self.defaultRansomNotePatterns
    /// Short lifecycle expiration: whole-bucket expiration after at most this many days is destructive.
    public var shortExpirationDays: Int = 1

    /// Default `toolUserAgents`.
    public static let defaultToolUserAgents: SubstringList = [
        "kali", "parrot", "pentoo", "S3 Browser", "Cyberduck", "rclone", "s3cmd", "WinSCP", "s3fs", "pacu",
        "cloudsploit", "ScoutSuite", "prowler", "CloudMapper", "weirdAAL", "s3scanner", "bucket_finder", "aws_pwn",
    ]
    /// Default `credentialKeyPatterns`.
    public static let defaultCredentialKeyPatterns: KeyPatternList = [
        ".aws/credentials", ".aws/config", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".env", ".env.*", "*.pem", "*.ppk",
        "*.p12", "*.pfx", "*.kdbx", "credentials.json", "credentials.csv", "*_accessKeys.csv", ".git-credentials", ".netrc",
        ".pgpass", ".npmrc", ".pypirc", ".docker/config.json", ".kube/config", "terraform.tfstate", "*.tfstate.backup",
    ]
    /// Default `ransomNotePatterns`.
    public static let defaultRansomNotePatterns: KeyPatternList = [
        "README*RESTORE*", "*DECRYPT*", "HOW_TO_*", "HOW-TO-*", "*RANSOM*", "RECOVER*FILES*", "RESTORE*FILES*",
        "*YOUR_FILES*", "*_READ_ME_*", "*!!!*",
    ]

    /// Creates the default configuration.
    public init() {}
}
