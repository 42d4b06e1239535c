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
    }
}
