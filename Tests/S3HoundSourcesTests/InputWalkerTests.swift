import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Walking inputs and pruning by the delivery layout")
struct InputWalkerTests {
    func trailFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for day in 20...23 {
            let dir = "logs/AWSLogs/o-abc123/123456789012/CloudTrail/us-east-1/2026/02/\(day)"
            for hour in ["0105", "2355"] {
                try folder.write("\(dir)/123456789012_CloudTrail_us-east-1_202602\(day)T\(hour)Z_abcdefgh12345678.json.gz", "{}")
            }
        }
        try folder.write("logs/AWSLogs/o-abc123/123456789012/CloudTrail-Digest/us-east-1/2026/02/21/123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20260221T010000Z.json.gz", "{}")
        try folder.write("logs/scenario.s3hound.json", "{}")
        try folder.write("logs/.hidden.json", "{}")
        return folder
    }

    @Test("without a range every log file is listed; digests and S3Hound metadata are ignored")
    func everything() throws {
        let folder = try trailFolder()
        let plan = try InputWalker().plan([folder.path + "/logs"])
        #expect(plan.inputs.count == 8)
        #expect(plan.ignored == 2)
        #expect(plan.pruned == 0)
    }

    @Test("day folders and files outside the range are skipped without opening them")
    func pruning() throws {
        let folder = try trailFolder()
        let range = TimeWindow(start: EventTime(iso8601: "2026-02-21T12:00:00Z"), end: EventTime(iso8601: "2026-02-23T00:00:00Z"))
        let plan = try InputWalker(layout: DeliveryLayout(range: range)).plan([folder.path + "/logs"])
        let names = plan.inputs.map { ($0.displayName as NSString).lastPathComponent }
        // 20th: whole folder before the range. 21st 01:05 delivery: before it. 23rd: both files delivered
        // more than the one-hour delivery delay after the range ends.
        #expect(names == [
            "123456789012_CloudTrail_us-east-1_20260221T2355Z_abcdefgh12345678.json.gz",
            "123456789012_CloudTrail_us-east-1_20260222T0105Z_abcdefgh12345678.json.gz",
            "123456789012_CloudTrail_us-east-1_20260222T2355Z_abcdefgh12345678.json.gz",
        ])
        #expect(plan.pruned == 5)
        #expect(plan.prunedFolders == 1)
    }

    @Test("the layout parser reads folders and file names")
    func layoutParsing() {
        let span = DeliveryLayout.folderSpan("x/AWSLogs/123/CloudTrail/eu-west-1/2026/02".split(separator: "/"))
        #expect(span?.start == EventTime(iso8601: "2026-02-01"))
        #expect(span?.end == EventTime(iso8601: "2026-03-01"))
        #expect(DeliveryLayout.folderSpan("x/AWSLogs/123/CloudTrail/eu-west-1".split(separator: "/")) == nil)
        #expect(DeliveryLayout.folderSpan("x/CloudTrail/eu-west-1/2026/13".split(separator: "/")) == nil)
        #expect(DeliveryLayout.fileDeliveryTime("123_CloudTrail_us-east-1_20260223T0250Z_abc.json.gz") == EventTime(iso8601: "2026-02-23T02:50:00Z"))
        #expect(DeliveryLayout.fileDeliveryTime("export.json") == nil)
    }

    @Test("a path that does not exist stops the run with a clear error")
    func missingPath() {
        #expect(throws: InputWalker.WalkError.self) { try InputWalker().plan(["/nonexistent/s3hound"]) }
    }

    @Test("files given by name are read whatever their name")
    func explicitFiles() throws {
        let folder = try trailFolder()
        let path = try folder.write("notes.s3hound.json", "{}")
        #expect(try InputWalker().plan([path, "-"]).inputs == [.file(path), .standardInput])
    }
}
