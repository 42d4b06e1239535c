import Foundation
import S3HoundCore
import S3HoundSimulator
import Testing

@Suite("Ground truth")
struct GroundTruthTests {
    /// The attack as recomputed from the written records alone (everything from the attacker's IP).
    struct Recomputed {
        var principals: Set<String> = [], arns: Set<String> = [], keys: Set<String> = []
        var objects = 0, bytes: Int64 = 0, failed = 0, uploadPartCopies = 0
        var distinct: Set<String> = [], buckets: Set<String> = []
        var first: EventTime?, last: EventTime?
        var destinations: Set<String> = [], destinationOwners: Set<String> = []

        init(_ records: [[String: Any]], sourceIP: String, eventName: String) {
            for record in records where record.string("sourceIPAddress") == sourceIP {
                principals.insert(record.string("userIdentity.sessionContext.sessionIssuer.arn") ?? record.string("userIdentity.arn") ?? "")
                arns.insert(record.string("userIdentity.arn") ?? "")
                keys.insert(record.string("userIdentity.accessKeyId") ?? "")
                if let time = record.eventTime {
                    first = min(first ?? time, time); last = max(last ?? time, time)
                }
                if record.string("errorCode") == "AccessDenied" { failed += 1 }
                if record.string("eventName") == "UploadPartCopy" { uploadPartCopies += 1 }
                guard record.string("eventName") == eventName, record.string("errorCode") == nil else { continue }
                objects += 1
                bytes += record.count("additionalEventData.bytesTransferredOut") ?? 0
                let bucket = record.string("requestParameters.bucketName") ?? ""
                if let source = record.string("requestParameters.x-amz-copy-source") {
                    distinct.insert(source)
                    buckets.insert(String(source.split(separator: "/")[0]))
                    destinations.insert(bucket)
                    let resources = record["resources"] as? [[String: Any]] ?? []
                    for resource in resources where resource.string("ARN") == "arn:aws:s3:::\(bucket)" {
                        destinationOwners.insert(resource.string("accountId") ?? "")
                    }
                } else {
                    distinct.insert("\(bucket)/\(record.string("requestParameters.key") ?? "")")
                    buckets.insert(bucket)
                }
            }
        }
    }

    @Test("bulk-download: the ground truth matches the written records")
    func bulkDownload() throws {
        let fixture = try SimulationFixture.write(.bulkDownload, days: 3, scale: 0.1, attackObjects: 400)
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack)
        #expect(fixture.result.groundTruth.scenario == .bulkDownload)
        #expect(truth.principal == "arn:aws:iam::123456789012:user/developer-jane" && truth.arn == truth.principal)
        #expect(truth.accessKeyId.hasSuffix("WXYZ") && truth.sourceIP == "185.220.101.47" && truth.eventName == "GetObject")
        let seen = Recomputed(try fixture.allRecords(), sourceIP: truth.sourceIP, eventName: truth.eventName)
        #expect(seen.principals == [truth.principal] && seen.arns == [truth.arn] && seen.keys == [truth.accessKeyId])
        #expect(seen.objects == truth.objects && truth.objects == 400)
        #expect(seen.distinct.count == truth.distinctKeys && truth.distinctKeys < truth.objects)
        #expect(seen.bytes == truth.bytes && truth.bytes > 0)
        #expect(seen.failed == truth.failedAttempts && (18...22).contains(truth.failedAttempts))
        #expect(seen.buckets.sorted() == truth.buckets && truth.buckets == ["customer-records", "finance-reports", "sensitive-data-bucket"])
        #expect(seen.first == truth.windowStart && seen.last == truth.windowEnd)
        #expect(truth.windowStart.iso8601.hasPrefix("2026-02-23T02:47:"))
        #expect(truth.windowEnd <= EventTime(iso8601: "2026-02-23T04:12:59Z")! && truth.windowEnd >= EventTime(iso8601: "2026-02-23T04:12:00Z")!)
        #expect(truth.destinationAccount == nil && truth.destinationBucket == nil)
    }

    @Test("cross-account-copy: the ground truth matches the written records")
    func crossAccountCopy() throws {
        let fixture = try SimulationFixture.write(.crossAccountCopy, days: 3, scale: 0.1, attackObjects: 120)
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack)
        #expect(truth.sourceIP == "45.133.1.77" && truth.eventName == "CopyObject")
        #expect(truth.destinationAccount == "999988887777" && truth.destinationBucket == "exfil-drop-bucket")
        let seen = Recomputed(try fixture.allRecords(), sourceIP: truth.sourceIP, eventName: truth.eventName)
        #expect(seen.principals == [truth.principal] && seen.arns == [truth.arn] && seen.keys == [truth.accessKeyId])
        #expect(seen.objects == truth.objects && truth.objects == 120)
        #expect(seen.distinct.count == truth.distinctKeys)
        #expect(seen.bytes == truth.bytes)
        #expect(seen.failed == truth.failedAttempts && truth.failedAttempts >= 3)
        #expect(seen.buckets.sorted() == truth.buckets && truth.buckets == ["customer-records"])
        #expect(seen.destinations == ["exfil-drop-bucket"] && seen.destinationOwners == ["999988887777"])
        #expect(seen.uploadPartCopies >= 2)
        #expect(seen.first == truth.windowStart && seen.last == truth.windowEnd)
        #expect(truth.windowStart.iso8601.hasPrefix("2026-02-23T03:10:"))
    }

    @Test("the ground truth file holds the same facts as pretty JSON with sorted keys")
    func groundTruthFile() throws {
        let fixture = try SimulationFixture.write(.crossAccountCopy, days: 1, scale: 0.05, attackObjects: 20)
        defer { fixture.remove() }
        let data = try fixture.data(GroundTruth.fileName)
        #expect(try JSONDecoder().decode(GroundTruth.self, from: data) == fixture.result.groundTruth)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\n  \"account\" : \"123456789012\""))
        #expect(text.contains("arn:aws:iam::123456789012:user/developer-jane"))
        #expect(text.range(of: "\"account\"")!.lowerBound < text.range(of: "\"attack\"")!.lowerBound)
    }

    @Test("benign: no attack in the truth, and no event from an attacker's address")
    func benign() throws {
        let fixture = try SimulationFixture.write(.benign, days: 4, scale: 0.2)
        defer { fixture.remove() }
        #expect(fixture.result.groundTruth.attack == nil)
        let records = try fixture.allRecords()
        let addresses = Set(records.compactMap { $0.string("sourceIPAddress") })
        #expect(!addresses.contains("185.220.101.47") && !addresses.contains("45.133.1.77"))
        #expect(addresses.contains("203.0.113.10") && addresses.contains("10.0.2.15"))
        #expect(!records.contains { $0.string("requestParameters.bucketName") == "exfil-drop-bucket" })
    }

    @Test("benign behaviour is stable: every caller's addresses and hours on the last day were seen on the first days")
    func stableBaseline() throws {
        let fixture = try SimulationFixture.write(.bulkDownload, days: 7, scale: 0.3, attackObjects: 50)
        defer { fixture.remove() }
        let records = try fixture.allRecords().filter { $0.string("sourceIPAddress") != "185.220.101.47" }
        func principal(_ record: [String: Any]) -> String {
            record.string("userIdentity.sessionContext.sessionIssuer.arn") ?? record.string("userIdentity.arn") ?? "service"
        }
        let lastDay = try #require(records.compactMap(\.eventTime).max()).dayIndex
        var seenBefore: Set<String> = []
        for record in records where record.eventTime!.dayIndex < lastDay {
            seenBefore.insert("\(principal(record)) \(record.string("sourceIPAddress")!) \(record.eventTime!.hourOfDay)")
        }
        for record in records where record.eventTime!.dayIndex == lastDay {
            let habit = "\(principal(record)) \(record.string("sourceIPAddress")!) \(record.eventTime!.hourOfDay)"
            #expect(seenBefore.contains(habit), "new behaviour on the last day: \(habit)")
        }
    }
}
