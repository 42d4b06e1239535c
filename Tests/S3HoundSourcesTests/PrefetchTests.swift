import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// `ParallelIngest` downloads `.remote` inputs ahead of its reader threads: several at once, never more held
/// than its window, each object read once, failures reported per object.
@Suite("Remote inputs are downloaded ahead of the readers")
struct PrefetchTests {
    /// Counts, across threads, downloads started and running and files the readers have begun.
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var started = 0
        private(set) var running = 0
        private(set) var mostRunning = 0
        private(set) var begun = 0
        /// The most downloads started but not yet begun by a reader, seen when a download starts.
        private(set) var mostAhead = 0

        func downloadStarted() {
            lock.withLock {
                started += 1
                running += 1
                mostRunning = max(mostRunning, running)
                mostAhead = max(mostAhead, started - begun)
            }
        }
        func downloadEnded() { lock.withLock { running -= 1 } }
        func readerBegan() { lock.withLock { begun += 1 } }
    }

    /// A sink that tells the ledger when its reader begins a file.
    final class CountingSink: EventSink {
        let ledger: Ledger
        let readDelay: TimeInterval
        var events: [ActivityEvent] = []
        init(_ ledger: Ledger, readDelay: TimeInterval = 0) { self.ledger = ledger; self.readDelay = readDelay }
        func begin(_ input: LogInput) {
            ledger.readerBegan()
            if readDelay > 0 { Thread.sleep(forTimeInterval: readDelay) }
        }
        func consume(_ event: ActivityEvent) { events.append(event) }
    }

    /// `count` one-record objects keyed `logs/N.json`, holding event ids `N`.
    static func objects(_ count: Int) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ("logs/\($0).json", Array(deliveryFile([record($0)]).utf8)) })
    }

    static func ingest(_ inputs: [LogInput], objects: [String: [UInt8]], ledger: Ledger, downloads: Int, window: Int,
                       windowBytes: Int = 1 << 30, workers: Int = 2, delay: Duration = .milliseconds(5),
                       readDelay: TimeInterval = 0) -> (sinks: [CountingSink], results: [FileReadResult]) {
        var ingest = ParallelIngest(workers: workers)
        ingest.downloads = downloads
        ingest.downloadWindow = window
        ingest.downloadWindowBytes = windowBytes
        ingest.fetcher = { _, key in
            ledger.downloadStarted()
            defer { ledger.downloadEnded() }
            Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18)
            guard let bytes = objects[key] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "NoSuchKey: \(key)"]) }
            return bytes
        }
        return ingest.run(inputs, makeSink: { CountingSink(ledger, readDelay: readDelay) })
    }

    @Test("downloads overlap, stay within the window, and every object is read once, local files too")
    func overlapWithinWindow() throws {
        let folder = try TemporaryFolder()
        let local = try folder.write("local.json", deliveryFile([record(1000)]))
        let objects = Self.objects(60)
        var inputs = (0..<60).map { LogInput.remote(bucket: "b", key: "logs/\($0).json") }
        inputs.insert(.file(local), at: 30)
        let ledger = Ledger()
        let (sinks, results) = Self.ingest(inputs, objects: objects, ledger: ledger, downloads: 6, window: 10)
        #expect(results.map(\.file) == inputs.map(\.displayName))
        #expect(results.allSatisfy { $0.records == 1 && $0.issues.isEmpty })
        let ids = sinks.flatMap(\.events).map(\.eventID.description).sorted()
        #expect(ids == ((0..<60).map { "event-\($0)" } + ["event-1000"]).sorted())
        #expect(ledger.started == 60)
        #expect(ledger.mostRunning > 1, "downloads ran at once")
        #expect(ledger.mostRunning <= 6)
        #expect(ledger.mostAhead <= 10, "never more than the window downloaded ahead of the readers")
    }

    @Test("downloads pause while the objects downloaded and not yet read hold the byte window")
    func byteWindow() {
        let inputs = (0..<30).map { LogInput.remote(bucket: "b", key: "logs/\($0).json") }
        // Slow readers, fast downloads: with only the count window (100), downloads run far ahead.
        let loose = Ledger()
        _ = Self.ingest(inputs, objects: Self.objects(30), ledger: loose, downloads: 4, window: 100,
                        delay: .milliseconds(1), readDelay: 0.02)
        #expect(loose.mostAhead > 6)
        // A byte window smaller than one object: nothing new starts while one waits unread.
        let tight = Ledger()
        let (sinks, _) = Self.ingest(inputs, objects: Self.objects(30), ledger: tight, downloads: 4, window: 100, windowBytes: 1,
                                     delay: .milliseconds(1), readDelay: 0.02)
        #expect(sinks.map(\.events.count).reduce(0, +) == 30)
        #expect(tight.mostAhead <= 4 + 2, "downloads in flight, one held, one being taken")
    }

    @Test("a window and a download of one still finishes with several readers")
    func smallestWindow() {
        let ledger = Ledger()
        let (sinks, results) = Self.ingest((0..<12).map { .remote(bucket: "b", key: "logs/\($0).json") },
                                           objects: Self.objects(12), ledger: ledger, downloads: 1, window: 1,
                                           workers: 3, delay: .milliseconds(1))
        #expect(results.allSatisfy { $0.records == 1 })
        #expect(sinks.map(\.events.count).reduce(0, +) == 12)
        #expect(ledger.mostRunning == 1)
        #expect(ledger.mostAhead <= 1)
    }

    @Test("an object that cannot be downloaded is reported by name and the rest are read")
    func failedDownload() {
        var inputs = (0..<8).map { LogInput.remote(bucket: "b", key: "logs/\($0).json") }
        inputs.insert(.remote(bucket: "b", key: "logs/gone.json"), at: 4)
        let (sinks, results) = Self.ingest(inputs, objects: Self.objects(8), ledger: Ledger(), downloads: 3, window: 4)
        let failed = results.filter { !$0.issues.isEmpty }
        #expect(failed.map(\.file) == ["s3://b/logs/gone.json"])
        #expect(failed.first?.incomplete == true)
        #expect(failed.first?.issues.first?.message.contains("could not be fetched") == true)
        #expect(failed.first?.issues.first?.message.contains("NoSuchKey") == true)
        #expect(sinks.map(\.events.count).reduce(0, +) == 8)
    }
}
