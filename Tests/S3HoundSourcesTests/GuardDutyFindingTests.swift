import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("GuardDuty findings")
struct GuardDutyFindingTests {
    private typealias F = FindingFixtures

    @Test("get-findings output maps every field")
    func getFindings() throws {
        let outcome = F.parse(F.guardDutyGetFindings)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .guardDutyGetFindings)
        let expected = ServiceFinding(
            service: .guardDuty, id: "60c6e8a1f04b5d9a2b3c4d5e6f708192", type: "Exfiltration:S3/AnomalousBehavior",
            title: "Anomalous S3 GetObject calls by IAMUser dev-alice.",
            description: "An IAM entity invoked an S3 API in a suspicious way. GetObject was invoked by IAMUser dev-alice.",
            severityScore: 8, severityLabel: "High", accountId: "111122223333", region: "us-east-1",
            createdAt: F.time("2026-02-23T03:14:07Z"), updatedAt: F.time("2026-02-23T04:05:00Z"),
            firstSeen: F.time("2026-02-23T03:01:12Z"), lastSeen: F.time("2026-02-23T03:58:40Z"),
            count: 1843, archived: false, sample: false,
            principalARN: "arn:aws:iam::111122223333:user/dev-alice", userName: "dev-alice", principalType: "IAMUser",
            accessKeyId: "AKIAEXAMPLEDEVKEY001", sourceIPs: ["185.220.101.34"], sourceOrganization: "Zwiebelfreunde e.V.",
            sourceCountry: "Netherlands", instanceId: nil, buckets: ["acme-customer-exports"], objects: [],
            apiCalls: ["GetObject"], exposure: [])
        #expect(outcome.findings == [expected])
        #expect(outcome.findings.first?.severity == .high)
    }

    @Test("an EventBridge event maps every field; an assumed role is named by its role's ARN")
    func eventBridge() throws {
        let outcome = F.parse(F.guardDutyEventBridge)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .guardDutyEventBridge)
        let expected = ServiceFinding(
            service: .guardDuty, id: "a4c6b1d2e3f40516273849aabbccddee", type: "Discovery:S3/AnomalousBehavior",
            title: "Unusual S3 ListObjects calls by role ci-deploy.", description: "An IAM entity invoked an S3 API in a suspicious way.",
            severityScore: 5, severityLabel: "Medium", accountId: "111122223333", region: "eu-west-1",
            createdAt: F.time("2026-02-23T05:15:42.517Z"), updatedAt: F.time("2026-02-23T05:15:42.517Z"),
            firstSeen: F.time("2026-02-23T05:02:00Z"), lastSeen: F.time("2026-02-23T05:09:30Z"),
            count: 27, archived: false, sample: false,
            principalARN: "arn:aws:iam::111122223333:role/ci-deploy", userName: "ci-deploy", principalType: "AssumedRole",
            accessKeyId: "ASIAEXAMPLEROLEKEY01", sourceIPs: ["2001:db8:85a3::8a2e:370:7334"], sourceOrganization: "Example Broadband",
            sourceCountry: "BR", instanceId: nil, buckets: ["acme-build-artifacts", "acme-build-logs"], objects: [],
            apiCalls: ["ListObjects"], exposure: [ServiceFinding.Exposure.publicBucket, ServiceFinding.Exposure.encryptionDisabled])
        #expect(outcome.findings == [expected])
    }

    @Test("an EventBridge event supplies the account and region a finding leaves out")
    func eventBridgeDefaults() throws {
        let text = F.guardDutyEventBridge
            .replacingOccurrences(of: #""accountId":"111122223333","region":"eu-west-1","#, with: "")
        #expect(text != F.guardDutyEventBridge)
        let finding = try #require(F.parse(text).findings.first)
        #expect(finding.accountId == "111122223333")
        #expect(finding.region == "eu-west-1")
    }

    @Test("an S3 export in JSON lines maps every field of each line")
    func exportLines() throws {
        let outcome = F.parse(F.guardDutyExportLines.joined(separator: "\n") + "\n")
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .guardDutyExport)
        #expect(outcome.findings == Self.exportExpected)
    }

    @Test("an S3 export as a JSON array reads like the same lines")
    func exportArray() throws {
        let outcome = F.parse("[\n" + F.guardDutyExportLines.joined(separator: ",\n") + "\n]")
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .guardDutyExport)
        #expect(outcome.findings == Self.exportExpected)
    }

    @Test("EventBridge events one per line read like a single event")
    func eventBridgeLines() throws {
        let line = try F.renamingKeys(F.guardDutyEventBridge) { $0 }
        let outcome = F.parse(line + "\n" + line.replacingOccurrences(of: "a4c6b1d2e3f40516273849aabbccddee", with: "second") + "\n")
        #expect(outcome.failures.isEmpty)
        #expect(outcome.findings.map(\.id) == ["a4c6b1d2e3f40516273849aabbccddee", "second"])
        #expect(outcome.kind == .guardDutyEventBridge)
    }

    @Test("keys in PascalCase, camelCase or upper case read the same", arguments: ["camel", "pascal", "upper"])
    func keyCase(_ style: String) throws {
        let rename: (String) -> String = switch style {
        case "camel": F.camelCase
        case "pascal": F.pascalCase
        default: { $0.uppercased() }
        }
        let original = F.parse(F.guardDutyGetFindings).findings
        let renamed = F.parse(try F.renamingKeys(F.guardDutyGetFindings, rename))
        #expect(renamed.failures.isEmpty)
        #expect(!original.isEmpty)
        #expect(renamed.findings == original)
        let sequence = F.parse(try F.renamingKeys(F.guardDutyAttackSequence, rename)).findings
        #expect(sequence == F.parse(F.guardDutyAttackSequence).findings)
    }

    @Test("an attack sequence gives buckets, actor, key, addresses, API names and window from service.detection.sequence")
    func attackSequence() throws {
        let outcome = F.parse(F.guardDutyAttackSequence)
        #expect(outcome.failures.isEmpty)
        let expected = ServiceFinding(
            service: .guardDuty, id: "e0f1a2b3c4d5e6f708192a3b4c5d6e7f", type: "AttackSequence:S3/CompromisedData",
            title: "Potential data compromise of S3 buckets involving DataPipelineRole.",
            description: "A sequence of actions indicating data compromise in S3.",
            severityScore: 9.5, severityLabel: "Critical", accountId: "111122223333", region: "us-east-1",
            createdAt: F.time("2026-02-25T02:50:00Z"), updatedAt: F.time("2026-02-25T02:50:00Z"),
            firstSeen: F.time("2026-02-25T02:00:00Z"), lastSeen: F.time("2026-02-25T02:45:00Z"),
            count: 1, archived: false, sample: false,
            principalARN: "arn:aws:iam::111122223333:role/DataPipelineRole", userName: "DataPipelineRole",
            principalType: "AssumedRole", accessKeyId: "ASIAEXAMPLESEQKEY001", sourceIPs: ["198.51.100.77", "198.51.100.78"],
            sourceOrganization: "Example Hosting SRL", sourceCountry: "Romania", instanceId: "i-0fedcba9876543210",
            buckets: ["acme-finance-reports", "acme-finance-backups"], objects: [],
            apiCalls: ["GetObject", "DeleteObjects"], exposure: [])
        #expect(outcome.findings == [expected])
        #expect(outcome.findings.first?.severity == .critical)
    }

    @Test("an attack sequence without a session issuer names the role from the actor's session ARN")
    func attackSequenceSessionARN() throws {
        let text = F.guardDutyAttackSequence.replacingOccurrences(of: #","issuer":"arn:aws:iam::111122223333:role/DataPipelineRole""#, with: "")
        #expect(text != F.guardDutyAttackSequence)
        let finding = try #require(F.parse(text).findings.first)
        #expect(finding.principalARN == "arn:aws:iam::111122223333:role/DataPipelineRole")
    }

    @Test("severity labels follow GuardDuty's bands", arguments: [
        (1.0, "Low"), (3.9, "Low"), (4.0, "Medium"), (6.9, "Medium"), (7.0, "High"), (8.9, "High"), (9.0, "Critical"), (10.0, "Critical"),
    ])
    func severityBands(_ score: Double, _ label: String) {
        #expect(GuardDutyFindingMapper.severityLabel(forScore: score) == label)
    }

    @Test("principal ARNs are built from accessKeyDetails by user type", arguments: [
        ("IAMUser", "dev-alice", "arn:aws:iam::111122223333:user/dev-alice"),
        ("AssumedRole", "ci-deploy", "arn:aws:iam::111122223333:role/ci-deploy"),
        ("Root", "Root", "arn:aws:iam::111122223333:root"),
        ("FederatedUser", "bob", "arn:aws:sts::111122223333:federated-user/bob"),
    ])
    func principalARN(_ type: String, _ name: String, _ arn: String) {
        #expect(FindingPrincipalARN.build(userType: type, userName: name, accountId: "111122223333", partition: "aws") == arn)
    }

    @Test("AWS-service callers and unknown user types get no built ARN")
    func noPrincipalARN() {
        #expect(FindingPrincipalARN.build(userType: "AWSService", userName: "s3.amazonaws.com", accountId: "1", partition: nil) == nil)
        #expect(FindingPrincipalARN.build(userType: "IAMUser", userName: nil, accountId: "1", partition: nil) == nil)
        #expect(FindingPrincipalARN.build(userType: "IAMUser", userName: "x", accountId: "1", partition: "aws-cn") == "arn:aws-cn:iam::1:user/x")
    }

    static let exportExpected: [ServiceFinding] = [
        ServiceFinding(
            service: .guardDuty, id: "0ab1c2d3e4f5061728394a5b6c7d8e9f", type: "Exfiltration:S3/MaliciousIPCaller",
            title: "S3 GetObject from a known malicious IP.", description: "An S3 API was invoked from a known malicious IP address.",
            severityScore: 8.5, severityLabel: "High", accountId: "444455556666", region: "us-west-2",
            createdAt: FindingFixtures.time("2026-02-24T11:10:00Z"), updatedAt: FindingFixtures.time("2026-02-24T11:12:00Z"),
            firstSeen: FindingFixtures.time("2026-02-24T11:00:00Z"), lastSeen: FindingFixtures.time("2026-02-24T11:05:00Z"),
            count: 3, archived: false, sample: false,
            principalARN: "arn:aws:iam::444455556666:root", userName: "Root", principalType: "Root",
            accessKeyId: "AKIAEXAMPLEROOTKEY01", sourceIPs: ["203.0.113.66"], sourceOrganization: "Bulletproof Hosting Ltd",
            sourceCountry: "Seychelles", instanceId: nil, buckets: ["payroll-archive"], objects: [],
            apiCalls: ["GetObject"], exposure: []),
        ServiceFinding(
            service: .guardDuty, id: "1bc2d3e4f5061728394a5b6c7d8e9f0a", type: "UnauthorizedAccess:EC2/TorClient",
            title: "EC2 instance i-0a1b2c3d4e5f60718 is communicating with Tor entry nodes.",
            description: "The instance is making connections to Tor.",
            severityScore: 5, severityLabel: "Medium", accountId: "444455556666", region: "us-west-2",
            createdAt: FindingFixtures.time("2026-02-24T10:31:00Z"), updatedAt: FindingFixtures.time("2026-02-24T10:31:00Z"),
            firstSeen: FindingFixtures.time("2026-02-24T10:00:00Z"), lastSeen: FindingFixtures.time("2026-02-24T10:30:00Z"),
            count: 12, archived: false, sample: false,
            principalARN: nil, userName: nil, principalType: nil, accessKeyId: nil,
            sourceIPs: ["198.51.100.9"], sourceOrganization: "Example Transit", sourceCountry: "Germany",
            instanceId: "i-0a1b2c3d4e5f60718", buckets: [], objects: [], apiCalls: [], exposure: []),
    ]
}
