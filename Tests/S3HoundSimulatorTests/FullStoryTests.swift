import Foundation
import S3HoundCore
import S3HoundSimulator
import Testing

@Suite("full-story: one attack told by all five evidence sources")
struct FullStoryTests {
    /// `YYYY/MM/DD` folder parts and a `YYYY…` stamp agree.
    static func sameDay(_ folder: ArraySlice<String>, _ stamp: String) -> Bool { folder.joined() == String(stamp.prefix(8)) }

    @Test("every source is written in its delivery layout, next to the configuration and the Tor exit list")
    func layout() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let result = fixture.result
        #expect(!result.logFiles.isEmpty && !result.accessLogFiles.isEmpty && !result.flowLogFiles.isEmpty)
        for path in result.accessLogFiles {
            let parts = path.split(separator: "/").map(String.init)
            try #require(parts.count == 8, "unexpected path \(path)")
            #expect(Array(parts[0...3]) == ["s3-server-access-logs", "123456789012", "us-east-1", "finance-reports"])
            let name = parts[7].split(separator: "-").map(String.init)
            #expect(name.count == 7 && name[6].count == 16 && name[6].allSatisfy(\.isHexDigit), "unexpected name \(parts[7])")
            #expect(Array(parts[4...6]) == Array(name[0...2]), "folder date differs from the name's in \(path)")
        }
        for path in result.flowLogFiles {
            let parts = path.split(separator: "/").map(String.init)
            try #require(parts.count == 8, "unexpected path \(path)")
            #expect(Array(parts[0...3]) == ["AWSLogs", "123456789012", "vpcflowlogs", "us-east-1"])
            let name = parts[7]
            #expect(name.hasPrefix("123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60789_") && name.hasSuffix(".log.gz"))
            let fields = name.dropLast(".log.gz".count).split(separator: "_").map(String.init)
            #expect(fields.count == 6 && fields[4].count == 14 && fields[4].hasSuffix("Z") && fields[5].count == 8)
            #expect(Self.sameDay(parts[4...6], fields[4]), "folder date differs from the name's in \(path)")
        }
        let guardDuty = result.findingFiles.filter { $0.hasPrefix("AWSLogs/") }
        #expect(guardDuty.count >= 3)
        for path in guardDuty {
            let parts = path.split(separator: "/").map(String.init)
            #expect(parts.count == 8 && Array(parts[0...3]) == ["AWSLogs", "123456789012", "GuardDuty", "us-east-1"], "unexpected path \(path)")
            #expect(parts.last!.hasSuffix(".jsonl.gz") && UUID(uuidString: String(parts.last!.dropLast(".jsonl.gz".count))) != nil)
        }
        #expect(result.findingFiles.contains("macie/findings.json"))
        let onDisk = Set(fixture.allFiles())
        let named = result.logFiles + result.digestFiles + result.accessLogFiles + result.flowLogFiles + result.findingFiles
            + [GroundTruth.fileName, OrganisationFiles.configFileName, OrganisationFiles.threatListFileName]
        #expect(Set(named) == onDisk)
        // The attacker's address is on the Tor exit list written next to the logs.
        let truth = try #require(result.groundTruth.attack)
        let list = String(decoding: try fixture.data(OrganisationFiles.threatListFileName), as: UTF8.self)
        let address = try #require(IPAddressValue(truth.sourceIP))
        #expect(list.split(separator: "\n").contains { IPNetwork(String($0))?.contains(address) == true })
        #expect(truth.sourceIP == "185.220.101.47" && truth.principal == "arn:aws:iam::123456789012:user/developer-jane")
    }

    @Test("finance-reports' data events are in its server access logs, not in the trail; every line has 27 fields (25 in the first day's old format) and a time")
    func accessLogs() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let records = try fixture.allRecords()
        #expect(!records.contains { $0.string("eventCategory") == "Data" && $0.string("requestParameters.bucketName") == "finance-reports" })
        let lines = try fixture.accessLogLines()
        #expect(lines.count > 100)
        let firstDay = try #require(records.compactMap(\.eventTime).min()).dayIndex
        var older = 0
        for (path, fields) in lines {
            try #require(fields.count == 27 || fields.count == 25, "\(path): \(fields.count) fields: \(fields)")
            let time = try #require(EvidenceFiles.accessLogTime(fields[2]), "\(path): bad time \(fields[2])")
            if fields.count == 25 { older += 1; #expect(time.dayIndex == firstDay) }
            #expect(fields[0].count == 64 && fields[1] == "finance-reports")
            #expect(fields[4] == "-" || fields[4].hasPrefix("arn:aws:"))
            #expect(fields[6].hasPrefix("REST.") && Int(fields[9]) != nil)
            #expect(fields[8].hasSuffix(" HTTP/1.1") && fields[19] == "SigV4")
            #expect(fields[11] == "-" || Int(fields[11]) != nil)
            // A file holds requests made before it was delivered.
            let name = path.split(separator: "/").last!.split(separator: "-").map(String.init)
            let delivered = try #require(EventTime(iso8601: "\(name[0])-\(name[1])-\(name[2])T\(name[3]):\(name[4]):\(name[5])Z"))
            #expect(time < delivered)
        }
        #expect(older > 0 && older < lines.count)
        // Benign developers are the same principals, from the same addresses, in both sources.
        let cloudTrailCallers = Set(records.compactMap { record in record.string("userIdentity.arn").map { "\($0) \(record.string("sourceIPAddress") ?? "")" } })
        let developers = lines.filter { $0.fields[4].contains(":user/developer-") && $0.fields[3] != "185.220.101.47" }
        #expect(!developers.isEmpty)
        for (_, fields) in developers { #expect(cloudTrailCallers.contains("\(fields[4]) \(fields[3])"), "\(fields[4]) from \(fields[3]) is not in CloudTrail") }
        #expect(lines.contains { $0.fields[4].contains(":assumed-role/nightly-backup/") && $0.fields.count == 27 && $0.fields.last == "us-east-1" })
        #expect(lines.contains { $0.fields[21] == "QueryString" && $0.fields[8].contains("X-Amz-Signature=") })
    }

    @Test("flow log files start with the header, every record has its fields, and only the build instance's egress to the Tor exit is large")
    func flowLogs() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack?.evidence?.flowLogs)
        let header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path pkt-dst-aws-service"
        let names = header.split(separator: " ").map(String.init)
        var bytes: Int64 = 0, packets: Int64 = 0, records = 0, first = Int64.max, last = Int64.min
        var outsideHourly: [String: Int64] = [:]
        var sawS3 = false, sawNoData = false, sawReject = false
        for (path, lines) in try fixture.flowLogFiles() {
            #expect(lines.first == header, "\(path) does not start with the header")
            for line in lines.dropFirst() {
                let values = line.split(separator: " ").map(String.init)
                try #require(values.count == names.count, "\(path): \(line)")
                let field = Dictionary(uniqueKeysWithValues: zip(names, values))
                #expect(field["version"] == "5" && field["account-id"] == "123456789012" && field["vpc-id"]!.hasPrefix("vpc-"))
                sawNoData = sawNoData || field["log-status"] == "NODATA"
                sawReject = sawReject || field["action"] == "REJECT"
                guard field["log-status"] == "OK", let start = Int64(field["start"]!), let size = Int64(field["bytes"]!) else { continue }
                #expect(Int64(field["end"]!)! > start)
                if field["pkt-dst-aws-service"] == "S3" { sawS3 = true }
                let destination = field["dstaddr"]!
                if field["flow-direction"] == "egress", field["pkt-dst-aws-service"] == "-", !destination.hasPrefix("10.") {
                    outsideHourly["\(field["interface-id"]!) \(destination) \(start / 3600)", default: 0] += size
                }
                guard field["instance-id"] == truth.instanceId, destination == truth.destination, field["flow-direction"] == "egress" else { continue }
                #expect(field["interface-id"] == truth.interfaceId && field["srcaddr"] == truth.sourceAddress && field["dstport"] == String(truth.destinationPort))
                bytes += size; packets += Int64(field["packets"]!)!; records += 1
                first = min(first, start); last = max(last, Int64(field["end"]!)!)
            }
        }
        #expect(bytes == truth.bytes && packets == truth.packets && records == truth.records)
        #expect(first == truth.windowStart.secondsSinceEpoch && last == truth.windowEnd.secondsSinceEpoch)
        #expect(truth.bytes > 1_000_000_000 && truth.instanceId == "i-0b1d2e3f4a5b6c7d8" && truth.destination == "185.220.101.47")
        let attack = try #require(fixture.result.groundTruth.attack)
        #expect(truth.windowStart < attack.windowStart && truth.windowEnd > attack.windowEnd)
        let large = outsideHourly.filter { $0.value > 500 * 1024 * 1024 }.keys.map { $0.split(separator: " ")[1] }
        #expect(!large.isEmpty && Set(large) == [Substring(truth.destination)])
        #expect(sawS3 && sawNoData && sawReject)
    }

    @Test("GuardDuty's export holds camelCase findings: the attack's two for jane's key, noise, an archived and a sample finding")
    func guardDuty() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack)
        let evidence = try #require(truth.evidence)
        let findings = try fixture.guardDutyFindings()
        #expect(findings.count == 5)
        func keys(_ value: Any) -> [String] {
            if let object = value as? [String: Any] { return object.keys.filter { !$0.contains("::") } + object.values.flatMap(keys) }
            if let array = value as? [Any] { return array.flatMap(keys) }
            return []
        }
        for finding in findings {
            for key in ["schemaVersion", "accountId", "region", "partition", "id", "arn", "type", "resource", "service", "severity", "createdAt", "updatedAt", "title", "description"] {
                #expect(finding[key] != nil, "missing \(key)")
            }
            #expect(keys(finding).allSatisfy { $0.first?.isLowercase == true }, "\(keys(finding).filter { $0.first?.isLowercase != true })")
        }
        #expect(Set(evidence.guardDuty.map(\.type)) == ["Exfiltration:S3/AnomalousBehavior", "UnauthorizedAccess:S3/TorIPCaller"])
        for expected in evidence.guardDuty {
            let finding = try #require(findings.first { $0.string("id") == expected.id })
            #expect(finding.string("type") == expected.type && (finding["severity"] as? NSNumber)?.doubleValue == 8)
            #expect(finding.string("resource.accessKeyDetails.accessKeyId") == truth.accessKeyId && finding.string("resource.accessKeyDetails.userName") == "developer-jane")
            let buckets = (finding[path: "resource.s3BucketDetails"] as? [[String: Any]] ?? []).compactMap { $0.string("name") }
            #expect(buckets == truth.buckets)
            #expect(finding.string("service.action.awsApiCallAction.remoteIpDetails.ipAddressV4") == truth.sourceIP)
            let first = try #require(finding.string("service.eventFirstSeen").flatMap(EventTime.init(iso8601:)))
            let last = try #require(finding.string("service.eventLastSeen").flatMap(EventTime.init(iso8601:)))
            #expect(first == expected.firstSeen && last == expected.lastSeen && truth.windowStart <= first && last <= truth.windowEnd)
            #expect(finding[path: "service.archived"] as? Bool == false && finding[path: "service.additionalInfo.sample"] == nil)
        }
        let sample = try #require(findings.first { $0[path: "service.additionalInfo.sample"] as? Bool == true })
        let archived = try #require(findings.first { $0[path: "service.archived"] as? Bool == true })
        #expect(Set(evidence.guardDutySkipped.map(\.id)) == [sample.string("id")!, archived.string("id")!])
        let noise = try #require(evidence.guardDutyNoise.first)
        let low = try #require(findings.first { $0.string("id") == noise.id })
        #expect(((low["severity"] as? NSNumber)?.doubleValue ?? 9) < 4 && low.string("resource.resourceType") == "Instance")
    }

    @Test("Macie's findings flag personal and financial data in objects of two of the three buckets the attacker read")
    func macie() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack)
        let macie = try #require(truth.evidence?.macie)
        let document = try #require(try JSONSerialization.jsonObject(with: fixture.data("macie/findings.json")) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let sensitive = findings.filter { $0.string("category") == "CLASSIFICATION" }
        #expect(sensitive.count == macie.findings.count && findings.count == macie.findings.count + macie.noise.count)
        var flagged: Set<String> = [], types: Set<String> = []
        for finding in sensitive {
            #expect(finding.string("type")?.hasPrefix("SensitiveData:S3Object/") == true && finding.string("severity.description") != nil)
            let bucket = try #require(finding.string("resourcesAffected.s3Bucket.name")), key = try #require(finding.string("resourcesAffected.s3Object.key"))
            flagged.insert("\(bucket)/\(key)")
            for entry in finding[path: "classificationDetails.result.sensitiveData"] as? [[String: Any]] ?? [] {
                for detection in entry["detections"] as? [[String: Any]] ?? [] { types.insert(detection.string("type") ?? "") }
            }
        }
        #expect(flagged == Set(macie.flaggedObjects) && types == Set(macie.sensitiveTypes))
        #expect(macie.flaggedBuckets == ["finance-reports", "sensitive-data-bucket"] && macie.highestSeverity == "High")
        #expect(types.isSuperset(of: ["USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER", "EMAIL_ADDRESS"]))
        // Which flagged objects were read: from the trail's GetObjects and the access logs' GETs from the Tor exit.
        var read: Set<String> = []
        for record in try fixture.allRecords() where record.string("sourceIPAddress") == truth.sourceIP && record.string("eventName") == "GetObject" && record.string("errorCode") == nil {
            read.insert("\(record.string("requestParameters.bucketName")!)/\(record.string("requestParameters.key")!)")
        }
        for (_, fields) in try fixture.accessLogLines() where fields[3] == truth.sourceIP && fields[6] == "REST.GET.OBJECT" && fields[9] == "200" {
            read.insert("\(fields[1])/\(fields[7])")
        }
        #expect(Set(macie.flaggedObjectsRead) == flagged.intersection(read))
        #expect(macie.flaggedObjectsRead.contains { $0.hasPrefix("finance-reports/") } && macie.flaggedObjectsRead.contains { $0.hasPrefix("sensitive-data-bucket/") })
        #expect(macie.flaggedObjectsRead.count < macie.flaggedObjects.count)
        let policy = try #require(findings.first { $0.string("category") == "POLICY" })
        #expect(policy.string("type") == "Policy:IAMUser/S3BlockPublicAccessDisabled" && policy.string("resourcesAffected.s3Bucket.name") == "marketing-assets")
        #expect(try fixture.allRecords().contains { $0.string("eventName") == "DeletePublicAccessBlock" && $0.string("requestParameters.bucketName") == "marketing-assets" })
    }

    @Test("the ground truth's numbers are recomputed from the trail and the access logs together")
    func truthIsRecomputable() throws {
        let fixture = try SimulationFixture.fullStory()
        defer { fixture.remove() }
        let truth = try #require(fixture.result.groundTruth.attack)
        let evidence = try #require(truth.evidence)
        var objects = 0, bytes: Int64 = 0, keys: Set<String> = [], buckets: Set<String> = []
        for record in try fixture.allRecords() where record.string("sourceIPAddress") == truth.sourceIP && record.string("eventName") == "GetObject" && record.string("errorCode") == nil {
            #expect(record.string("userIdentity.accessKeyId") == truth.accessKeyId)
            objects += 1; bytes += record.count("additionalEventData.bytesTransferredOut") ?? 0
            keys.insert("\(record.string("requestParameters.bucketName")!)/\(record.string("requestParameters.key")!)")
            buckets.insert(record.string("requestParameters.bucketName")!)
        }
        #expect(buckets.sorted() == evidence.cloudTrailBuckets && evidence.cloudTrailBuckets == ["customer-records", "sensitive-data-bucket"])
        var logged = 0, loggedBytes: Int64 = 0, loggedKeys: Set<String> = []
        for (_, fields) in try fixture.accessLogLines() where fields[3] == truth.sourceIP && fields[6] == "REST.GET.OBJECT" && fields[9] == "200" {
            #expect(fields[4] == evidence.accessLogs.requester && fields[4] == truth.arn)
            logged += 1; loggedBytes += Int64(fields[11]) ?? 0; loggedKeys.insert(fields[7])
        }
        #expect(logged == evidence.accessLogs.objects && loggedBytes == evidence.accessLogs.bytes && loggedKeys.count == evidence.accessLogs.distinctKeys)
        #expect(logged > 0 && objects + logged == truth.objects && truth.objects == 600)
        #expect(bytes + loggedBytes == truth.bytes)
        #expect(keys.count + loggedKeys.count == truth.distinctKeys)
        #expect(truth.buckets == ["customer-records", "finance-reports", "sensitive-data-bucket"])
        #expect(evidence.sources == ["cloudtrail", "s3-server-access-logs", "vpc-flow-logs", "guardduty", "macie"])
        #expect(Set(truth.expectedDetections).isSubset(of: evidence.detectionsWithAllSources))
        #expect(evidence.detectionsWithAllSources.contains("flowlogs.large-egress") && evidence.detectionsWithAllSources.contains("guardduty.finding"))
    }

    @Test("the same options and seed write byte-identical files in every source")
    func deterministic() throws {
        let first = try SimulationFixture.fullStory(), second = try SimulationFixture.fullStory()
        defer { first.remove(); second.remove() }
        let files = first.allFiles()
        #expect(files == second.allFiles())
        for file in files { #expect(try first.data(file) == second.data(file), "\(file) differs between runs") }
        #expect(first.result.groundTruth == second.result.groundTruth)
    }
}
