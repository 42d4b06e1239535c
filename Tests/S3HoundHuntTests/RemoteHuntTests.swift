import Foundation
import Testing
import S3HoundCore
import S3HoundHunt
import S3HoundSources

/// Objects held in memory under `bucket/key`, standing in for S3 behind `RemoteObjectSource`.
struct InMemoryObjectSource: RemoteObjectSource {
    let objects: [String: [UInt8]]

    /// Every file under `directory`, keyed by `bucket/prefix/relative-path`.
    init(directory: String, bucket: String, prefix: String) throws {
        var objects: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)!
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            objects[bucket + "/" + prefix + relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        self.objects = objects
    }

    init(objects: [String: [UInt8]]) { self.objects = objects }

    func list(bucket: String, prefix: String) async throws -> [(key: String, size: Int64)] {
        objects.keys.filter { $0.hasPrefix(bucket + "/" + prefix) }.sorted()
            .map { (String($0.dropFirst(bucket.count + 1)), Int64(objects[$0]!.count)) }
    }

    func fetch(bucket: String, key: String) async throws -> [UInt8] {
        guard let bytes = objects[bucket + "/" + key] else { throw RemoteInputError("NoSuchKey: \(key)") }
        return bytes
    }
}

@Suite("hunt s3://… reads objects through the same pipeline as local files")
struct RemoteHuntTests {
    @Test("hunting the trail as S3 objects gives the same incidents as hunting the files")
    func remoteEqualsLocal() throws {
        let generated = Scenarios.bulkDownload
        let local = try HuntEngine(options: Scenarios.options([generated.directory])).run()
        var options = Scenarios.options(["s3://trail-bucket/logs/"])
        options.remoteSource = try InMemoryObjectSource(directory: generated.directory, bucket: "trail-bucket", prefix: "logs/")
        let remote = try HuntEngine(options: options).run()
        #expect(remote.report.summary.records == local.report.summary.records)
        #expect(remote.report.summary.filesRead == local.report.summary.filesRead)
        #expect(remote.report.incidents.map(\.id) == local.report.incidents.map(\.id))
        #expect(remote.report.incidents.map(\.severity) == local.report.incidents.map(\.severity))
        #expect(remote.findings.map(\.detectionID).sorted() == local.findings.map(\.detectionID).sorted())
        #expect(remote.filesOpened.allSatisfy { $0.hasPrefix("s3://trail-bucket/logs/") })
        #expect(!remote.report.incidents.isEmpty)
    }

    @Test("keys are pruned by date folder, account and region; digests are ignored")
    func planning() throws {
        let empty: [UInt8] = []
        let source = InMemoryObjectSource(objects: [
            "org/AWSLogs/o-abc123/111111111111/CloudTrail/us-east-1/2026/02/20/a.json.gz": empty,
            "org/AWSLogs/o-abc123/111111111111/CloudTrail/us-east-1/2026/02/23/b.json.gz": empty,
            "org/AWSLogs/o-abc123/111111111111/CloudTrail/eu-west-1/2026/02/23/c.json.gz": empty,
            "org/AWSLogs/o-abc123/222222222222/CloudTrail/us-east-1/2026/02/23/d.json.gz": empty,
            "org/AWSLogs/o-abc123/111111111111/CloudTrail-Digest/us-east-1/2026/02/23/e.json.gz": empty,
        ])
        let range = TimeWindow(start: EventTime(iso8601: "2026-02-22T00:00:00Z"), end: nil)
        let planner = RemotePlanner(layout: DeliveryLayout(range: range), accounts: ["111111111111"], regions: ["us-east-1"])
        let plan = try planner.plan([S3Location("s3://org/AWSLogs/o-abc123/")!], source: source)
        #expect(plan.inputs == [.remote(bucket: "org", key: "AWSLogs/o-abc123/111111111111/CloudTrail/us-east-1/2026/02/23/b.json.gz")])
        // The other account's, the other region's and the 20th's folders are ruled out without listing them,
        // and the digest tree is never listed.
        #expect(plan.unlistedFolders == 3)
        #expect(plan.pruned == 0)
        #expect(plan.ignored == 0)
    }

    /// Records every listing request a planner makes.
    final class ListingLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var sorted: [String] { lock.withLock { entries.sorted() } }
    }

    /// An in-memory source that logs each request: `level PREFIX` or `whole PREFIX`.
    struct LoggingSource: RemoteObjectSource {
        let inner: InMemoryObjectSource
        let log: ListingLog
        func list(bucket: String, prefix: String) async throws -> [(key: String, size: Int64)] {
            log.add("whole " + prefix)
            return try await inner.list(bucket: bucket, prefix: prefix)
        }
        func listLevel(bucket: String, prefix: String) async throws -> RemoteLevel {
            log.add("level " + prefix)
            return try await inner.listLevel(bucket: bucket, prefix: prefix)
        }
        func fetch(bucket: String, key: String) async throws -> [UInt8] { try await inner.fetch(bucket: bucket, key: key) }
    }

    @Test("a window walks the folders a level at a time and lists only the days inside it; no window lists once")
    func walkListsOnlyTheWindow() throws {
        let base = "AWSLogs/111111111111/CloudTrail/us-east-1/"
        var objects: [String: [UInt8]] = ["b/AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2026/02/23/d.json.gz": []]
        for day in ["2025/12/30", "2026/01/31", "2026/02/20", "2026/02/22", "2026/02/23"] {
            objects["b/" + base + day + "/f.json.gz"] = []
            objects["b/" + base + day + "/g.json.gz"] = []
        }
        let source = InMemoryObjectSource(objects: objects)
        let log = ListingLog()
        let range = TimeWindow(start: EventTime(iso8601: "2026-02-22T00:00:00Z"), end: nil)
        var planner = RemotePlanner(layout: DeliveryLayout(range: range))
        planner.concurrency = 3
        let progress = ListingLog()
        planner.onListing = { listings, objects in progress.add("\(listings)/\(objects)") }
        let plan = try planner.plan([S3Location("s3://b/AWSLogs/")!], source: LoggingSource(inner: source, log: log))
        #expect(progress.sorted.count == 8)
        #expect(progress.sorted.contains("8/4"))
        #expect(plan.inputs.map(\.displayName) == ["2026/02/22/f", "2026/02/22/g", "2026/02/23/f", "2026/02/23/g"]
            .map { "s3://b/" + base + $0 + ".json.gz" })
        #expect(log.sorted == [
            "level AWSLogs/", "level AWSLogs/111111111111/", "level AWSLogs/111111111111/CloudTrail/",
            "level " + base, "level " + base + "2026/", "level " + base + "2026/02/",
            "whole " + base + "2026/02/22/", "whole " + base + "2026/02/23/",
        ])
        #expect(plan.unlistedFolders == 3) // 2025, 2026/01, 2026/02/20

        let unbounded = ListingLog()
        let everything = try RemotePlanner(layout: nil).plan([S3Location("s3://b/AWSLogs/")!],
                                                             source: LoggingSource(inner: source, log: unbounded))
        #expect(unbounded.sorted == ["whole AWSLogs/"])
        #expect(everything.inputs.count == 10)
        #expect(everything.ignored == 1)
    }

    @Test("an object that cannot be fetched is reported by name; the others are read")
    func fetchFailure() throws {
        struct Flaky: RemoteObjectSource {
            let inner: InMemoryObjectSource
            func list(bucket: String, prefix: String) async throws -> [(key: String, size: Int64)] {
                try await inner.list(bucket: bucket, prefix: prefix) + [("logs/missing.json.gz", 10)]
            }
            func fetch(bucket: String, key: String) async throws -> [UInt8] { try await inner.fetch(bucket: bucket, key: key) }
        }
        var options = Scenarios.options(["s3://trail-bucket/logs/"])
        options.remoteSource = Flaky(inner: try InMemoryObjectSource(directory: Scenarios.bulkDownload.directory, bucket: "trail-bucket", prefix: "logs/"))
        let outcome = try HuntEngine(options: options).run()
        #expect(outcome.issues.contains { $0.file == "s3://trail-bucket/logs/missing.json.gz" && $0.message.contains("could not be fetched") })
        #expect(outcome.report.summary.filesWithErrors == 1)
        #expect(!outcome.report.incidents.isEmpty)
    }

    @Test("s3:// locations parse bucket and prefix; other text is not one")
    func locations() {
        #expect(S3Location("s3://bucket/a/b/") == S3Location(bucket: "bucket", prefix: "a/b/"))
        #expect(S3Location("s3://bucket") == S3Location(bucket: "bucket", prefix: ""))
        #expect(S3Location("s3:///x") == nil)
        #expect(S3Location("/tmp/x") == nil)
    }
}
