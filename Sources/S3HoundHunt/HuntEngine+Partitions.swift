import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections

/// Judging a scan whose events were spooled by principal (`HuntOptions.partitions`): each partition is replayed
/// into its own accumulator, judged and dropped, two (one per reader thread) at a time, so memory holds a
/// partition's tallies instead of the whole input's. Every detection sees all of a principal's events in one
/// partition; flow records and service findings, which belong to no principal, stay in the scan's accumulator
/// and are judged there. Incidents then replay only the principals their findings name.
extension HuntEngine {
    /// What judging every partition gave.
    struct PartitionedJudgement {
        /// Findings of every detection, in catalog order (each detection's sorted by first event).
        var findings: [Finding] = []
        /// GetObject totals per principal and source, when asked for.
        var readTotals: [ReadTotal] = []
        /// Matched events counted but not kept, by detection.
        var matchesNotKept: [String: Int] = [:]
        /// Problems with the partitions' read ledgers (repeats included).
        var readLedgerProblems: [String] = []
        /// With `options.learning`: the histories of the principals learned, every partition's.
        var learnedHistories: [PrincipalHistory]?
    }

    /// How many partitions an input of `inputBytes` stored bytes needs at `bytesPerPartition`: one below twice that,
    /// else one per share, rounded up to a multiple of the judging threads (so none waits alone on the last), at
    /// most 1,024.
    public static func automaticPartitions(inputBytes: Int64, bytesPerPartition: Int64, threads: Int = 1) -> Int {
        let per = max(1, bytesPerPartition)
        guard inputBytes >= 2 * per else { return 1 }
        let shares = Int(min(1024, (inputBytes + per - 1) / per))
        let threads = max(1, threads)
        return min(1024, (shares + threads - 1) / threads * threads)
    }

    /// Judges every partition of the scan's spools.
    func judgePartitions(_ scan: Scan, windows: AnalysisWindows, onPartition: (@Sendable (Int, Int) -> Void)?) -> PartitionedJudgement {
        let spools = scan.spools
        let partitions = spools.first?.partitions ?? 1
        let state = PartitionResults(count: partitions)
        let threads = max(1, min(options.workers, partitions))
        let global = scan.activity
        let (configuration, readRange) = (global.configuration, global.readRange)
        let (eventDetections, streamDetections) = (self.eventDetections, self.streamDetections)
        let (spillBytes, directory, detections, wantsReadTotals) = (options.readSpillBytes, options.readSpillDirectory, detections, options.wantsReadTotals)
        let shared = SpoolsBox(spools: spools)
        let learner = options.learning?.learner
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var partition = worker
            while partition < partitions {
                let activity = ActivityAccumulator(configuration: configuration, readRange: readRange, eventDetections: eventDetections,
                                                   streamDetections: streamDetections,
                                                   readLedger: ReadLedger(spillBytes: spillBytes, directory: directory))
                // `hunt --learn`: the partition's learned events build their principals' histories here, and
                // only the histories are kept.
                let learned = learner?.makeAccumulator()
                for spool in shared.spools {
                    spool.forEach(partition: partition) { event, mark in
                        if !mark.contains(.notHunted) { activity.addActivity(event) }
                        if mark.contains(.learn) { learned?.addActivity(event) }
                    }
                }
                let found = detections.map { $0.findings(in: activity, windows: windows) }
                let histories = learned.map { ProfileBuilder(window: $0.readRange).histories(from: $0) }
                let done = state.set(partition, PartitionResult(findings: found, readTotals: wantsReadTotals ? activity.readTotals : [],
                                                                matchesNotKept: activity.matchesNotKept, problems: activity.readLedgerProblems,
                                                                learnedHistories: histories))
                onPartition?(done, partitions)
                partition += threads
            }
        }
        let results = state.results
        var judgement = PartitionedJudgement()
        judgement.matchesNotKept = global.matchesNotKept
        for (index, detection) in detections.enumerated() {
            var found = detection.findings(in: global, windows: windows)
            for result in results { found += result.findings[index] }
            // Each part is in the detection's own order; across parts, first event first (ties keep the parts' order).
            judgement.findings += found.enumerated().sorted { a, b in
                a.element.firstEvent != b.element.firstEvent ? a.element.firstEvent < b.element.firstEvent : a.offset < b.offset
            }.map(\.element)
        }
        if learner != nil { judgement.learnedHistories = results.flatMap { $0.learnedHistories ?? [] } }
        for result in results {
            judgement.readTotals += result.readTotals
            judgement.matchesNotKept.merge(result.matchesNotKept, uniquingKeysWith: +)
            judgement.readLedgerProblems += result.problems
        }
        judgement.readTotals.sort(by: ReadTotal.byPrincipalAndSource)
        return judgement
    }

    /// Replays into the scan's accumulator the events of the principals findings name (only their partitions are
    /// read), so incidents are built from their callers' reads and profiles as in an unpartitioned hunt.
    func replayForIncidents(_ scan: Scan, findings: [Finding]) {
        let principals = Set(findings.map(\.principal))
        guard let partitions = scan.spools.first?.partitions, !principals.isEmpty else { return }
        let wanted = Set(principals.map { EventSpool.partition(of: $0, partitions: partitions) })
        for partition in wanted.sorted() {
            for spool in scan.spools {
                spool.forEach(partition: partition) { event in
                    if principals.contains(event.identity.principal) { scan.activity.addActivity(event) }
                }
            }
        }
    }
}

/// One partition's outcome.
private struct PartitionResult: @unchecked Sendable {
    var findings: [[Finding]]
    var readTotals: [ReadTotal]
    var matchesNotKept: [String: Int]
    var problems: [String]
    var learnedHistories: [PrincipalHistory]?
}

/// Partition outcomes filled in by the judging threads.
private final class PartitionResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PartitionResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    /// Stores a partition's outcome; returns how many are stored.
    func set(_ index: Int, _ result: PartitionResult) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
        return slots.count { $0 != nil }
    }
    var results: [PartitionResult] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}

/// The spools, read by several threads at once (each partition by one thread only).
private struct SpoolsBox: @unchecked Sendable { let spools: [EventSpool] }
