import Foundation
import Testing
import S3HoundCore
import S3HoundDetections
import S3HoundHunt
import S3HoundSimulator

/// A hunt that spools its events by principal and judges one partition at a time finds exactly what a hunt
/// holding every principal's tallies at once finds: the same findings, incidents, summary and read totals.
@Suite("Partitioned hunt: the same findings and incidents as one holding everything in memory")
struct PartitionedHuntTests {
    /// The report with what legitimately differs (timing, the partitioning note) taken out.
    static func comparable(_ outcome: HuntEngine.Outcome) -> HuntReport {
        var report = outcome.report
        report.summary.elapsedSeconds = 0
        report.summary.notes = report.summary.notes.filter { !$0.hasPrefix("Judged in ") && !$0.hasPrefix("Partitioned events") }
        return report
    }

    /// Findings in one order whatever order the partitions produced them in.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            ($0.detectionID, $0.firstEvent, $0.principal, $0.lastEvent) < ($1.detectionID, $1.firstEvent, $1.principal, $1.lastEvent)
        }
    }

    static func expectSame(_ whole: HuntEngine.Outcome, _ parts: HuntEngine.Outcome, partitions: Int, _ label: String) {
        #expect(Self.sorted(parts.findings) == Self.sorted(whole.findings), "\(label)")
        #expect(parts.report.incidents == whole.report.incidents, "\(label)")
        #expect(Self.comparable(parts) == Self.comparable(whole), "\(label)")
        #expect(parts.readTotals == whole.readTotals, "\(label)")
        #expect(!parts.readTotals.isEmpty, "\(label)")
        #expect(parts.report.summary.notes.contains { $0.hasPrefix("Judged in \(partitions) partitions of principals") }, "\(label)")
        #expect(!whole.report.summary.notes.contains { $0.hasPrefix("Judged in ") }, "\(label)")
        #expect(!parts.report.summary.notes.contains { $0.hasPrefix("Partitioned events") }, "\(label)")
    }

    @Test("every catalog attack: 1 partition and 5, spilled every 4 KB, find the same", arguments: Scenario.attacks)
    func catalogAttack(_ scenario: Scenario) throws {
        let generated = try #require(CatalogScenarios.attacks[scenario])
        let whole = try CatalogScenarios.hunt(generated) { $0.partitions = 1; $0.wantsReadTotals = true }
        let parts = try CatalogScenarios.hunt(generated) {
            $0.partitions = 5; $0.eventSpillBytes = 4096; $0.wantsReadTotals = true
        }
        #expect(!whole.report.incidents.isEmpty)
        Self.expectSame(whole, parts, partitions: 5, scenario.rawValue)
    }

    @Test("the five-source story (flows, GuardDuty, Macie beside CloudTrail and access logs) finds the same in 3 partitions")
    func fullStory() throws {
        let generated = FullStoryTests.generated
        let whole = try CatalogScenarios.hunt(generated) { $0.partitions = 1; $0.wantsReadTotals = true }
        let parts = try CatalogScenarios.hunt(generated) { $0.partitions = 3; $0.eventSpillBytes = 4096; $0.wantsReadTotals = true }
        #expect(whole.report.incidents.contains { $0.story.serviceFindings.count > 0 })
        Self.expectSame(whole, parts, partitions: 3, "full-story")
    }

    @Test("a spool that cannot reach its directory keeps the events in memory, says so, and finds the same")
    func unwritableSpoolDirectory() throws {
        let generated = try #require(CatalogScenarios.attacks[.bulkDownload])
        let whole = try CatalogScenarios.hunt(generated) { $0.partitions = 1; $0.wantsReadTotals = true }
        let stuck = try CatalogScenarios.hunt(generated) {
            $0.partitions = 4; $0.eventSpillBytes = 4096; $0.wantsReadTotals = true
            $0.readSpillDirectory = "/nonexistent/s3hound-\(UUID().uuidString)"
        }
        #expect(Self.sorted(stuck.findings) == Self.sorted(whole.findings))
        #expect(stuck.report.incidents == whole.report.incidents)
        #expect(stuck.readTotals == whole.readTotals)
        #expect(stuck.report.summary.notes.contains { $0.hasPrefix("Partitioned events: could not create a temporary file in /nonexistent/s3hound-") && $0.contains("events were kept in memory") })
    }

    @Test("automatic partitions: one below twice the bytes per partition, then one per share rounded up to the threads, at most 1,024")
    func automaticPartitions() {
        let per: Int64 = 128 << 20
        #expect(HuntEngine.automaticPartitions(inputBytes: 0, bytesPerPartition: per) == 1)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2 * per - 1, bytesPerPartition: per) == 1)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2 * per, bytesPerPartition: per) == 2)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2 * per + 1, bytesPerPartition: per) == 3)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2_700_000_000, bytesPerPartition: per) == 21)
        #expect(HuntEngine.automaticPartitions(inputBytes: 1 << 50, bytesPerPartition: per) == 1024)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2 * per + 1, bytesPerPartition: per, threads: 2) == 4)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2_700_000_000, bytesPerPartition: per, threads: 2) == 22)
        #expect(HuntEngine.automaticPartitions(inputBytes: 2 * per - 1, bytesPerPartition: per, threads: 2) == 1)
        #expect(HuntEngine.automaticPartitions(inputBytes: 1 << 50, bytesPerPartition: per, threads: 3) == 1024)
    }

    @Test("a hunt with partitions unset judges a small input whole, and one given a tiny share per partition in several")
    func automaticChoiceInAHunt() throws {
        let generated = try #require(CatalogScenarios.attacks[.discovery])
        let automatic = try CatalogScenarios.hunt(generated) { $0.partitions = nil }
        #expect(!automatic.report.summary.notes.contains { $0.hasPrefix("Judged in ") })
        let small = try CatalogScenarios.hunt(generated) { $0.partitions = nil; $0.partitionBytes = 64 << 10 }
        #expect(small.report.summary.notes.contains { $0.hasPrefix("Judged in ") })
        #expect(Self.sorted(small.findings) == Self.sorted(automatic.findings))
        #expect(small.report.incidents == automatic.report.incidents)
    }
}
