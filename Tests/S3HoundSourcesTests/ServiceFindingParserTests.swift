import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Findings documents: skipping, damage and limits")
struct ServiceFindingParserTests {
    private typealias F = FindingFixtures

    /// The get-findings fixture's finding with a new id and `Service` fields replaced by `service`.
    private static func guardDutyFinding(id: String, service: String = #""Archived": false, "Count": 1"#) -> String {
        #"{"AccountId":"111122223333","CreatedAt":"2026-02-23T03:14:07.000Z","Id":"\#(id)","Region":"us-east-1","Resource":{"ResourceType":"AccessKey","AccessKeyDetails":{"AccessKeyId":"AKIAEXAMPLEDEVKEY001","UserName":"dev-alice","UserType":"IAMUser"}},"SchemaVersion":"2.0","Service":{\#(service)},"Severity":8,"Title":"t","Type":"Exfiltration:S3/AnomalousBehavior","UpdatedAt":"2026-02-23T04:05:00.000Z"}"#
    }

    private static func getFindings(_ findings: [String]) -> String { #"{"Findings":["# + findings.joined(separator: ",") + "]}" }

    private static let mixed = getFindings([
        guardDutyFinding(id: "live"),
        guardDutyFinding(id: "archived", service: #""Archived": true, "Count": 1"#),
        guardDutyFinding(id: "sample-object", service: #""Archived": false, "AdditionalInfo": {"Sample": true}"#),
        guardDutyFinding(id: "sample-text", service: #""AdditionalInfo": {"Value": "{\"sample\":true}", "Type": "default"}"#),
        guardDutyFinding(id: "archived-sample", service: #""Archived": true, "AdditionalInfo": {"sample": true}"#),
    ])

    @Test("archived and sample findings are skipped and counted by default")
    func skippedByDefault() {
        let outcome = F.parse(Self.mixed)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.findings.map(\.id) == ["live"])
        #expect(outcome.skippedArchived == 1)
        #expect(outcome.skippedSamples == 3)
    }

    @Test("options keep archived findings, sample findings, or both")
    func keptWithOptions() {
        let samples = F.parse(Self.mixed, options: .init(includeSamples: true))
        #expect(samples.findings.map(\.id) == ["live", "sample-object", "sample-text"])
        #expect(samples.skippedArchived == 2)
        #expect(samples.skippedSamples == 0)
        #expect(samples.findings.dropFirst().allSatisfy { $0.sample })

        let archived = F.parse(Self.mixed, options: .init(includeArchived: true))
        #expect(archived.findings.map(\.id) == ["live", "archived"])
        #expect(archived.skippedArchived == 0)
        #expect(archived.skippedSamples == 3)
        #expect(archived.findings.last?.archived == true)

        let both = F.parse(Self.mixed, options: .init(includeArchived: true, includeSamples: true))
        #expect(both.findings.map(\.id) == ["live", "archived", "sample-object", "sample-text", "archived-sample"])
        #expect(both.skippedArchived == 0 && both.skippedSamples == 0)
    }

    @Test("Macie's archived and sample flags are honoured")
    func macieFlags() {
        let sample = F.macieEventBridge.replacingOccurrences(of: #""sample":false"#, with: #""sample":true"#)
        let archived = F.macieEventBridge.replacingOccurrences(of: #""archived":false"#, with: #""archived":true"#)
        let outcome = F.parse(sample + "\n" + archived + "\n" + F.macieEventBridge + "\n")
        #expect(outcome.findings.count == 1)
        #expect(outcome.skippedSamples == 1)
        #expect(outcome.skippedArchived == 1)
        #expect(F.parse(sample, options: .init(includeSamples: true)).findings.first?.sample == true)
    }

    @Test("a broken finding is reported by index and reason; the findings around it are read")
    func brokenFindings() throws {
        let document = Self.getFindings([
            Self.guardDutyFinding(id: "first"),
            Self.guardDutyFinding(id: "no-id").replacingOccurrences(of: #""Id":"no-id","#, with: ""),
            Self.guardDutyFinding(id: "bad-count", service: #""Count": {"n": 1}"#),
            Self.guardDutyFinding(id: "bad-time").replacingOccurrences(of: "2026-02-23T03:14:07.000Z", with: "yesterday"),
            Self.guardDutyFinding(id: "bad-resource").replacingOccurrences(of: #""Resource":{"#, with: #""Resource":"AccessKey","Unused":{"#),
            #""not a finding""#,
            Self.guardDutyFinding(id: "last"),
        ])
        let outcome = F.parse(document)
        #expect(outcome.findings.map(\.id) == ["first", "last"])
        #expect(outcome.failures.map(\.index) == [1, 2, 3, 4, 5])
        let reasons = outcome.failures.map(\.reason)
        #expect(reasons[0].contains("`id` is missing"))
        #expect(reasons[1].contains("`service.count` should be a number but is an object"))
        #expect(reasons[1].contains("\"bad-count\""))
        #expect(reasons[2].contains("`createdAt` is not an ISO-8601 time"))
        #expect(reasons[3].contains("`resource` should be an object but is text"))
        #expect(reasons[4].contains("not a finding object"))
    }

    @Test("a Macie finding with the wrong types is reported; its neighbours are read")
    func brokenMacie() throws {
        let good = try F.renamingKeys(F.macieGetFindings) { $0 }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(good.utf8)) as? [String: Any])
        let finding = try #require((object["findings"] as? [Any])?.first as? [String: Any])
        var noCreated = finding
        noCreated["createdAt"] = nil
        var badSeverity = finding
        badSeverity["severity"] = "High"
        var badDetections = finding
        badDetections["classificationDetails"] = ["result": ["sensitiveData": [["category": "X", "detections": "many"]]]]
        let list = [finding, noCreated, badSeverity, badDetections, finding]
        let data = try JSONSerialization.data(withJSONObject: ["findings": list])
        let outcome = ServiceFindingParser.parse(Array(data), options: .init())
        #expect(outcome.findings.count == 2)
        #expect(outcome.failures.map(\.index) == [1, 2, 3])
        #expect(outcome.failures[0].reason.contains("`createdAt` is missing"))
        #expect(outcome.failures[1].reason.contains("`severity` should be an object but is text"))
        #expect(outcome.failures[2].reason.contains("`classificationDetails.result.sensitiveData[0].detections` should be a list"))
    }

    @Test("a truncated JSON-lines export keeps the whole lines and reports the cut one with its offset")
    func truncatedLines() throws {
        let lines = F.guardDutyExportLines + [F.guardDutyExportLines[0].replacingOccurrences(of: "0ab1c2d3e4f5061728394a5b6c7d8e9f", with: "third")]
        var text = lines.joined(separator: "\n")
        text = String(text.prefix(text.count - 200))
        let outcome = F.parse(text)
        #expect(outcome.findings.map(\.id) == ["0ab1c2d3e4f5061728394a5b6c7d8e9f", "1bc2d3e4f5061728394a5b6c7d8e9f0a"])
        let failure = try #require(outcome.failures.first)
        #expect(outcome.failures.count == 1)
        #expect(failure.index == 2)
        let thirdLineStart = lines[0].utf8.count + 1 + lines[1].utf8.count + 1
        #expect((failure.byteOffset ?? 0) >= thirdLineStart)
        #expect(failure.reason.contains("Line 3"))
        #expect(failure.reason.contains("truncated"))
    }

    @Test("a broken line in the middle does not stop the lines after it")
    func brokenMiddleLine() {
        let text = [F.guardDutyExportLines[0], #"{"schemaVersion":"2.0","id":oops}"#, F.guardDutyExportLines[1]].joined(separator: "\r\n")
        let outcome = F.parse(text)
        #expect(outcome.findings.count == 2)
        #expect(outcome.failures.map(\.index) == [1])
    }

    @Test("a truncated single document is one failure naming the byte offset")
    func truncatedDocument() throws {
        let text = String(F.guardDutyGetFindings.prefix(1500))
        let outcome = F.parse(text)
        #expect(outcome.findings.isEmpty)
        let failure = try #require(outcome.failures.first)
        #expect(outcome.failures.count == 1)
        #expect(failure.index == nil)
        #expect(failure.byteOffset != nil)
        #expect(failure.reason.contains("not valid JSON"))
        #expect(failure.description.contains("byte"))
    }

    @Test("an EventBridge event of another kind in a findings stream is reported, not read")
    func foreignEvent() {
        let cloudTrail = #"{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","detail":{"eventName":"GetObject"}}"#
        let outcome = F.parse(F.guardDutyEventBridge + "\n" + cloudTrail + "\n")
        #expect(outcome.findings.count == 1)
        #expect(outcome.failures.first?.index == 1)
        #expect(outcome.failures.first?.reason.contains("AWS API Call via CloudTrail") == true)
    }

    @Test("a string field over 64 KiB is ignored and reported; the finding is kept")
    func oversizedField() throws {
        let huge = String(repeating: "A", count: 70 * 1024)
        let text = F.guardDutyEventBridge.replacingOccurrences(
            of: #""description":"An IAM entity invoked an S3 API in a suspicious way.""#, with: #""description":"\#(huge)""#)
        let outcome = F.parse(text)
        let finding = try #require(outcome.findings.first)
        #expect(finding.description == nil)
        #expect(finding.title != nil)
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes.first?.reason.contains("`description`") == true)
        #expect(outcome.failures.isEmpty)
    }

    @Test("an oversized id fails that finding: it is required")
    func oversizedId() {
        let text = F.guardDutyEventBridge.replacingOccurrences(of: #""id":"a4c6b1d2e3f40516273849aabbccddee""#,
                                                               with: #""id":"\#(String(repeating: "9", count: 65 * 1024))""#)
        let outcome = F.parse(text)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.failures.count == 1)
        #expect(outcome.notes.count == 1)
    }

    @Test("get-findings pages, in a list or one per line, are all read")
    func pages() throws {
        let page = Self.getFindings([Self.guardDutyFinding(id: "a"), Self.guardDutyFinding(id: "b")])
        let second = Self.getFindings([Self.guardDutyFinding(id: "c")])
        let listed = F.parse("[" + page + "," + second.replacingOccurrences(of: #""Count": 1"#, with: #""Count": "x""#) + "," + second + "]")
        #expect(listed.findings.map(\.id) == ["a", "b", "c"])
        #expect(listed.failures.map(\.index) == [2])
        #expect(listed.kind == .guardDutyGetFindings)
        let lines = F.parse(page + "\n" + second.replacingOccurrences(of: #""Id":"c""#, with: #""Id":1"#) + "\n")
        #expect(lines.findings.map(\.id) == ["a", "b"])
        #expect(lines.failures.map(\.index) == [1])
        #expect(lines.failures.first?.byteOffset == page.utf8.count + 1)
    }

    @Test("an empty document has nothing in it and nothing wrong with it")
    func emptyDocument() {
        let outcome = F.parse(" \n\n")
        #expect(outcome.findings.isEmpty && outcome.failures.isEmpty && outcome.kind == nil)
    }

    @Test("a JSON document that holds no findings is one failure")
    func notFindings() {
        let outcome = F.parse(#"{"Records":[{"eventVersion":"1.08","eventName":"GetObject"}]}"#)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.failures.count == 1)
    }

    @Test("failures print their position, terminal-safe")
    func failureDescription() {
        let failure = FindingParseFailure(index: 4, byteOffset: 120, reason: "bad \u{1B}[31m field")
        #expect(failure.description.hasPrefix("finding 4, byte 120: "))
        #expect(!failure.description.contains("\u{1B}"))
    }
}
