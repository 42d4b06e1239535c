import Foundation
import S3HoundCore
import S3HoundSimulator
import Testing

@Suite("Simulator output")
struct SimulatorOutputTests {
    @Test("the same options and seed write byte-identical files")
    func deterministic() throws {
        let first = try SimulationFixture.write(.bulkDownload, days: 3, scale: 0.1, attackObjects: 100)
        let second = try SimulationFixture.write(.bulkDownload, days: 3, scale: 0.1, attackObjects: 100)
        defer { first.remove(); second.remove() }
        let files = first.allFiles()
        #expect(files == second.allFiles())
        #expect(files.count > 10)
        for file in files {
            #expect(try first.data(file) == second.data(file), "\(file) differs between runs")
        }
        #expect(first.result.events == second.result.events)
        #expect(first.result.groundTruth == second.result.groundTruth)
    }

    @Test("a different seed writes different logs")
    func seedChangesOutput() throws {
        let first = try SimulationFixture.write(.benign, seed: 1, days: 2, scale: 0.1)
        let second = try SimulationFixture.write(.benign, seed: 2, days: 2, scale: 0.1)
        defer { first.remove(); second.remove() }
        #expect(first.allFiles() != second.allFiles())
        #expect(try first.allRecords().compactMap { $0.string("eventID") } != second.allRecords().compactMap { $0.string("eventID") })
    }

    @Test("log files follow the CloudTrail delivery layout, filed by their delivery time")
    func deliveryLayout() throws {
        let fixture = try SimulationFixture.write(.bulkDownload, days: 2, scale: 0.1, attackObjects: 7_500)
        defer { fixture.remove() }
        #expect(!fixture.result.logFiles.isEmpty)
        var recordsSeen = 0, splitHours = 0
        var filesPerHour: [String: Int] = [:]
        for path in fixture.result.logFiles {
            let parts = path.split(separator: "/").map(String.init)
            try #require(parts.count == 8, "unexpected path \(path)")
            #expect(parts[0] == "AWSLogs" && parts[1] == "123456789012" && parts[2] == "CloudTrail")
            let region = parts[3]
            #expect(region == "us-east-1" || region == "eu-west-1")
            let name = parts[7]
            let prefix = "123456789012_CloudTrail_\(region)_"
            try #require(name.hasPrefix(prefix) && name.hasSuffix(".json.gz"), "unexpected name \(name)")
            let fields = name.dropFirst(prefix.count).dropLast(".json.gz".count).split(separator: "_")
            try #require(fields.count == 2)
            let stamp = fields[0], suffix = fields[1]
            #expect(suffix.count == 16 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            try #require(stamp.count == 14 && stamp.hasSuffix("Z"))
            #expect("\(parts[4])\(parts[5])\(parts[6])" == String(stamp.prefix(8)), "folder date differs from file-name date in \(path)")
            let digits = Array(stamp)
            let delivery = try #require(EventTime(iso8601: "\(parts[4])-\(parts[5])-\(parts[6])T\(String(digits[9...10])):\(String(digits[11...12])):00Z"))
            let records = try fixture.records(path)
            #expect(!records.isEmpty && records.count <= 5_000)
            let times = records.compactMap(\.eventTime)
            #expect(times.count == records.count)
            let newest = try #require(times.max()), oldest = try #require(times.min())
            #expect(newest.hourOfDay == oldest.hourOfDay && newest.dayIndex == oldest.dayIndex, "a file spans more than one hour")
            #expect(delivery > newest && delivery.secondsSinceEpoch - newest.secondsSinceEpoch <= 15 * 60, "delivery is not a few minutes after the last event")
            #expect(records.allSatisfy { $0.string("awsRegion") == region })
            filesPerHour["\(region) \(oldest.dayIndex) \(oldest.hourOfDay)", default: 0] += 1
            recordsSeen += records.count
        }
        splitHours = filesPerHour.values.filter { $0 > 1 }.count
        #expect(recordsSeen == fixture.result.events)
        #expect(splitHours >= 1, "the attack hour holds more than 5,000 records and must be split")
        #expect(fixture.result.logFiles.contains { $0.contains("/eu-west-1/") })
    }

    @Test("records have the shape of CloudTrail S3 events")
    func recordShape() throws {
        let fixture = try SimulationFixture.write(.crossAccountCopy, days: 3, scale: 0.2, attackObjects: 30)
        defer { fixture.remove() }
        let records = try fixture.allRecords()
        #expect(records.count == fixture.result.events)
        var sawFloatBytes = false, sawRole = false, sawService = false, sawManagement = false, sawEndpoint = false
        for record in records {
            #expect(record.string("eventVersion") == "1.09")
            #expect(record.string("eventSource") == "s3.amazonaws.com")
            #expect(record.string("eventType") == "AwsApiCall")
            #expect(record.string("recipientAccountId") == "123456789012")
            #expect(record.string("eventID")?.count == 36)
            #expect(record.string("requestID")?.count == 16)
            #expect(record["responseElements"] is NSNull)
            #expect(record.count("additionalEventData.bytesTransferredOut") != nil)
            let category = record.string("eventCategory")
            let management = record["managementEvent"] as? Bool
            #expect((category == "Management" && management == true) || (category == "Data" && management == false))
            sawManagement = sawManagement || management == true
            if let bytes = (record[path: "additionalEventData.bytesTransferredOut"] as? NSNumber)?.stringValue, bytes.contains(".") { sawFloatBytes = true }
            sawEndpoint = sawEndpoint || record.string("vpcEndpointId") == "vpce-0a1b2c3d4e5f6a7b8"
            switch record.string("userIdentity.type") {
            case "AssumedRole":
                sawRole = true
                let arn = try #require(record.string("userIdentity.arn"))
                let issuer = try #require(record.string("userIdentity.sessionContext.sessionIssuer.arn"))
                #expect(arn.hasPrefix("arn:aws:sts::123456789012:assumed-role/"))
                #expect(issuer.hasPrefix("arn:aws:iam::123456789012:role/"))
                #expect(record.string("userIdentity.accessKeyId")?.hasPrefix("ASIA") == true)
            case "AWSService":
                sawService = true
                #expect(record.string("userIdentity.invokedBy") == "cloudtrail.amazonaws.com")
                #expect(record.string("sourceIPAddress") == "cloudtrail.amazonaws.com")
            case "IAMUser":
                #expect(record.string("userIdentity.accessKeyId")?.hasPrefix("AKIA") == true)
                #expect(record.string("userIdentity.userName") != nil)
            default:
                Issue.record("unexpected identity type in \(record)")
            }
            if record.string("eventCategory") == "Data" {
                let bucket = try #require(record.string("requestParameters.bucketName"))
                #expect(record.string("requestParameters.Host")?.hasPrefix("\(bucket).s3.") == true)
                let resources = try #require(record["resources"] as? [[String: Any]])
                #expect(resources.contains { $0.string("ARN") == "arn:aws:s3:::\(bucket)" && $0.string("type") == "AWS::S3::Bucket" })
            }
        }
        #expect(sawFloatBytes && sawRole && sawService && sawManagement && sawEndpoint)
    }

    @Test("a digest per region and day is written, and it is not a log file")
    func digests() throws {
        let fixture = try SimulationFixture.write(.benign, days: 3, scale: 0.1)
        defer { fixture.remove() }
        #expect(fixture.result.digestFiles.count >= 3)
        let onDisk = Set(fixture.allFiles())
        for path in fixture.result.digestFiles {
            #expect(onDisk.contains(path))
            #expect(path.hasPrefix("AWSLogs/123456789012/CloudTrail-Digest/"))
            #expect(path.contains("_CloudTrail-Digest_") && path.contains("_management-trail_") && path.hasSuffix("Z.json.gz"))
            let digest = try fixture.object(path)
            #expect(digest["Records"] == nil)
            #expect(digest["digestS3Object"] as? String == path)
            let logFiles = try #require(digest["logFiles"] as? [[String: Any]])
            #expect(!logFiles.isEmpty)
            #expect(logFiles.allSatisfy { fixture.result.logFiles.contains($0.string("s3Object") ?? "") })
        }
        #expect(Set(fixture.result.logFiles + fixture.result.digestFiles + [GroundTruth.fileName]) == onDisk)
    }

    @Test("a directory that holds files is refused and left untouched")
    func refusesNonEmptyDirectory() throws {
        let directory = SimulationFixture.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let precious = directory.appendingPathComponent("evidence.txt")
        try Data("keep me".utf8).write(to: precious)
        let simulator = Simulator(options: SimulationOptions(scenario: .benign, days: 1, scale: 0.1))
        let error = try #require(throws: SimulationError.self) { try simulator.write(to: directory) }
        #expect(error.isOutputNotEmpty)
        #expect("\(error)".contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["evidence.txt"])
        #expect(try Data(contentsOf: precious) == Data("keep me".utf8))
    }

    @Test("an empty existing directory is accepted and a missing one is created")
    func acceptsEmptyOrMissingDirectory() throws {
        let parent = SimulationFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let simulator = Simulator(options: SimulationOptions(scenario: .benign, days: 1, scale: 0.05))
        _ = try simulator.write(to: parent)
        let nested = parent.appendingPathComponent("a/b/logs")
        let result = try simulator.write(to: nested)
        #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent(result.logFiles[0]).path))
    }

    @Test("out-of-range options are refused with a sentence")
    func invalidOptions() throws {
        let directory = SimulationFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for options in [SimulationOptions(scenario: .benign, days: 0), SimulationOptions(scenario: .benign, scale: -1),
                        SimulationOptions(scenario: .bulkDownload, attackObjects: 0), SimulationOptions(scenario: .benign, account: "12345")] {
            #expect(throws: SimulationError.self) { try Simulator(options: options).write(to: directory) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
