import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct JSONLinesReportTests {
    @Test func oneLinePerFindingWithItsIncident() throws {
        let text = try JSONLinesReport.render(JSONReportTests.bothIncidents)
        let lines = try jsonLines(text)
        #expect(lines.count == 4)
        #expect(text.split(separator: "\n").allSatisfy { !$0.contains("\n") && $0.hasPrefix("{\"accessKeys\":") })
        #expect(lines.map { $0["incidentID"] as? String } == ["INC-20260223-4f2a9c", "INC-20260223-4f2a9c", "INC-20260223-4f2a9c", "INC-20260223-0c0ffe"])
        #expect(lines.map { $0["detectionID"] as? String } == ["cloudtrail.bulk-download", "cloudtrail.new-source-ip", "cloudtrail.unusual-hour", "cloudtrail.cross-account-copy"])
        #expect(lines.allSatisfy { $0["schema"] as? String == "s3hound.finding.v1" && $0["generatedAt"] as? String == "2026-02-23T05:00:00Z" })
        #expect(lines[0]["incidentSeverity"] as? String == "critical")
        #expect(lines[0]["accessKeys"] as? [String] == ["AKIA…WXYZ"])
        let buckets = try #require(lines[0]["buckets"] as? [[String: Any]])
        #expect(buckets.first { $0["name"] as? String == "customer-records" }?["label"] as? String == "pii")
    }

    @Test func fieldsAreTheDocumentedFindingFieldsPlusTheIncident() throws {
        let schema = try DocumentedSchema.load()
        let finding = try #require(schema.sections.first { $0.paths.contains("$.incidents[].findings[]") })
        let extra = try FormatsDocument.load().paths(of: "jsonl")
        #expect(extra == ["schema", "incidentID", "incidentSeverity", "generatedAt"])
        for line in try jsonLines(try JSONLinesReport.render(JSONReportTests.bothIncidents)) {
            #expect(Set(line.keys) == Set(finding.fields.keys).union(extra))
        }
    }

    @Test func emptyReportWritesNothing() throws {
        #expect(try JSONLinesReport.render(Fixtures.emptyReport()).isEmpty)
    }
}
