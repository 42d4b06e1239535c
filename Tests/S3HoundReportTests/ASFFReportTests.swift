import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct ASFFReportTests {
    /// AwsSecurityFinding's required attributes (Security Hub API reference), and those of Resource and Severity.
    static let required = ["AwsAccountId", "CreatedAt", "Description", "GeneratorId", "Id", "ProductArn", "Resources",
                           "SchemaVersion", "Severity", "Title", "Types", "UpdatedAt"]
    static let requiredResource = ["Id", "Type"]
    static let namespaces = ["Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications"]

    static func findings(_ report: HuntReport = JSONReportTests.bothIncidents, region: String = "eu-west-1") throws -> [[String: Any]] {
        try jsonLines(try ASFFReport.render(report, region: region)).flatMap { try #require($0["Findings"] as? [[String: Any]]) }
    }

    static func isTimestamp(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$"#, options: .regularExpression) != nil
    }

    @Test func everyFindingHasTheRequiredAttributesWithinLimits() throws {
        let findings = try Self.findings() + (try Self.findings(Fixtures.hostileReport()))
        #expect(findings.count == 7)
        for finding in findings {
            for name in Self.required { #expect(finding[name] != nil, "\(name) is missing") }
            #expect(finding["SchemaVersion"] as? String == "2018-10-08")
            let account = try #require(finding["AwsAccountId"] as? String)
            #expect(MachineFacts.isAccountID(account))
            #expect(finding["ProductArn"] as? String == "arn:aws:securityhub:eu-west-1:\(account):product/\(account)/default")
            for name in ["CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt"] { #expect(Self.isTimestamp(finding[name]), "\(name)") }
            #expect(((finding["Title"] as? String)?.count ?? 999) <= 256)
            #expect(((finding["Description"] as? String)?.count ?? 9999) <= 1024)
            #expect(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"].contains((finding["Severity"] as? [String: Any])?["Label"] as? String ?? ""))
            let types = try #require(finding["Types"] as? [String])
            #expect(!types.isEmpty && types.count <= 50)
            for type in types {
                let parts = type.split(separator: "/", omittingEmptySubsequences: false)
                #expect((2...3).contains(parts.count) && Self.namespaces.contains(String(parts[0])), "bad type \(type)")
            }
            let resources = try #require(finding["Resources"] as? [[String: Any]])
            #expect(!resources.isEmpty && resources.count <= 32)
            for resource in resources { for name in Self.requiredResource { #expect(resource[name] != nil) } }
            let fields = try #require(finding["ProductFields"] as? [String: String])
            #expect(fields.count <= 50 && fields.keys.allSatisfy { $0.count <= 128 } && fields.values.allSatisfy { $0.count <= 2048 })
            #expect(finding["RecordState"] as? String == "ACTIVE")
            #expect((finding["Workflow"] as? [String: String])?["Status"] == "NEW")
        }
    }

    @Test func mapsTheCrossAccountCopy() throws {
        let copy = try #require(try Self.findings().first { $0["GeneratorId"] as? String == "cloudtrail.cross-account-copy" })
        #expect(copy["Title"] as? String == "S3 objects copied into another account's bucket: etl-runner")
        #expect((copy["Severity"] as? [String: String]) == ["Label": "HIGH", "Original": "high"])
        #expect((copy["Types"] as? [String])?.first == "Effects/Data Exfiltration/T1537 Transfer Data to Cloud Account")
        #expect(copy["CreatedAt"] as? String == "2026-02-23T03:10:00Z")
        #expect(copy["UpdatedAt"] as? String == "2026-02-23T05:00:00Z")
        let resources = try #require(copy["Resources"] as? [[String: Any]])
        #expect(resources.map { $0["Type"] as? String } == ["AwsS3Bucket", "AwsS3Bucket", "AwsIamRole", "AwsIamAccessKey"])
        #expect(resources[1]["Id"] as? String == "arn:aws:s3:::exfil-drop-bucket")
        #expect(resources[3]["Id"] as? String == "ASIA…0001")
        #expect((copy["Network"] as? [String: String])?["SourceIpV4"] == "45.133.1.77")
        let fields = try #require(copy["ProductFields"] as? [String: String])
        #expect(fields["S3Hound/IncidentId"] == "INC-20260223-0c0ffe")
        #expect(fields["S3Hound/Evidence/destinationAccount"] == "999988887777")
        #expect(fields["S3Hound/GuardDutyTypes"] == "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS")
        let jane = try Self.findings().filter { ($0["ProductFields"] as? [String: String])?["S3Hound/IncidentId"] == "INC-20260223-4f2a9c" }
        #expect(jane.count == 3)
        let related = try #require(jane[0]["RelatedFindings"] as? [[String: String]])
        #expect(Set(related.compactMap { $0["Id"] }) == Set(jane.dropFirst().compactMap { $0["Id"] as? String }))
    }

    @Test func idsAreStableAcrossRuns() throws {
        var later = JSONReportTests.bothIncidents
        later.summary.generatedAt = later.summary.generatedAt.adding(seconds: 86_400)
        let first = try Self.findings().map { $0["Id"] as? String }
        let second = try Self.findings(later).map { $0["Id"] as? String }
        #expect(first == second)
        #expect(Set(first).count == first.count)
    }

    @Test func batchesHoldAtMostOneHundredFindings() throws {
        var incident = Fixtures.janeIncident()
        let template = incident.findings[0]
        incident.findings = (0..<150).map { index in
            var finding = template
            finding.firstEvent.eventID = "event-\(index)"
            return finding
        }
        let text = try ASFFReport.render(HuntReport(incidents: [incident], summary: Fixtures.summary()), region: "us-east-1")
        let batches = try jsonLines(text)
        #expect(batches.map { ($0["Findings"] as? [Any])?.count } == [100, 50])
        let ids = batches.flatMap { ($0["Findings"] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String } }
        #expect(Set(ids).count == 150)
        #expect(!text.contains(Fixtures.janeKey))
    }

    @Test func regionComesFromTheEnvironmentThenTheFindings() {
        let report = JSONReportTests.bothIncidents
        #expect(ReportRenderer.defaultRegion(for: report, environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "eu-north-1"]) == "ap-south-1")
        #expect(ReportRenderer.defaultRegion(for: report, environment: ["AWS_DEFAULT_REGION": "eu-north-1"]) == "eu-north-1")
        #expect(ReportRenderer.defaultRegion(for: report, environment: ["AWS_REGION": "x y"]) == "us-east-1")
        #expect(ReportRenderer.defaultRegion(for: HuntReport(incidents: [Fixtures.roleCopyIncident()], summary: Fixtures.summary()), environment: [:]) == "eu-west-1")
        #expect(ReportRenderer.defaultRegion(for: Fixtures.emptyReport(), environment: [:]) == "us-east-1")
    }

    @Test func everyFieldWrittenIsDocumented() throws {
        let documented = try FormatsDocument.load().paths(of: "asff")
        let maps: Set<String> = ["ProductFields", "Resources[].Details.Other"]
        for finding in try Self.findings() + (try Self.findings(Fixtures.hostileReport())) {
            let undocumented = FormatsDocument.leafPaths(finding, maps: maps).subtracting(documented)
            #expect(undocumented.isEmpty, "not in docs/report-formats.md: \(undocumented.sorted())")
        }
    }
}
