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
        #expect(plan.pruned == 3)
        #expect(plan.ignored == 1)
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
