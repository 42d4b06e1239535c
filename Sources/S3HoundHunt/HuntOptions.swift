import Foundation
import S3HoundCore
import S3HoundBaseline
import S3HoundDetections
import S3HoundSources

/// What a hunt reads and how it judges: the library form of `s3hound hunt`'s flags.
public struct HuntOptions: Sendable {
    /// Files, folders, or `-` for standard input.
    public var paths: [String]
    /// Start of the detection window; nil picks it from the input (after `baselineSeconds` of history).
    public var since: EventTime?
    /// End of the detection window (exclusive); nil is open.
    public var until: EventTime?
    /// History before the window used as baseline.
    public var baselineSeconds: Int64 = 7 * 86_400
    /// Detection tunables.
    public var configuration = DetectionConfiguration()
    /// Incidents below this severity are counted but not reported.
    public var minimumSeverity: Severity = .medium
    /// Profiles learned earlier; principals are also judged against them (history from before the window only).
    public var store: BaselineStore?
    /// Findings to drop (from the configuration file).
    public var suppressions: [Suppression] = []
    /// Reads every file as this kind instead of detecting it (`--source-type`).
    public var forcedSource: LogSourceType?
    /// Archived and sample GuardDuty/Macie findings: skipped unless asked.
    public var findingOptions = ServiceFindingParser.Options()
    /// Which JSON reader turns CloudTrail records into events (`--json-parser`).
    public var jsonParser: CloudTrailJSONParser = .fast
    /// `hunt --learn`: learn the files new to the store while reading them (commit with `BaselineLearner.commit`).
    public var learning: (learner: BaselineLearner, plan: BaselineLearner.Plan)?
    /// Lists and fetches `s3://` paths; required when `paths` holds any.
    public var remoteSource: (any RemoteObjectSource)?
    /// `s3://` paths: only these accounts' logs (`AWSLogs/[o-org/]<account>/…`); empty reads all.
    public var remoteAccounts: Set<String> = []
    /// `s3://` paths: only these regions' logs; empty reads all.
    public var remoteRegions: Set<String> = []
    /// GuardDuty/Macie findings obtained elsewhere (`hunt --pull-findings`), joined like those read from files.
    public var serviceFindings: [ServiceFinding] = []
    /// Reader threads.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// `s3://` objects downloaded at once, ahead of the reader threads; none starts while twice as many, or
    /// `ParallelIngest.downloadWindowBytes`, wait unread.
    public var downloads: Int = 16
    /// Each reader thread's read ledger moves to a temporary file past this many bytes (nil: never).
    public var readSpillBytes: Int? = ReadLedger.defaultSpillBytes
    /// Where the read ledgers' and the event spool's temporary files go (unlinked as soon as they are made).
    public var readSpillDirectory: String = FileManager.default.temporaryDirectory.path
    /// Partitions of principals judged one at a time (per reader thread at once), so memory holds a
    /// partition's tallies rather than the whole input's: events are spooled to temporary files by principal as
    /// they are read, then each partition is replayed, judged and dropped. nil chooses from the input's size
    /// (`partitionBytes` of stored input per partition; one partition, no spool, below twice that); 1 never spools.
    public var partitions: Int?
    /// Stored (compressed) input bytes per partition when `partitions` is nil.
    public var partitionBytes: Int64 = 64 << 20
    /// Each partition of the event spool moves to its temporary file past this many bytes (nil: never).
    public var eventSpillBytes: Int? = EventSpool.defaultSpillBytes
    /// Also compute GetObject totals per principal and source (`HuntEngine.Outcome.readTotals`).
    public var wantsReadTotals = false
    /// "Now", for the report date (tests pin it).
    public var now = EventTime(Date())

    /// Creates options for paths.
    public init(paths: [String]) { self.paths = paths }

    /// The event-time range to read: the window plus its baseline history when `since` is given.
    public var readRange: TimeWindow {
        TimeWindow(start: since.map { $0.adding(seconds: -baselineSeconds) }, end: until)
    }
}
