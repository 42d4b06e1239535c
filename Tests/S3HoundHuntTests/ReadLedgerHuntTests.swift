import Foundation
import Testing
import S3HoundCore
import S3HoundDetections
import S3HoundHunt

/// A hunt whose read ledgers move to temporary files, or cannot, finds exactly what a hunt holding them
/// in memory finds.
@Suite("Read ledger in a hunt")
struct ReadLedgerHuntTests {
    static func hunt(_ directory: String, spillBytes: Int?, spillDirectory: String = FileManager.default.temporaryDirectory.path) throws -> HuntEngine.Outcome {
        var options = Scenarios.options([directory])
        options.minimumSeverity = .info
        options.readSpillBytes = spillBytes
        options.readSpillDirectory = spillDirectory
        return try HuntEngine(options: options).run()
    }

    static func comparable(_ outcome: HuntEngine.Outcome) -> HuntReport {
        var report = outcome.report
        report.summary.elapsedSeconds = 0
        report.summary.notes = report.summary.notes.filter { !$0.hasPrefix("Object reads' detail") }
        return report
    }

    @Test("spilled every 2 KB, kept in memory, or unable to spill: the same findings and incidents")
    func spillingChangesNothing() throws {
        let directory = Scenarios.bulkDownload.directory
        let inMemory = try Self.hunt(directory, spillBytes: nil)
        let spilled = try Self.hunt(directory, spillBytes: 2048)
        let stuck = try Self.hunt(directory, spillBytes: 2048, spillDirectory: "/nonexistent/s3hound-\(UUID().uuidString)")

        #expect(inMemory.findings.contains { $0.detectionID == BulkDownload.metadata.id }, "\(Set(inMemory.findings.map(\.detectionID)))")
        #expect(spilled.findings == inMemory.findings)
        #expect(Self.comparable(spilled) == Self.comparable(inMemory))
        #expect(stuck.findings == inMemory.findings)
        #expect(Self.comparable(stuck) == Self.comparable(inMemory))
        #expect(!inMemory.report.summary.notes.contains { $0.hasPrefix("Object reads' detail") })
        #expect(!spilled.report.summary.notes.contains { $0.hasPrefix("Object reads' detail") })
        // The run says the reads stayed in memory, and where it tried to put them.
        #expect(stuck.report.summary.notes.contains { $0.hasPrefix("Object reads' detail") && $0.contains("/nonexistent/s3hound-") && $0.contains("kept in memory") })
    }
}
