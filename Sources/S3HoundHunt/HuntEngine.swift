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
    /// (`@unchecked`: the learned accumulator is never mutated once the scan is merged.)
    public struct Outcome: @unchecked Sendable {
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
        /// With `options.learning`: what the files new to the store held, and each file's result.
        public var learned: Learned?
        /// With `options.wantsReadTotals`: GetObject requests and bytes per principal and source.
        public var readTotals: [ReadTotal] = []
        /// `s3://` folders ruled out without listing them.
        public var unlistedFolders = 0
    }

    /// What a hunt with `options.learning` learned from the files new to the store, for `BaselineLearner.commit`.
    public struct Learned: @unchecked Sendable {
        /// The learned events' totals (and, unpartitioned, their tallies).
        public var activity: ActivityAccumulator
        /// With partitions: the principals' histories, built partition by partition as they were judged
        /// (the tallies of a whole month never exist at once). Nil: build them from `activity`.
        public var histories: [PrincipalHistory]?
        /// One result per file read, in plan order.
        public var results: [FileReadResult]
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
        /// With `options.learning`: what the files new to the store held, to be committed to it.
        public var learned: ActivityAccumulator?
        /// With more than one partition: every reader thread's events, by principal's partition (the
        /// accumulator then holds only the totals, flow records and service findings).
        public var spools: [EventSpool] = []
    }

    /// Runs the hunt; throws only when it cannot run at all (a path that does not exist).
    /// `onFile` is called as each file finishes, from reader threads.
    public func run(onFile: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) throws -> Outcome {
        analyze(try scan(onFile: onFile))
    }

    /// Plans the files and reads them on all cores into one accumulator.
    /// `onListing` is told how listing `s3://` paths goes (listings done, objects found) before any is read.
    public func scan(onListing: (@Sendable (_ listings: Int, _ objects: Int) -> Void)? = nil,
                     onFile: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) throws -> Scan {
        let started = ContinuousClock.now
        let readRange = options.readRange
        let layout = readRange == .unbounded ? nil : DeliveryLayout(range: readRange)
        let walker = InputWalker(layout: layout)
        var plan = try walker.plan(options.paths.filter { !S3Location.isS3($0) })
        let locations = options.paths.compactMap(S3Location.init)
        var fetcher: (@Sendable (String, String) throws -> [UInt8])?
        if !locations.isEmpty {
            guard let source = options.remoteSource else { throw RemoteInputError("s3:// paths need AWS credentials: run with --profile or AWS_* variables set") }
            var planner = RemotePlanner(layout: layout, accounts: options.remoteAccounts, regions: options.remoteRegions)
            planner.concurrency = options.downloads
            planner.onListing = onListing
            let remote = try planner.plan(locations, source: source)
            plan.inputs += remote.inputs
            plan.pruned += remote.pruned
            plan.unlistedFolders += remote.unlistedFolders
            plan.ignored += remote.ignored
            fetcher = { bucket, key in try BlockingAsync.run { try await source.fetch(bucket: bucket, key: key) } }
        }
        let configuration = options.configuration
        let (eventDetections, streamDetections) = (self.eventDetections, self.streamDetections)
        let reader = LogFileReader(forcedSource: options.forcedSource, findingOptions: options.findingOptions, jsonParser: options.jsonParser)
        // Downloads run ahead of the reader threads on threads of their own (`options.downloads` at once).
        var ingest = ParallelIngest(workers: options.workers, reader: reader)
        ingest.fetcher = fetcher
        ingest.downloads = options.downloads
        ingest.downloadWindow = options.downloads * 2
        let learning = options.learning
        let (spillBytes, spillDirectory, eventSpillBytes) = (options.readSpillBytes, options.readSpillDirectory, options.eventSpillBytes)
        let partitions = options.partitions ?? Self.automaticPartitions(inputBytes: plan.inputBytes, bytesPerPartition: options.partitionBytes, threads: options.workers)
        let (sinks, results) = ingest.run(plan.inputs, makeSink: {
            AccumulatorSink(ActivityAccumulator(configuration: configuration, readRange: readRange,
                                                  eventDetections: eventDetections, streamDetections: streamDetections,
                                                  readLedger: ReadLedger(spillBytes: spillBytes, directory: spillDirectory)),
                            learning: learning.map { ($0.learner.makeAccumulator(), $0.plan.freshPaths) },
                            spool: partitions > 1 ? EventSpool(partitions: partitions, spillBytes: eventSpillBytes, directory: spillDirectory) : nil)
        }, progress: onFile)
        let activity = sinks[0].accumulator
        for sink in sinks.dropFirst() { activity.merge(sink.accumulator) }
        for finding in options.serviceFindings { activity.add(finding) }
        var learned: ActivityAccumulator?
        if learning != nil {
            learned = sinks[0].learning!.accumulator
            for sink in sinks.dropFirst() { learned!.merge(sink.learning!.accumulator) }
        }
        return Scan(activity: activity, results: results, plan: plan, started: started, learned: learned, spools: sinks.compactMap(\.spool))
    }

    /// The detections an accumulator applies while reading (per event, and per-minute streams).
    var eventDetections: [any EventDetection] { detections.compactMap { $0 as? any EventDetection } }
    var streamDetections: [any StreamDetection] { detections.compactMap { $0 as? any StreamDetection } }

    /// Judges a scan: findings in the window, incidents, and the run summary. With partitions, `onPartition`
    /// is called (from judging threads) with how many are judged of how many.
    public func analyze(_ scan: Scan, onPartition: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
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
        var matchesNotKept = activity.matchesNotKept
        var readLedgerProblems: [String] = []
        var readTotals: [ReadTotal] = []
        var learnedHistories: [PrincipalHistory]?
        if scan.spools.isEmpty {
            for detection in detections { findings += detection.findings(in: activity, windows: windows) }
            if options.wantsReadTotals { readTotals = activity.readTotals }
        } else {
            let judged = judgePartitions(scan, windows: windows, onPartition: onPartition)
            (findings, matchesNotKept, readLedgerProblems, readTotals) = (judged.findings, judged.matchesNotKept, judged.readLedgerProblems, judged.readTotals)
            learnedHistories = judged.learnedHistories
            let spooled = scan.spools.reduce(Int64(0)) { $0 + $1.byteCount }
            notes.append("Judged in \(scan.spools[0].partitions) partitions of principals, one at a time per reader thread, to bound memory (\(ByteCount.grouped(scan.spools.reduce(0) { $0 + $1.count })) events, \(ByteCount.format(spooled)) spooled to temporary files).")
            notes += Set(scan.spools.flatMap(\.problems)).sorted().map { "Partitioned events: \($0)." }
        }
        // Match each finding against the suppressions once: keep it, or remember which suppression dropped it.
        var suppressedBy: [String] = []
        findings = findings.filter { finding in
            guard let suppression = options.suppressions.first(where: { $0.matches(finding, now: options.now) }) else { return true }
            suppressedBy.append(suppression.source)
            return false
        }
        if !scan.spools.isEmpty { replayForIncidents(scan, findings: findings) }
        let incidents = IncidentBuilder(configuration: configuration).incidents(from: findings, activity: activity, windows: windows)
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
        for (id, count) in matchesNotKept.sorted(by: { $0.key < $1.key }) {
            summary.notes.append("\(id): \(ByteCount.grouped(count)) further matching events were counted but not kept in memory (limit \(ByteCount.grouped(configuration.keptEventsPerDetection)) per detection); its findings undercount them.")
        }
        if !suppressedBy.isEmpty {
            let sources = Set(suppressedBy).sorted()
            summary.notes.append("\(suppressedBy.count) finding(s) suppressed by configuration (\(sources.joined(separator: ", "))).")
        }
        summary.notes += Self.sourceNotes(activity: activity, results: results)
        var seenProblems = Set<String>()
        // The scan's accumulator's ledgers (all of them, unpartitioned), then the partitions': each problem once.
        summary.notes += (activity.readLedgerProblems + readLedgerProblems).filter { seenProblems.insert($0).inserted }.map { "Object reads' detail: \($0)." }
        if plan.ignored > 0 { summary.notes.append("\(plan.ignored) digest or S3Hound metadata file(s) ignored.") }
        if plan.unlistedFolders > 0 {
            summary.notes.append("\(plan.unlistedFolders) s3:// folder(s) outside the time range, accounts or regions skipped without listing them.")
        }
        summary.elapsedSeconds = Self.seconds(ContinuousClock.now - scan.started)

        return Outcome(report: HuntReport(incidents: reported, summary: summary), findings: findings,
                       filesOpened: plan.inputs.map(\.displayName), issues: results.flatMap(\.issues),
                       issuesDropped: results.reduce(0) { $0 + $1.issuesDropped },
                       learned: scan.learned.map { Learned(activity: $0, histories: learnedHistories, results: results) },
                       readTotals: readTotals, unlistedFolders: plan.unlistedFolders)
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

    /// What each evidence source contributed, and the service findings skipped as archived or samples.
    static func sourceNotes(activity: ActivityAccumulator, results: [FileReadResult]) -> [String] {
        var notes: [String] = []
        let counts = activity.sourceCounts
        let names: [(String, String, String)] = [("cloudTrail", "CloudTrail", "events"), ("serverAccessLog", "S3 server access logs", "requests"),
                                                 ("vpcFlowLogs", "VPC Flow Logs", "flow records"), ("guardDuty", "GuardDuty", "findings"),
                                                 ("macie", "Macie", "findings")]
        let read = names.compactMap { key, name, unit in counts[key].map { "\(name) \(ByteCount.grouped($0)) \(unit)" } }
        if read.count > 1 || (read.count == 1 && counts["cloudTrail"] == nil) {
            notes.append("Evidence read: " + read.joined(separator: "; ") + ".")
        }
        let archived = results.reduce(0) { $0 + $1.findingsSkippedArchived }
        let samples = results.reduce(0) { $0 + $1.findingsSkippedSamples }
        if archived + samples > 0 {
            notes.append("\(archived) archived and \(samples) sample GuardDuty/Macie finding(s) skipped (--include-archived-findings, --include-sample-findings to keep them).")
        }
        return notes
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Feeds one reader thread's events into its accumulator — and, for `hunt --learn`, the events of files
/// new to the baseline store into a second one, so learning needs no second read. With partitions, both
/// only count totals and the events go to the spool, marked for learning when they are to be learned.
final class AccumulatorSink: EventSink {
    let accumulator: ActivityAccumulator
    let learning: (accumulator: ActivityAccumulator, files: Set<String>)?
    /// With partitions: where the events go (the accumulator then counts them only).
    let spool: EventSpool?
    private var learningThisFile = false

    init(_ accumulator: ActivityAccumulator, learning: (ActivityAccumulator, Set<String>)? = nil, spool: EventSpool? = nil) {
        self.accumulator = accumulator
        self.learning = learning.map { (accumulator: $0.0, files: $0.1) }
        self.spool = spool
    }

    func begin(_ input: LogInput) {
        guard let learning, case .file(let path) = input else { learningThisFile = false; return }
        learningThisFile = learning.files.contains(path)
    }

    func consume(_ event: ActivityEvent) {
        if let spool {
            // Partitioned: the learning accumulator counts the totals here; the tallies are built per partition.
            var mark: EventSpool.Mark = accumulator.addTotals(event) ? [] : .notHunted
            if learningThisFile, learning!.accumulator.addTotals(event) { mark.insert(.learn) }
            if mark != .notHunted { spool.append(event, mark: mark) }
        } else {
            accumulator.add(event)
            if learningThisFile { learning!.accumulator.add(event) }
        }
    }
    func consume(flow: FlowRecord) { accumulator.add(flow) }
    func consume(serviceFinding: ServiceFinding) { accumulator.add(serviceFinding) }
}
