import Foundation
import S3HoundCore
import S3HoundDetections
import S3HoundSources

/// Learns history into a store: plans the inputs, skips files the store already holds, reads the rest on all
/// cores, and writes their profiles together with the learned-file rows in one transaction.
public struct BaselineLearner: Sendable {
    /// Files and folders to learn (standard input cannot be learned: it cannot be recognised again).
    public var paths: [String]
    /// Only events inside this window are learned; the delivery layout skips files outside it unopened.
    public var window: TimeWindow
    /// Reader threads.
    public var workers: Int
    /// "Now", recorded as each file's learning time.
    public var now: EventTime

    /// Creates a learner.
    public init(paths: [String], window: TimeWindow = .unbounded, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                now: EventTime = EventTime(Date())) {
        self.paths = paths; self.window = window; self.workers = workers; self.now = now
    }

    /// Learns the inputs into `store`. Throws `InputWalker.WalkError` for a path that does not exist and
    /// `BaselineStoreError` when the store cannot be written; problems with single files are in the summary.
    /// `onFile` is called as each file finishes, from reader threads.
    public func learn(into store: BaselineStore, onFile: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) throws -> LearnSummary {
        let started = ContinuousClock.now
        let plan = try self.plan(for: store)
        let window = self.window
        let ingest = ParallelIngest(workers: workers)
        let (sinks, results) = ingest.run(plan.fresh.map { .file($0.path) }, makeSink: {
            LearnerSink(makeAccumulator())
        }, progress: onFile)
        let activity = sinks.first?.accumulator ?? ActivityAccumulator(configuration: DetectionConfiguration(), readRange: window, eventDetections: [])
        for sink in sinks.dropFirst() { activity.merge(sink.accumulator) }
        return try commit(plan, activity: activity, results: results, into: store, started: started)
    }

    /// What learning would read: the planned files the store does not hold yet, and what was skipped.
    public struct Plan: Sendable {
        /// Files to read and learn.
        var fresh: [PlannedFile]
        /// Paths of those files, for a hunt that learns while it reads (`hunt --learn`).
        public var freshPaths: Set<String> { Set(fresh.map(\.path)) }
        /// Files skipped because the store holds them (or they repeat another input).
        public var alreadyLearned: Int
        /// Files pruned by the delivery layout.
        public var pruned: Int
        /// Digests and S3Hound files ignored.
        public var ignored: Int
        /// Problems fingerprinting inputs.
        public var issues: [IngestIssue]
    }

    /// Plans the inputs against the store; throws `InputWalker.WalkError` for a path that does not exist.
    public func plan(for store: BaselineStore) throws -> Plan {
        let walker = InputWalker(layout: window == .unbounded ? nil : DeliveryLayout(range: window))
        let walked = try walker.plan(paths)
        let (fresh, skipped, issues) = try unlearned(walked.inputs, store: store)
        return Plan(fresh: fresh, alreadyLearned: skipped, pruned: walked.pruned, ignored: walked.ignored, issues: issues)
    }

    /// An accumulator of the kind learning uses (no per-event detections), for a reader learning as it hunts.
    public func makeAccumulator() -> ActivityAccumulator {
        ActivityAccumulator(configuration: DetectionConfiguration(), readRange: window, eventDetections: [])
    }

    /// Writes what was read from the plan's fresh files into the store, with their learned-file rows, in one transaction.
    /// `results` holds one result per fresh file, in plan order (other results are ignored). `histories`, when given,
    /// are the principals' histories already built (partition by partition); `activity` then supplies only totals.
    public func commit(_ plan: Plan, activity: ActivityAccumulator, histories: [PrincipalHistory]? = nil, results: [FileReadResult],
                       into store: BaselineStore, started: ContinuousClock.Instant = .now) throws -> LearnSummary {
        var summary = LearnSummary()
        summary.filesPruned = plan.pruned
        summary.filesIgnored = plan.ignored
        summary.filesAlreadyLearned = plan.alreadyLearned
        summary.issues = plan.issues
        let byFile = Dictionary(results.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let results = plan.fresh.compactMap { byFile[$0.path] }
        let window = self.window
        let histories = histories ?? ProfileBuilder(window: window).histories(from: activity)
        let files = plan.fresh.compactMap { file -> LearnedFile? in
            guard let result = byFile[file.path] else { return nil }
            return LearnedFile(fingerprint: file.fingerprint.identity, path: file.path, size: file.fingerprint.size,
                               modifiedAt: file.fingerprint.modifiedAt, learnedAt: now.millisecondsSinceEpoch, records: result.records,
                               windowStart: window.start?.millisecondsSinceEpoch, windowEnd: window.end?.millisecondsSinceEpoch)
        }
        if !files.isEmpty { summary.update = try store.learn(histories, files: files) }

        summary.filesRead = results.count
        summary.filesWithErrors = results.filter(\.incomplete).count
        summary.records = results.reduce(0) { $0 + $1.records }
        summary.recordsSkipped = results.reduce(0) { $0 + $1.skipped }
        summary.recordsOutsideWindow = activity.outsideRange
        summary.bytesRead = results.reduce(0) { $0 + $1.bytes }
        summary.principalsUpdated = summary.update.principalsUpdated
        summary.issues += results.flatMap(\.issues)
        summary.issuesDropped = results.reduce(0) { $0 + $1.issuesDropped }
        let elapsed = ContinuousClock.now - started
        summary.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    /// A file to read, with its fingerprint.
    struct PlannedFile: Sendable {
        var path: String
        var fingerprint: FileFingerprint
    }

    /// The inputs the store does not hold yet (each content once), how many it holds, and files that could not be fingerprinted.
    func unlearned(_ inputs: [LogInput], store: BaselineStore) throws -> ([PlannedFile], Int, [IngestIssue]) {
        var issues: [IngestIssue] = []
        var planned: [PlannedFile] = []
        var seen: Set<String> = []
        var duplicates = 0
        for input in inputs {
            guard case .file(let path) = input else {
                issues.append(IngestIssue(file: "-", message: "standard input cannot be learned (it could not be recognised if learned again); save it to a file and learn the file"))
                continue
            }
            do {
                let fingerprint = try FileFingerprint.of(path: path)
                if seen.insert(fingerprint.identity).inserted {
                    planned.append(PlannedFile(path: path, fingerprint: fingerprint))
                } else {
                    duplicates += 1
                }
            } catch {
                issues.append(IngestIssue(file: path, message: "cannot be read (\(error.localizedDescription)); not learned"))
            }
        }
        let learned = try store.learnedFingerprints(among: planned.map(\.fingerprint.identity))
        let fresh = planned.filter { !learned.contains($0.fingerprint.identity) }
        return (fresh, duplicates + planned.count - fresh.count, issues)
    }
}

/// Feeds one reader thread's events into its accumulator.
final class LearnerSink: EventSink {
    let accumulator: ActivityAccumulator
    init(_ accumulator: ActivityAccumulator) { self.accumulator = accumulator }
    func consume(_ event: ActivityEvent) { accumulator.add(event) }
}
