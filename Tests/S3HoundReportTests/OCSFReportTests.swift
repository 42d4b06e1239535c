import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct OCSFReportTests {
    /// OCSF 1.1.0's required attributes: the base event and Detection Finding class, and the objects used.
    static let required: [String: [String]] = [
        "": ["activity_id", "category_uid", "class_uid", "finding_info", "metadata", "severity_id", "time", "type_uid"],
        "metadata": ["product", "version"],
        "metadata.product": ["vendor_name"],
        "finding_info": ["uid", "title"],
        "finding_info.analytic": ["type_id"],
        "cloud": ["provider"],
    ]

    static func events(_ report: HuntReport = JSONReportTests.bothIncidents) throws -> [[String: Any]] {
        try jsonLines(try OCSFReport.render(report))
    }

    static func object(_ event: [String: Any], _ path: String) -> [String: Any]? {
        path.split(separator: ".").reduce(Optional(event)) { $0?[String($1)] as? [String: Any] }
    }

    @Test func everyEventHasTheRequiredAttributes() throws {
        let events = try Self.events()
        #expect(events.count == 4)
        for event in events {
            for (path, names) in Self.required {
                let object = try #require(path.isEmpty ? event : Self.object(event, path), "missing \(path)")
                for name in names { #expect(object[name] != nil, "\(path).\(name) is missing") }
            }
            #expect(event["class_uid"] as? Int == 2004)
            #expect(event["category_uid"] as? Int == 2)
            #expect(event["type_uid"] as? Int == 2004 * 100 + (event["activity_id"] as? Int ?? -1))
            #expect((Self.object(event, "metadata")?["version"] as? String)?.hasPrefix("1.1") == true)
            #expect(Self.object(event, "metadata.product")?["name"] as? String == "S3Hound")
            for attack in try #require(Self.object(event, "finding_info")?["attacks"] as? [[String: Any]]) {
                #expect(attack["technique"] != nil || attack["tactic"] != nil || attack["sub_technique"] != nil)
            }
            for evidence in try #require(event["evidences"] as? [[String: Any]]) {
                #expect(!Set(evidence.keys).isDisjoint(with: ["actor", "src_endpoint", "data", "api", "resources"]))
            }
        }
    }

    @Test func mapsTheBulkDownload() throws {
        let event = try #require(try Self.events().first)
        #expect(event["severity_id"] as? Int == 4)
        #expect(event["severity"] as? String == "High")
        #expect(event["time"] as? Int == 1_771_822_800_000)
        #expect(event["start_time"] as? Int == Int(Fixtures.burstStart.time.millisecondsSinceEpoch))
        let info = try #require(Self.object(event, "finding_info"))
        #expect((info["uid"] as? String)?.hasPrefix("s3hound/INC-20260223-4f2a9c/cloudtrail.bulk-download/") == true)
        #expect(info["desc"] as? String == Fixtures.janeIncident().findings[0].explanation)
        #expect(Self.object(event, "finding_info.analytic")?["uid"] as? String == "cloudtrail.bulk-download")
        #expect((info["types"] as? [String])?.contains("TTPs/Collection/T1530 Data from Cloud Storage") == true)
        #expect((info["types"] as? [String])?.contains("Sensitive Data Identifications/PII") == true)
        let attack = try #require((info["attacks"] as? [[String: Any]])?.first)
        #expect((attack["technique"] as? [String: String]) == ["uid": "T1530", "name": "Data from Cloud Storage"])
        #expect((attack["tactic"] as? [String: String]) == ["uid": "TA0009", "name": "Collection"])
        #expect(Self.object(event, "metadata")?["correlation_uid"] as? String == "INC-20260223-4f2a9c")
        let resources = try #require(event["resources"] as? [[String: Any]])
        #expect(resources.contains { $0["uid"] as? String == "arn:aws:s3:::customer-records" && $0["type"] as? String == "AWS::S3::Bucket" })
        #expect(resources.contains { $0["uid"] as? String == "AKIA…WXYZ" && $0["type"] as? String == "AWS::IAM::AccessKey" })
        let evidence = try #require((event["evidences"] as? [[String: Any]])?.first)
        #expect(Self.object(evidence, "src_endpoint")?["ip"] as? String == Fixtures.torIP)
        #expect(Self.object(evidence, "actor.user")?["credential_uid"] as? String == "AKIA…WXYZ")
        #expect(Self.object(event, "unmapped.s3hound")?["incident_severity"] as? String == "critical")
    }

    @Test func subTechniquesSitUnderTheirTechnique() {
        let attack = OCSFReport.attack("T1078.004")
        #expect(attack.technique.uid == "T1078" && attack.technique.name == "Valid Accounts")
        #expect(attack.sub_technique?.uid == "T1078.004" && attack.sub_technique?.name == "Cloud Accounts")
        #expect(attack.tactic?.uid == "TA0001")
    }

    @Test func everyFieldWrittenIsDocumented() throws {
        let documented = try FormatsDocument.load().paths(of: "ocsf")
        let maps: Set<String> = ["resources[].data", "evidences[].data", "unmapped.s3hound.evidence"]
        for event in try Self.events() + (try Self.events(Fixtures.hostileReport())) {
            let undocumented = FormatsDocument.leafPaths(event, maps: maps).subtracting(documented)
            #expect(undocumented.isEmpty, "not in docs/report-formats.md: \(undocumented.sorted())")
        }
    }
}
