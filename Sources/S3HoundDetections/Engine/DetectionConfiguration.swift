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
    /// Findings about one principal further apart than this start separate incidents.
    public var incidentGapSeconds: Int64 = 7200
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

    /// Creates the default configuration.
    public init() {}
}

/// The windows an analysis judges: findings are reported inside `window`, and `baseline` is the history before it.
public struct AnalysisWindows: Hashable, Sendable, Codable {
    /// Where findings are reported.
    public var window: TimeWindow
    /// The history principals are judged against; nil when there is none.
    public var baseline: TimeWindow?

    /// Creates the windows.
    public init(window: TimeWindow, baseline: TimeWindow?) { self.window = window; self.baseline = baseline }

    /// True when `time` is baseline history (before the window, inside the baseline range).
    public func isBaseline(_ time: EventTime) -> Bool { baseline?.contains(time) ?? false }
}
