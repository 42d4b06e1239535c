import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import S3HoundSources

/// Runs a hunt: plan the files, read them on all cores, judge the window against its baseline,
/// group findings into incidents.
public struct HuntEngine: Sendable {
    /// The options.
    public var options: HuntOptions
    /// Detections to run.
    public var detections: [any Detection]

    /// Creates an engine.
    public init(options: HuntOptions, detections: [any Detection] = DetectionCatalog.all) {
        self.options = options; self.detections = detections
    }

    /// What a hunt produced.
    public struct Outcome: Sendable {
        /// Incidents and run summary.
        public var report: HuntReport
        /// Every finding, including those in incidents below the reporting threshold.
        public var findings: [Finding]
        /// Files opened, in plan order.
        public var filesOpened: [String]
        /// Problems found in the input (each also passed to `onFile` as it happens).
        public var issues: [IngestIssue]
        /// Issues not kept (beyond the per-file limit).
        public var issuesDropped: Int
    }

    /// What reading the input gave: the merged activity and how each file went.
    public struct Scan {
        /// Aggregates of every event in the read range, merged across reader threads.
        public var activity: ActivityAccumulator
        /// One result per file read, in plan order.
        public var results: [FileReadResult]
        /// The files read and what was pruned or ignored.
        public var plan: InputWalker.Plan
        /// When the scan started, for the run's elapsed time.
        var started: ContinuousClock.Instant
    }

    /// Runs the hunt; throws only when it cannot run at all (a path that does not exist).
    /// `onFile` is called as each file finishes, from reader threads.
    public func run(onFile: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) throws -> Outcome {
        analyze(try scan(onFile: onFile))
    }

    /// Plans the files and reads them on all cores into one accumulator.
    public func scan(onFile: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) throws -> Scan {
        let started = ContinuousClock.now
        let readRange = options.readRange
        let walker = InputWalker(layout: readRange == .unbounded ? nil : DeliveryLayout(range: readRange))
        let plan = try walker.plan(options.paths)
        let configuration = options.configuration
        let eventDetections = detections.compactMap { $0 as? any EventDetection }
        let streamDetections = detections.compactMap { $0 as? any StreamDetection }
        let ingest = ParallelIngest(workers: options.workers)
        let (sinks, results) = ingest.run(plan.inputs, makeSink: {
            AccumulatorSink(ActivityAccumulator(configuration: configuration, readRange: readRange,
                                                  eventDetections: eventDetections, streamDetections: streamDetections))
        }, progress: onFile)
        let activity = sinks[0].accumulator
        for sink in sinks.dropFirst() { activity.merge(sink.accumulator) }
        return Scan(activity: activity, results: results, plan: plan, started: started)
    }

    /// Judges a scan: findings in the window, incidents, and the run summary.
    public func analyze(_ scan: Scan) -> Outcome {
        let activity = scan.activity
        let results = scan.results
        let plan = scan.plan
        let configuration = options.configuration
        var (windows, notes) = resolveWindows(activity)
        if let store = options.store {
            // Only what was learned before the window (or before the input, when the whole input is judged).
            let cutoff = windows.window.start ?? activity.earliest
            do {
                let snapshot = try store.snapshot(before: cutoff)
                windows.store = snapshot
                notes.append("Baseline store \(store.path): \(snapshot.profiles.count) principal profile(s) learned before \(cutoff?.reportMinute ?? "the input") also judged against.")
            } catch {
                notes.append("Baseline store \(store.path) could not be read (\(error)); judged on the input's own history only.")
            }
        }
        var findings: [Finding] = []
        for detection in detections { findings += detection.findings(in: activity, windows: windows) }
        // Match each finding against the suppressions once: keep it, or remember which suppression dropped it.
        var suppressedBy: [String] = []
        findings = findings.filter { finding in
            guard let suppression = options.suppressions.first(where: { $0.matches(finding, now: options.now) }) else { return true }
            suppressedBy.append(suppression.source)
            return false
        }
        let incidents = IncidentBuilder(configuration: configuration).incidents(from: findings, activity: activity)
        let reported = incidents.filter { $0.severity >= options.minimumSeverity }

        var summary = RunSummary(generatedAt: options.now)
        summary.filesRead = results.count
        summary.filesPruned = plan.pruned
        summary.filesWithErrors = results.filter { $0.incomplete }.count
        summary.records = results.reduce(0) { $0 + $1.records }
        summary.recordsSkipped = results.reduce(0) { $0 + $1.skipped }
        summary.recordsOutsideWindow = activity.outsideRange
        summary.bytesRead = results.reduce(0) { $0 + $1.bytes }
        summary.inputStart = activity.earliest
        summary.inputEnd = activity.latest
        summary.detectionWindow = windows.window
        summary.baselineWindow = windows.baseline
        summary.accounts = activity.accounts.sorted()
        summary.findingsBySeverity = Dictionary(findings.map { ($0.severity.rawValue, 1) }, uniquingKeysWith: +)
        summary.incidentsBelowThreshold = incidents.count - reported.count
        summary.detections = detections.map { type(of: $0).metadata.id }
        summary.notes = notes
        for (id, count) in activity.matchesNotKept.sorted(by: { $0.key < $1.key }) {
            summary.notes.append("\(id): \(ByteCount.grouped(count)) further matching events were counted but not kept in memory (limit \(ByteCount.grouped(configuration.keptEventsPerDetection)) per detection); its findings undercount them.")
        }
        if !suppressedBy.isEmpty {
            let sources = Set(suppressedBy).sorted()
            summary.notes.append("\(suppressedBy.count) finding(s) suppressed by configuration (\(sources.joined(separator: ", "))).")
        }
        if plan.ignored > 0 { summary.notes.append("\(plan.ignored) digest or S3Hound metadata file(s) ignored.") }
        summary.elapsedSeconds = Self.seconds(ContinuousClock.now - scan.started)

        return Outcome(report: HuntReport(incidents: reported, summary: summary), findings: findings,
                       filesOpened: plan.inputs.map(\.displayName), issues: results.flatMap(\.issues),
                       issuesDropped: results.reduce(0) { $0 + $1.issuesDropped })
    }

    /// The detection window and its baseline: from `--since`, or — without it — everything after the
    /// first `baselineSeconds` of the input, when the input is long enough to have such a history.
    func resolveWindows(_ activity: ActivityAccumulator) -> (AnalysisWindows, [String]) {
        let baseline = TimeExpression.formatDuration(options.baselineSeconds)
        if let since = options.since {
            let windows = AnalysisWindows(window: TimeWindow(start: since, end: options.until),
                                          baseline: TimeWindow(start: since.adding(seconds: -options.baselineSeconds), end: since))
            return (windows, ["Findings are reported from \(since.iso8601); the \(baseline) before it is the baseline."])
        }
        guard let earliest = activity.earliest, let latest = activity.latest else {
            return (AnalysisWindows(window: TimeWindow(end: options.until), baseline: nil), [])
        }
        let start = earliest.adding(seconds: options.baselineSeconds)
        if start < latest {
            let windows = AnalysisWindows(window: TimeWindow(start: start, end: options.until), baseline: TimeWindow(start: earliest, end: start))
            return (windows, ["No --since given: the first \(baseline) of the input (\(earliest.reportMinute) to \(start.reportMinute)) is the baseline; findings are reported after it."])
        }
        let windows = AnalysisWindows(window: TimeWindow(end: options.until), baseline: nil)
        return (windows, ["The input spans less than the \(baseline) baseline: all of it is judged, on absolute thresholds only (no new-IP or unusual-hour judgement). Give more history, or --since with older logs present."])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Feeds one reader thread's events into its accumulator.
final class AccumulatorSink: EventSink {
    let accumulator: ActivityAccumulator
    init(_ accumulator: ActivityAccumulator) { self.accumulator = accumulator }
    func consume(_ event: ActivityEvent) { accumulator.add(event) }
}
