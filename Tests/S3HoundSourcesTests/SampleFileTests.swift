import Foundation
import Testing
@testable import S3HoundSources

/// AWS's own documentation examples, when the shared samples folder is beside the clone.
@Suite("AWS documentation samples")
struct SampleFileTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/samples/aws-docs/amazon-s3-userguide").standardized

    @Test("the CloudTrail S3 examples parse", .enabled(if: FileManager.default.fileExists(atPath: samples.path)))
    func cloudTrailSamples() throws {
        let (events, result) = readAll(Self.samples.appendingPathComponent("cloudtrail-logging-understanding-s3-entries.example-ct-log-s3.json").path)
        #expect(result.skipped == 0)
        #expect(events.count >= 3)
        #expect(events.first?.eventName == "ListBuckets")
        #expect(events.first?.host == "s3.us-west-2.amazonaws.com")
    }
}
