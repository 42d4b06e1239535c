import Foundation
import Testing
import S3HoundCore
import S3HoundHunt

@Suite("Pulled findings are saved and read like files")
struct FindingsPullerTests {
    /// A finding as GuardDuty's GetFindings API returns it (REST-JSON, camelCase).
    static let guardDuty = #"{"accountId":"123456789012","arn":"arn:aws:guardduty:us-east-1:123456789012:detector/d1/finding/f1","createdAt":"2026-02-23T03:20:00.000Z","id":"f1","partition":"aws","region":"us-east-1","resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"AKIA5Q2R7HNB3KQTWXYZ","userName":"developer-jane","userType":"IAMUser"},"s3BucketDetails":[{"name":"customer-records"}]},"schemaVersion":"2.0","service":{"serviceName":"guardduty","archived":false,"count":3,"eventFirstSeen":"2026-02-23T02:48:00.000Z","eventLastSeen":"2026-02-23T03:10:00.000Z","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"GetObject","remoteIpDetails":{"ipAddressV4":"185.220.101.47"}}}},"severity":8.0,"title":"Anomalous reads","type":"Exfiltration:S3/AnomalousBehavior","updatedAt":"2026-02-23T03:20:00.000Z"}"#
    /// A finding as Macie's GetFindings returns it.
    static let macie = #"{"accountId":"123456789012","archived":false,"category":"CLASSIFICATION","classificationDetails":{"result":{"sensitiveData":[{"category":"PERSONAL_INFORMATION","detections":[{"type":"USA_SOCIAL_SECURITY_NUMBER","count":12}],"totalCount":12}]}},"count":1,"createdAt":"2026-02-20T10:00:00.000Z","id":"m1","region":"us-east-1","resourcesAffected":{"s3Bucket":{"name":"customer-records"},"s3Object":{"key":"2026/records-0001.csv"}},"sample":false,"severity":{"description":"High","score":3},"title":"SSNs","type":"SensitiveData:S3Object/Personal","updatedAt":"2026-02-20T10:00:00.000Z"}"#

    @Test("GuardDuty and Macie API findings become service findings of the right service")
    func parsed() throws {
        let pulled = FindingsPuller.Pulled(guardDuty: [Data(Self.guardDuty.utf8)], macie: [Data(Self.macie.utf8)])
        let outcome = pulled.serviceFindings()
        #expect(outcome.failures.isEmpty)
        let byService = Dictionary(grouping: outcome.findings, by: \.service)
        #expect(byService[.guardDuty]?.first?.accessKeyId == "AKIA5Q2R7HNB3KQTWXYZ")
        #expect(byService[.macie]?.first?.objects.first?.key == "2026/records-0001.csv")
    }

    @Test("saving never overwrites: a second save beside the first gets a new name, and hunt reads both documents")
    func saved() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-pull-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pulled = FindingsPuller.Pulled(guardDuty: [Data(Self.guardDuty.utf8)], macie: [Data(Self.macie.utf8)])
        let first = try pulled.save(to: directory)
        let second = try pulled.save(to: directory)
        #expect(first.count == 2 && second.count == 2)
        #expect(Set(first).isDisjoint(with: second))
        var options = Scenarios.options(first)
        options.minimumSeverity = .info
        let outcome = try HuntEngine(options: options).run()
        #expect(outcome.report.summary.records == 2)
        #expect(outcome.findings.contains { $0.detectionID == "guardduty.finding" })
    }
}
