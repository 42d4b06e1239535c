import Foundation
import S3HoundCore

/// Receives the events one worker reads. Each sink is used by one thread only; sinks are merged after.
public protocol EventSink: AnyObject, SendableMetatype {
    /// Takes one event.
    func consume(_ event: ActivityEvent)
    /// Told before each file is read, so a sink can treat files differently (default: nothing).
    func begin(_ input: LogInput)
    /// Takes one VPC flow-log record (default: ignored).
    func consume(flow: FlowRecord)
    /// Takes one GuardDuty or Macie finding (default: ignored).
    func consume(serviceFinding: ServiceFinding)
}

extension EventSink {
    public func begin(_ input: LogInput) {}
    public func consume(flow: FlowRecord) {}
    public func consume(serviceFinding: ServiceFinding) {}
}

/// Progress of a scan, for a progress line.
public struct IngestProgress: Sendable {
    /// Files finished.
    public var filesDone: Int
    /// Files in the plan.
    public var filesTotal: Int
    /// Records read so far.
    public var records: Int
    /// Uncompressed bytes read so far.
    public var bytes: Int64
}

/// Reads many files on several threads (one file per thread at a time), each thread feeding its own sink.
public struct ParallelIngest: Sendable {
    /// Threads to use; defaults to the number of cores.
    public var workers: Int
    /// The per-file reader.
    public var reader: LogFileReader
    /// Fetches `.remote` inputs (an S3 object's bytes); called on download threads of its own, may block.
    public var fetcher: (@Sendable (String, String) throws -> [UInt8])?
    /// `.remote` inputs downloaded at once, ahead of the reader threads (each download waits on a thread of its own).
    public var downloads = 16
    /// `.remote` objects held at most, downloaded or downloading but not yet read (bounds memory).
    public var downloadWindow = 32
    /// No download starts while the downloaded objects not yet read hold this many bytes (bounds memory when
    /// objects are large, as flow logs can be).
    public var downloadWindowBytes = 256 << 20

    /// Creates an ingest with `workers` threads.
    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, reader: LogFileReader = LogFileReader()) {
        self.workers = max(1, workers); self.reader = reader
    }

    /// Reads every input; returns one sink per worker and one result per input (in input order).
    public func run<Sink: EventSink>(_ inputs: [LogInput], makeSink: () -> Sink,
                                     progress: (@Sendable (IngestProgress, FileReadResult) -> Void)? = nil) -> (sinks: [Sink], results: [FileReadResult]) {
        let threadCount = min(workers, max(1, inputs.count))
        let sinks = (0..<threadCount).map { _ in makeSink() }
        let shared = SharedState(count: inputs.count)
        let box = UncheckedBox(sinks)
        let reader = self.reader
        let prefetcher = fetcher.map { Prefetcher(inputs: inputs, window: downloadWindow, windowBytes: downloadWindowBytes, fetch: $0) }
        if let prefetcher, !prefetcher.isEmpty { prefetcher.start(concurrency: downloads) }
        DispatchQueue.concurrentPerform(iterations: threadCount) { worker in
            let sink = box.value[worker]
            while let index = shared.next() {
                sink.begin(inputs[index])
                let result: FileReadResult
                if case .remote = inputs[index], let prefetcher {
                    switch prefetcher.take(index) {
                    case .success(let bytes):
                        result = reader.read(bytes: bytes, name: inputs[index].displayName, into: sink)
                    case .failure(let error):
                        var failed = FileReadResult(file: inputs[index].displayName)
                        failed.note(IngestIssue(file: failed.file, message: "could not be fetched: \(error)"), limit: reader.issuesPerFile)
                        failed.incomplete = true
                        result = failed
                    }
                } else {
                    result = reader.read(inputs[index], into: sink)
                }
                let snapshot = shared.finish(index, result)
                progress?(snapshot, result)
            }
        }
        return (sinks, shared.results.map { $0! })
    }
}

/// Work queue and results, behind a lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var records = 0
    private var bytes: Int64 = 0
    private(set) var results: [FileReadResult?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < results.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func finish(_ index: Int, _ result: FileReadResult) -> IngestProgress {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
        done += 1
        records += result.records
        bytes += result.bytes
        return IngestProgress(filesDone: done, filesTotal: results.count, records: records, bytes: bytes)
    }
}

/// Carries non-Sendable values into worker threads that each touch only their own element.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
