import Foundation
import Testing
import S3HoundCore
import S3HoundHunt
@testable import S3HoundAWS

/// `hunt s3://…` end to end: the bundled sample trail uploaded to moto's S3, hunted from there and from disk.
extension MotoTests {
    @Test func huntingTheTrailInS3EqualsHuntingTheFiles() async throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/bulk-download").path
        // Delivery-layout keys hold `/` in the ListObjectsV2 prefix, which moto 5.2.1 cannot check (see
        // MotoSignatureQuirkTransport): the S3 client re-signs the way moto verifies; everything else is real.
        let s3 = S3Client(credentials: server.credentials, region: "us-east-1", endpoint: server.endpoint,
                          transport: MotoSignatureQuirkTransport(credentials: server.credentials),
                          retryPolicy: RetryPolicy(maxAttempts: 1))
        try await s3.createBucket("s3hound-trail")
        let enumerator = try #require(FileManager.default.enumerator(atPath: examples))
        var uploaded = 0
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: examples + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try await s3.putObject(bucket: "s3hound-trail", key: "trail/" + relative,
                                   body: try Data(contentsOf: URL(fileURLWithPath: examples + "/" + relative)))
            uploaded += 1
        }
        #expect(uploaded > 10)

        let now = try #require(EventTime(iso8601: "2026-02-24T06:00:00Z"))
        var local = HuntOptions(paths: [examples])
        local.now = now
        var remote = HuntOptions(paths: ["s3://s3hound-trail/trail/AWSLogs/"])
        remote.now = now
        remote.remoteSource = S3ObjectSource(client: s3)
        let fromDisk = try HuntEngine(options: local).run()
        let fromS3 = try HuntEngine(options: remote).run()
        #expect(fromS3.report.summary.records == fromDisk.report.summary.records)
        #expect(fromS3.report.summary.recordsSkipped == 0)
        #expect(fromS3.report.incidents.map(\.id) == fromDisk.report.incidents.map(\.id))
        #expect(fromS3.report.incidents.map(\.severity) == fromDisk.report.incidents.map(\.severity))
        #expect(fromS3.findings.map(\.detectionID).sorted() == fromDisk.findings.map(\.detectionID).sorted())
        #expect(!fromS3.report.incidents.isEmpty)

        // With a window and an account to keep, the planner walks moto's listing a level at a time
        // (delimiter `/`) and skips the folders outside: the same answer as the local walker's pruning.
        local.since = EventTime(iso8601: "2026-02-23T00:00:00Z")
        local.baselineSeconds = 2 * 86_400
        remote.since = local.since
        remote.baselineSeconds = local.baselineSeconds
        remote.remoteAccounts = ["123456789012"]
        let windowedDisk = try HuntEngine(options: local).run()
        let windowedS3 = try HuntEngine(options: remote).run()
        #expect(windowedS3.unlistedFolders > 0)
        #expect(windowedDisk.report.summary.filesPruned > 0)
        #expect(windowedS3.filesOpened.count == windowedDisk.filesOpened.count)
        #expect(windowedS3.report.summary.records == windowedDisk.report.summary.records)
        #expect(windowedS3.report.incidents.map(\.id) == windowedDisk.report.incidents.map(\.id))
        #expect(windowedS3.report.summary.notes.contains { $0.contains("s3:// folder(s) outside the time range, accounts or regions skipped without listing them") })
    }
}
