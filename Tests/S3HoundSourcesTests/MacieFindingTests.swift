import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Macie findings")
struct MacieFindingTests {
    private typealias F = FindingFixtures

    @Test("get-findings output maps every field, with managed and custom identifiers on the object")
    func getFindings() throws {
        let outcome = F.parse(F.macieGetFindings)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .macieGetFindings)
        let object = ServiceFindingObject(bucket: "acme-hr-exports", key: "exports/2026/02/employees.csv", sensitiveData: [
            SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 42),
            SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "ADDRESS", count: 7),
            SensitiveDataHit(category: "FINANCIAL_INFORMATION", type: "CREDIT_CARD_NUMBER", count: 12),
            SensitiveDataHit(category: "CUSTOM_IDENTIFIER", type: "EmployeeId", count: 3),
        ])
        let expected = ServiceFinding(
            service: .macie, id: "90b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5", type: "SensitiveData:S3Object/Multiple",
            title: "The S3 object contains multiple types of sensitive information.",
            description: "The object contains more than one type of sensitive information.",
            severityScore: 3, severityLabel: "High", accountId: "111122223333", region: "us-east-1",
            createdAt: F.time("2026-02-26T09:12:33.123Z"), updatedAt: F.time("2026-02-26T09:12:33.123Z"),
            firstSeen: nil, lastSeen: nil, count: 1, archived: false, sample: false,
            principalARN: nil, userName: nil, principalType: nil, accessKeyId: nil, sourceIPs: [],
            sourceOrganization: nil, sourceCountry: nil, instanceId: nil, buckets: ["acme-hr-exports"], objects: [object],
            apiCalls: [], exposure: [ServiceFinding.Exposure.publicBucket])
        #expect(outcome.findings == [expected])
        let finding = try #require(outcome.findings.first)
        #expect(finding.isSensitiveData)
        #expect(finding.saysBucketIsPublic)
        #expect(finding.sensitiveDataOccurrences == 64)
        #expect(finding.severity == .high)
    }

    @Test("an EventBridge policy finding maps every field; the assumed-role session becomes its role")
    func eventBridge() throws {
        let outcome = F.parse(F.macieEventBridge)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.kind == .macieEventBridge)
        let expected = ServiceFinding(
            service: .macie, id: "7d8e9f0a1b2c3d4e5f60718293a4b5c6", type: "Policy:IAMUser/S3BucketSharedExternally",
            title: "The S3 bucket is shared with an external AWS account.",
            description: "The bucket policy allows access by another AWS account.",
            severityScore: 3, severityLabel: "High", accountId: "111122223333", region: "us-east-2",
            createdAt: F.time("2026-02-27T13:59:58.004Z"), updatedAt: F.time("2026-02-27T13:59:58.004Z"),
            firstSeen: F.time("2026-02-27T13:40:00.250Z"), lastSeen: F.time("2026-02-27T13:55:10Z"),
            count: 2, archived: false, sample: false,
            principalARN: "arn:aws:iam::111122223333:role/PartnerAdmin", userName: "mallory@example.com",
            principalType: "AssumedRole", accessKeyId: "ASIAEXAMPLEMACIE0001", sourceIPs: ["192.0.2.44"],
            sourceOrganization: "AMAZON-02", sourceCountry: "United States", instanceId: nil,
            buckets: ["acme-partner-drop"], objects: [], apiCalls: ["PutBucketPolicy"],
            exposure: [ServiceFinding.Exposure.sharedExternally, ServiceFinding.Exposure.encryptionDisabled])
        #expect(outcome.findings == [expected])
    }

    @Test("keys in PascalCase, camelCase or upper case read the same", arguments: ["camel", "pascal", "upper"])
    func keyCase(_ style: String) throws {
        let rename: (String) -> String = switch style {
        case "camel": F.camelCase
        case "pascal": F.pascalCase
        default: { $0.uppercased() }
        }
        for document in [F.macieGetFindings, F.macieEventBridge] {
            let original = F.parse(document)
            let renamed = F.parse(try F.renamingKeys(document, rename))
            #expect(renamed.failures.isEmpty)
            #expect(!original.findings.isEmpty)
            #expect(renamed.findings == original.findings)
        }
    }

    @Test("a session issuer's role ARN, with its path, is preferred to the one derived from the session")
    func sessionIssuer() throws {
        let text = F.macieEventBridge.replacingOccurrences(
            of: #""sessionContext":{"attributes""#,
            with: #""sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/partners/PartnerAdmin","userName":"PartnerAdmin"},"attributes""#)
        #expect(text != F.macieEventBridge)
        let finding = try #require(F.parse(text).findings.first)
        #expect(finding.principalARN == "arn:aws:iam::111122223333:role/partners/PartnerAdmin")
        #expect(finding.userName == "mallory@example.com")
    }

    @Test("IAM users and the root user are named by their ARNs", arguments: [
        (#"{"type":"IAMUser","iamUser":{"accountId":"111122223333","arn":"arn:aws:iam::111122223333:user/ops/carol","principalId":"AIDA1","userName":"carol"}}"#,
         "arn:aws:iam::111122223333:user/ops/carol", "carol", "IAMUser"),
        (#"{"type":"IAMUser","iamUser":{"accountId":"111122223333","userName":"carol"}}"#,
         "arn:aws:iam::111122223333:user/carol", "carol", "IAMUser"),
        (#"{"type":"Root","root":{"accountId":"111122223333","arn":"arn:aws:iam::111122223333:root","principalId":"111122223333"}}"#,
         "arn:aws:iam::111122223333:root", nil, "Root"),
        (#"{"type":"AWSService","awsService":{"invokedBy":"cloudfront.amazonaws.com"}}"#,
         "cloudfront.amazonaws.com", "cloudfront.amazonaws.com", "AWSService"),
    ] as [(String, String, String?, String)])
    func identities(_ identity: String, _ arn: String, _ userName: String?, _ type: String) throws {
        var event = try #require(try JSONSerialization.jsonObject(with: Data(F.macieEventBridge.utf8)) as? [String: Any])
        var detail = try #require(event["detail"] as? [String: Any])
        var policy = try #require(detail["policyDetails"] as? [String: Any])
        var actor = try #require(policy["actor"] as? [String: Any])
        actor["userIdentity"] = try JSONSerialization.jsonObject(with: Data(identity.utf8))
        policy["actor"] = actor
        detail["policyDetails"] = policy
        event["detail"] = detail
        let outcome = F.parse(String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self))
        #expect(outcome.failures.isEmpty)
        let finding = try #require(outcome.findings.first)
        #expect(finding.principalARN == arn)
        #expect(finding.userName == userName)
        #expect(finding.principalType == type)
    }

    @Test("each Macie policy type states its exposure fact", arguments: [
        ("Policy:IAMUser/S3BucketPublic", ServiceFinding.Exposure.publicBucket),
        ("Policy:IAMUser/S3BucketSharedExternally", ServiceFinding.Exposure.sharedExternally),
        ("Policy:IAMUser/S3BlockPublicAccessDisabled", ServiceFinding.Exposure.blockPublicAccessDisabled),
        ("Policy:IAMUser/S3BucketEncryptionDisabled", ServiceFinding.Exposure.encryptionDisabled),
        ("Policy:IAMUser/S3BucketReplicatedExternally", ServiceFinding.Exposure.replicatedExternally),
        ("Policy:IAMUser/S3BucketSharedWithCloudFront", ServiceFinding.Exposure.sharedWithCloudFront),
    ])
    func policyExposure(_ type: String, _ phrase: String) throws {
        let text = F.macieEventBridge.replacingOccurrences(of: "Policy:IAMUser/S3BucketSharedExternally", with: type)
            .replacingOccurrences(of: #""encryptionType":"NONE""#, with: #""encryptionType":"aws:kms""#)
        let finding = try #require(F.parse(text).findings.first)
        #expect(finding.exposure == [phrase])
        #expect(ServiceFinding.Exposure.phrase(forMaciePolicyType: "SensitiveData:S3Object/Personal") == nil)
    }

    @Test("the session ARN of an assumed role converts to the role ARN and the session name")
    func assumedRoleConversion() {
        let session = "arn:aws:sts::111122223333:assumed-role/PartnerAdmin/mallory@example.com"
        #expect(FindingPrincipalARN.roleARN(fromSession: session) == "arn:aws:iam::111122223333:role/PartnerAdmin")
        #expect(FindingPrincipalARN.sessionName(fromSession: session) == "mallory@example.com")
        #expect(FindingPrincipalARN.roleARN(fromSession: "arn:aws:iam::1:user/x") == "arn:aws:iam::1:user/x")
        #expect(FindingPrincipalARN.roleARN(fromSession: "arn:aws-us-gov:sts::1:assumed-role/R/S") == "arn:aws-us-gov:iam::1:role/R")
    }

    @Test("a missing severity description is derived from Macie's 1–3 score")
    func severityFromScore() throws {
        let text = F.macieEventBridge.replacingOccurrences(of: #""severity":{"score":3,"description":"High"}"#, with: #""severity":{"score":2}"#)
        let finding = try #require(F.parse(text).findings.first)
        #expect(finding.severityLabel == "Medium")
        #expect(finding.severity == .medium)
    }
}
