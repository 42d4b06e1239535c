import Foundation
import Testing
import S3HoundCore
import S3HoundHunt
import S3HoundSimulator
import S3HoundSources

@Suite("Reading a log tree")
struct IngestBehaviourTests {
    @Test("--since/--until prune day folders and files before opening them")
    func pruning() throws {
        let scenario = Scenarios.bulkDownload
        var options = Scenarios.options([scenario.directory])
        options.since = EventTime(iso8601: "2026-02-23T00:00:00Z")
        options.until = EventTime(iso8601: "2026-02-23T12:00:00Z")
        options.baselineSeconds = 3 * 86_400
        let outcome = try HuntEngine(options: options).run()
        let earliest = EventTime(iso8601: "2026-02-20T00:00:00Z")!
        let latest = EventTime(iso8601: "2026-02-23T13:00:00Z")!
        #expect(!outcome.filesOpened.isEmpty)
        for file in outcome.filesOpened {
            let name = (file as NSString).lastPathComponent
            let delivered = try #require(DeliveryLayout.fileDeliveryTime(Substring(name)))
            #expect(delivered >= earliest && delivered < latest, "opened \(name) outside the range")
        }
        let expectedOpened = scenario.result.logFiles.filter {
            let delivered = DeliveryLayout.fileDeliveryTime(Substring(($0 as NSString).lastPathComponent))!
            return delivered >= earliest && delivered < latest
        }
        #expect(outcome.filesOpened.count == expectedOpened.count)
        #expect(outcome.report.summary.filesPruned == scenario.result.logFiles.count - expectedOpened.count)
        // The attack is still found, judged against the three days before --since.
        #expect(outcome.report.incidents.count == 1)
        #expect(outcome.report.summary.baselineWindow?.start == EventTime(iso8601: "2026-02-20T00:00:00Z"))
    }

    @Test("truncated gzip, broken JSON and wrong types are reported; the attack is still found")
    func damagedTree() throws {
        let directory = try Scenarios.copy(Scenarios.bulkDownload, as: "damaged")
        let files = Scenarios.bulkDownload.result.logFiles
        // Cut one benign file in half, and add a broken JSON file and a wrong-typed record.
        let victim = directory + "/" + files[3]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: victim))
        let broken = directory + "/AWSLogs/extra/broken.json"
        try FileManager.default.createDirectory(atPath: (broken as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(#"{"Records":[{"eventTime":"2026-02-23T01:00:00Z","eventName":"GetObject","userIdentity":{"arn":{"x":1}}}, {"eventTime": oops}]}"#.utf8)
            .write(to: URL(fileURLWithPath: broken))
        let outcome = try HuntEngine(options: Scenarios.options([directory])).run()
        #expect(outcome.report.incidents.count == 1)
        #expect(outcome.report.summary.recordsSkipped >= 3)
        #expect(outcome.report.summary.filesWithErrors == 1)
        let messages = outcome.issues.map(\.description)
        #expect(messages.contains { $0.contains(files[3]) && $0.contains("truncated") })
        #expect(messages.contains { $0.contains("broken.json (record 0") && $0.contains("userIdentity.arn") })
        #expect(messages.contains { $0.contains("broken.json (record 1") })
    }

    @Test("a path that does not exist stops the hunt before reading anything")
    func missingPath() {
        #expect(throws: InputWalker.WalkError.self) {
            try HuntEngine(options: Scenarios.options(["/nonexistent/AWSLogs"])).run()
        }
    }

    @Test("without --since a short input is judged on absolute thresholds and says so")
    func shortInput() throws {
        var options = Scenarios.options([Scenarios.bulkDownload.directory])
        options.baselineSeconds = 30 * 86_400
        let outcome = try HuntEngine(options: options).run()
        #expect(outcome.report.summary.baselineWindow == nil)
        #expect(outcome.report.summary.notes.contains { $0.contains("absolute thresholds only") })
        // The burst is still far over the absolute floor.
        #expect(outcome.findings.contains { $0.detectionID == "cloudtrail.bulk-download" && $0.principal == Scenarios.bulkDownload.truth.attack!.principal })
    }
}
