import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import Testing

@Suite("Learning from log files")
struct BaselineLearnerTests {
    @Test("Learning the same files twice changes nothing; new days add")
    func learnTwice() throws {
        let logs = try Fixtures.temporaryFolder()
        for day in ["2026-02-18", "2026-02-19", "2026-02-20"] { try Fixtures.writeDay(day, in: logs) }
        let store = try BaselineStore(path: try Fixtures.temporaryFolder() + "/baseline.sqlite")
        let learner = BaselineLearner(paths: [logs], workers: 2)

        let first = try learner.learn(into: store)
        #expect(first.filesRead == 3 && first.filesAlreadyLearned == 0)
        #expect(first.records == 18 && first.principalsUpdated == 1 && first.issues.isEmpty)
        let profile = try #require(store.profile(for: Fixtures.janePrincipal))
        #expect(profile.activeDayIndexes.count == 3 && profile.sourceIPs["203.0.113.10"]?.count == 18)

        let again = try learner.learn(into: store)
        #expect(again.filesRead == 0 && again.filesAlreadyLearned == 3 && again.records == 0)
        #expect(store.profile(for: Fixtures.janePrincipal) == profile)

        // A copy of a learned file under another name is the same file.
        try FileManager.default.copyItem(atPath: logs + "/2026-02-18.jsonl", toPath: logs + "/copy-of-18.jsonl")
        try Fixtures.writeDay("2026-02-21", in: logs, ip: "198.51.100.20")
        let more = try learner.learn(into: store)
        #expect(more.filesRead == 1 && more.filesAlreadyLearned == 4)
        let grown = try #require(store.profile(for: Fixtures.janePrincipal))
        #expect(grown.activeDayIndexes.count == 4)
        #expect(grown.sourceIPs["203.0.113.10"]?.count == 18 && grown.sourceIPs["198.51.100.20"]?.count == 6)
    }

    @Test("--since/--until limit what is learned")
    func window() throws {
        let logs = try Fixtures.temporaryFolder()
        for day in ["2026-02-18", "2026-02-19", "2026-02-20"] { try Fixtures.writeDay(day, in: logs) }
        let store = try Fixtures.memoryStore()
        let summary = try BaselineLearner(paths: [logs], window: TimeWindow(end: CaseEvents.time("2026-02-20T00:00:00Z"))).learn(into: store)
        #expect(summary.records == 18 && summary.recordsOutsideWindow == 6)
        #expect(store.profile(for: Fixtures.janePrincipal)?.activeDayIndexes.count == 2)
    }

    @Test("Bad records are reported and the rest is learned; a missing path throws")
    func badInput() throws {
        let logs = try Fixtures.temporaryFolder()
        try Fixtures.writeDay("2026-02-18", in: logs)
        try "{\"eventTime\": not json\n".write(toFile: logs + "/broken.jsonl", atomically: true, encoding: .utf8)
        let store = try Fixtures.memoryStore()
        let summary = try BaselineLearner(paths: [logs]).learn(into: store)
        #expect(summary.filesRead == 2 && summary.records == 6 && summary.recordsSkipped == 1)
        #expect(summary.issues.count == 1 && summary.issues[0].file.hasSuffix("broken.jsonl"))
        #expect(throws: (any Error).self) { try BaselineLearner(paths: [logs + "/missing"]).learn(into: store) }
    }
}
