import Dispatch
import Foundation
import S3HoundSources

/// Delivers days of events the way CloudTrail does: one gzipped `{"Records":[…]}` file per region and
/// hour (split into files of at most 5,000 records), named and filed by a delivery time a few minutes
/// after the file's last event, plus a daily digest per region.
///
/// Files are named serially (so names never depend on scheduling) and rendered, compressed and written
/// concurrently; at most a few batches are in flight, so only the current days are held in memory.
final class LogWriter {
    /// Most records one log file holds.
    static let maximumRecordsPerFile = 5_000

    private let output: FileOutput
    private let account: String
    private let seed: UInt64
    private let renderer: RecordRenderer
    private let compressionLevel: Int32
    private let queue = DispatchQueue(label: "s3hound.simulator.log-writer", attributes: .concurrent)
    private let group = DispatchGroup()
    private let inFlight: DispatchSemaphore
    private let results = WrittenFiles()
    private let buffers = BufferPool()
    private var nextSequence = 0

    init(output: FileOutput, account: String, seed: UInt64, renderer: RecordRenderer, compressionLevel: Int32) {
        self.output = output; self.account = account; self.seed = seed
        self.renderer = renderer; self.compressionLevel = compressionLevel
        inFlight = DispatchSemaphore(value: max(2, ProcessInfo.processInfo.activeProcessorCount * 2))
    }

    /// One log file to write.
    private struct Batch: Sendable {
        let sequence: Int
        let dayStart: Int64
        let region: Region
        let events: ArraySlice<SimulatedEvent>
        let path: String
        /// The random stream for the file's records, continuing after its name was drawn.
        let random: SimulationRandom
    }

    /// Queues the log files of one planned (and sorted) day.
    func write(_ day: DayPlan) throws {
        try results.rethrowFirstError()
        let identities = day.identities, renderer = renderer, level = compressionLevel, output = output, results = results
        let buffers = buffers
        for batch in try plan(day) {
            inFlight.wait()
            queue.async(group: group) { [inFlight] in
                defer { inFlight.signal() }
                var random = batch.random
                var json = buffers.take()
                defer { buffers.give(json) }
                renderer.render(batch.events, identities: identities, rng: &random, into: &json)
                do {
                    try output.write(batch.path, try GzipEncoder.compress(json, level: level))
                    results.add(WrittenFile(sequence: batch.sequence, dayStart: batch.dayStart, path: batch.path, region: batch.region,
                                            records: batch.events.count, uncompressedBytes: json.count,
                                            oldest: batch.events.first!.time, newest: batch.events.last!.time))
                } catch {
                    results.fail(error)
                }
            }
        }
    }

    /// Waits for every queued file, writes the digests, and returns the files in the order they were planned.
    func finish() throws -> [WrittenFile] {
        group.wait()
        try results.rethrowFirstError()
        let files = results.sorted()
        var digests = DigestWriter(output: output, account: account, seed: seed, compressionLevel: compressionLevel)
        var start = 0
        while start < files.count {
            var end = start
            while end < files.count, files[end].dayStart == files[start].dayStart { end += 1 }
            for region in Region.allCases {
                let regional = files[start..<end].filter { $0.region == region }
                if !regional.isEmpty { try digests.write(region: region, dayStart: files[start].dayStart, files: regional) }
            }
            start = end
        }
        digestFiles = digests.written
        return files
    }

    /// Digest files written by `finish()`.
    private(set) var digestFiles: [String] = []

    /// Groups a day's events into files and names them.
    private func plan(_ day: DayPlan) throws -> [Batch] {
        var batches: [Batch] = []
        // Events are sorted by region, then time: each (region, hour) is one contiguous run.
        let events = day.events
        var start = events.startIndex
        while start < events.endIndex {
            let region = events[start].region, hour = events[start].time.floorDivided(by: 3600)
            var end = start
            while end < events.endIndex, events[end].region == region, events[end].time.floorDivided(by: 3600) == hour { end += 1 }
            let count = end - start
            let parts = (count + LogWriter.maximumRecordsPerFile - 1) / LogWriter.maximumRecordsPerFile
            for part in 0..<parts {
                let slice = events[(start + count * part / parts)..<(start + count * (part + 1) / parts)]
                var random = SimulationRandom(seed: seed, stream: "log-file", Int64(region.rawValue), hour, Int64(part))
                let delivered = CivilFields(slice.last!.time + Int64(random.int(in: 150...720)))
                let folder = "AWSLogs/\(account)/CloudTrail/\(region.name)/\(delivered.folder)"
                let name = "\(account)_CloudTrail_\(region.name)_\(delivered.minuteStamp)_\(random.string(16, from: alphanumeric)).json.gz"
                try output.createFolder(folder)
                batches.append(Batch(sequence: nextSequence, dayStart: day.dayStart, region: region, events: slice,
                                     path: "\(folder)/\(name)", random: random))
                nextSequence += 1
            }
            start = end
        }
        return batches
    }
}

/// What writing one log file produced.
struct WrittenFile: Sendable {
    let sequence: Int
    let dayStart: Int64
    let path: String
    let region: Region
    let records: Int
    let uncompressedBytes: Int
    let oldest: Int64
    let newest: Int64
}

/// The files written by concurrent workers, and the first error any of them hit.
final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [WrittenFile] = []
    private var firstError: Error?

    func add(_ file: WrittenFile) { lock.lock(); files.append(file); lock.unlock() }

    func fail(_ error: Error) { lock.lock(); if firstError == nil { firstError = error }; lock.unlock() }

    func rethrowFirstError() throws {
        lock.lock(); let error = firstError; lock.unlock()
        if let error { throw error }
    }

    /// The files in planning order.
    func sorted() -> [WrittenFile] { lock.lock(); defer { lock.unlock() }; return files.sorted { $0.sequence < $1.sequence } }
}

/// Byte buffers handed from one file to the next, so workers do not allocate megabytes per file.
final class BufferPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [[UInt8]] = []

    /// A buffer (possibly holding old bytes: callers empty it).
    func take() -> [UInt8] { lock.lock(); defer { lock.unlock() }; return free.popLast() ?? [] }

    /// Returns a buffer for reuse.
    func give(_ buffer: [UInt8]) { lock.lock(); free.append(buffer); lock.unlock() }
}
