import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Recognising findings documents from their first bytes")
struct ServiceFindingSniffTests {
    private typealias F = FindingFixtures

    static let findingsDocuments: [(String, String)] = [
        ("GuardDuty get-findings", F.guardDutyGetFindings),
        ("GuardDuty get-findings in camelCase", try! F.renamingKeys(F.guardDutyGetFindings, F.camelCase)),
        ("GuardDuty EventBridge event", F.guardDutyEventBridge),
        ("GuardDuty EventBridge events in an array", "[" + F.guardDutyEventBridge + "]"),
        ("GuardDuty export, JSON lines", F.guardDutyExportLines.joined(separator: "\n")),
        ("GuardDuty export, JSON array", "[\n  " + F.guardDutyExportLines.joined(separator: ",\n  ") + "\n]"),
        ("GuardDuty attack sequence", F.guardDutyAttackSequence),
        ("Macie get-findings", F.macieGetFindings),
        ("Macie get-findings in PascalCase", try! F.renamingKeys(F.macieGetFindings, F.pascalCase)),
        ("Macie EventBridge event", F.macieEventBridge),
        ("empty GuardDuty get-findings", #"{"Findings": []}"#),
        ("GuardDuty get-findings pages in a list", "[" + F.guardDutyGetFindings + "]"),
        ("with a byte-order mark", "\u{FEFF}" + F.guardDutyEventBridge),
    ]

    @Test("every supported kind is recognised", arguments: findingsDocuments)
    func recognised(_ name: String, _ text: String) {
        #expect(F.sniff(text), "\(name)")
    }

    @Test("a findings document cut mid-value is still recognised once its telling fields are in")
    func recognisedWhenCut() throws {
        func cut(_ text: String, after marker: String, plus extra: Int) throws -> String {
            let range = try #require(text.range(of: marker))
            return String(text[..<range.upperBound]) + String(text[range.upperBound...].prefix(extra))
        }
        #expect(F.sniff(try cut(F.guardDutyGetFindings, after: "\"Service\": {", plus: 40)))
        #expect(F.sniff(try cut(F.macieGetFindings, after: "\"classificationDetails\"", plus: 40)))
        #expect(F.sniff(try cut(F.guardDutyEventBridge, after: "\"detail-type\":\"GuardDuty Finding\"", plus: 5)))
        #expect(F.sniff(try cut(F.guardDutyExportLines[0], after: "\"resource\"", plus: 30)))
        #expect(!F.sniff(try cut(F.guardDutyEventBridge, after: "\"detail-type\":\"GuardDuty Fin", plus: 0)))
    }

    static let otherDocuments: [(String, String)] = [
        ("CloudTrail delivery file", #"{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"IAMUser"},"eventTime":"2026-02-23T02:47:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","resources":[{"type":"AWS::S3::Object"}]}]}"#),
        ("CloudTrail delivery file, pretty", "{\n  \"Records\": [\n    {\n      \"eventVersion\": \"1.08\"\n    }\n  ]\n}"),
        ("CloudTrail EventBridge envelope", #"{"version":"0","id":"1","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"111122223333","time":"2026-02-23T02:47:00Z","region":"us-east-1","resources":[],"detail":{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"GetObject"}}"#),
        ("CloudTrail envelope for a GuardDuty API call naming a finding type",
         #"{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.guardduty","detail":{"eventSource":"guardduty.amazonaws.com","eventName":"CreateSampleFindings","requestParameters":{"detail-type":"GuardDuty Finding","findingTypes":["Exfiltration:S3/AnomalousBehavior"],"resource":{},"service":{},"id":"x"}}}"#),
        ("CloudTrail record, JSON lines", #"{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"b"}}"# + "\n"),
        ("CloudTrail records in an array", #"[{"eventVersion":"1.08","eventName":"GetObject","eventSource":"s3.amazonaws.com"}]"#),
        ("Security Hub findings", #"{"Findings":[{"SchemaVersion":"2018-10-08","Id":"x","ProductArn":"arn:aws:securityhub:us-east-1::product/aws/guardduty","Resources":[{"Type":"AwsS3Bucket"}],"Types":["TTPs"],"Severity":{"Label":"HIGH"}}]}"#),
        ("GuardDuty malware scan result event", #"{"version":"0","detail-type":"GuardDuty Malware Protection Object Scan Result","source":"aws.guardduty","detail":{"schemaVersion":"1.0"}}"#),
        ("plain text", "hello, this is a README\n{not json}"),
        ("server access log line", #"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be acme-customer-exports [23/Feb/2026:03:01:12 +0000] 185.220.101.34 arn:aws:iam::111122223333:user/dev-alice 3E57427F3EXAMPLE REST.GET.OBJECT exports/a.csv "GET /exports/a.csv HTTP/1.1" 200 - 1024 1024 12 11 "-" "aws-cli/2.15" - Ek3 SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader acme-customer-exports.s3.us-east-1.amazonaws.com TLSv1.2 - -"#),
        ("VPC flow log line", "2 111122223333 eni-0a1b2c3d 10.0.4.17 52.216.0.1 49152 443 6 20 4000 1620000000 1620000060 ACCEPT OK\n"),
        ("empty", ""),
        ("whitespace", " \n\t "),
        ("a JSON number", "42"),
        ("an empty array", "[]"),
        ("an unrelated object", #"{"name":"s3hound","version":"1.0"}"#),
    ]

    @Test("CloudTrail, other AWS documents, text and log lines are not findings", arguments: otherDocuments)
    func notRecognised(_ name: String, _ text: String) {
        #expect(!F.sniff(text), "\(name)")
    }

    @Test("every prefix of every fixture, and stray brackets and quotes, are handled without a crash")
    func everyPrefix() {
        let texts = Self.findingsDocuments.map(\.1) + Self.otherDocuments.map(\.1) + ["}", "]", "\"", "{\"a\\", "[}", "{]", "{\"detail-type\":"]
        for text in texts {
            let bytes = Array(text.utf8)
            // About 60 cuts per text, every fourth also parsed.
            let step = max(1, bytes.count / 60)
            for (cut, length) in stride(from: 0, through: bytes.count, by: step).enumerated() {
                let prefix = Array(bytes.prefix(length))
                _ = prefix.withUnsafeBytes { ServiceFindingParser.sniff($0) }
                if cut % 4 == 0 { _ = ServiceFindingParser.parse(prefix, options: .init()) }
            }
        }
    }

    @Test("only the first 64 KiB are looked at")
    func onlyTheHead() {
        let padding = String(repeating: " ", count: 70 * 1024)
        #expect(!F.sniff(padding + F.guardDutyEventBridge))
        #expect(F.sniff(F.guardDutyEventBridge + padding))
    }
}
