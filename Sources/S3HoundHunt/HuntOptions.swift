import Foundation
import S3HoundCore
import S3HoundBaseline
import S3HoundDetections

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
    /// Reader threads.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// "Now", for the report date (tests pin it).
    public var now = EventTime(Date())

    /// Creates options for paths.
    public init(paths: [String]) { self.paths = paths }

    /// The event-time range to read: the window plus its baseline history when `since` is given.
    public var readRange: TimeWindow {
        TimeWindow(start: since.map { $0.adding(seconds: -baselineSeconds) }, end: until)
    }
}
