import S3HoundCore
import S3HoundSources

/// Writes GuardDuty findings as GuardDuty exports them to S3: gzipped JSON lines (one camelCase finding a line,
/// the shape EventBridge delivers as `detail`) in `AWSLogs/<acct>/GuardDuty/<region>/YYYY/MM/DD/<uuid>.jsonl.gz`.
///
/// The attack's two findings for developer-jane's key (`Exfiltration:S3/AnomalousBehavior`,
/// `UnauthorizedAccess:S3/TorIPCaller`), one unrelated low finding, one archived finding and one sample finding.
struct GuardDutyExport {
    /// The detector of the simulated account.
    static let detectorId = "12abc34d567e8fa901bc2d34e56789f0"

    let output: FileOutput
    let account: String
    let seed: UInt64
    let compressionLevel: Int32

    /// What the attack's findings are about.
    struct Attack {
        let userName: String
        let principalId: String
        let accessKeyId: String
        let sourceIP: String
        let buckets: [String]
        /// First and last attack call of any kind; first and last successful read.
        let firstCall: Int64, lastCall: Int64, firstRead: Int64, lastRead: Int64
        let reads: Int
    }

    /// The findings written, by what a reader does with them, and the files.
    struct Written {
        var attack: [ServiceFindingTruth] = []
        var noise: [ServiceFindingTruth] = []
        var skipped: [ServiceFindingTruth] = []
        var files: [String] = []
    }

    /// Writes the export files of the period `firstDayStart ..< lastDayStart + 1 day`.
    func write(_ attack: Attack, firstDayStart: Int64, lastDayStart: Int64) throws -> Written {
        var rng = SimulationRandom(seed: seed, stream: "guardduty")
        var written = Written()
        // A sample finding someone generated while trying GuardDuty out, six days before the attack.
        let sampleDay = max(firstDayStart, lastDayStart - 6 * 86_400), sampleAt = sampleDay + 10 * 3600 + Int64(rng.below(3600))
        var sample = finding(&rng, type: "Exfiltration:S3/MaliciousIPCaller", severity: 8, created: sampleAt, first: sampleAt, last: sampleAt,
                             title: "The S3 API GetObject was invoked from a known malicious IP address.",
                             description: "An API commonly used to collect data from S3 was invoked from a known malicious IP address 198.51.100.1.")
        sample["resource"] = s3Resource(userName: "GeneratedFindingUserName", principalId: "GeneratedFindingPrincipalId",
                                        accessKeyId: "GeneratedFindingAccessKeyId", buckets: ["generatedfindingbucketname"])
        sample["service"] = service(&rng, api: "GetObject", ip: "198.51.100.1", first: sampleAt, last: sampleAt, count: 1,
                                    additional: ["sample": true, "value": "{\"sample\":true}", "type": "default"])
        written.skipped.append(truth(sample, skippedAs: "sample", buckets: ["generatedfindingbucketname"], first: sampleAt, last: sampleAt))
        try file(&rng, at: sampleAt + 300, [sample], into: &written)

        // The public website's bucket policy finding, archived by the team three days before the attack.
        let archivedDay = max(firstDayStart, lastDayStart - 3 * 86_400), archivedAt = archivedDay + 14 * 3600 + Int64(rng.below(3600))
        var archived = finding(&rng, type: "Policy:S3/BucketAnonymousAccessGranted", severity: 5, created: archivedAt, first: archivedAt, last: archivedAt,
                               title: "Amazon S3 Block Public Access was granted for anonymous access on the S3 bucket example-corp-website.",
                               description: "The S3 bucket example-corp-website grants anonymous read access through its bucket policy.")
        archived["resource"] = s3Resource(userName: nil, principalId: nil, accessKeyId: nil, buckets: ["example-corp-website"])
        var archivedService = service(&rng, api: "PutBucketPolicy", ip: "192.0.2.44", first: archivedAt, last: archivedAt, count: 1)
        archivedService["archived"] = true
        archived["service"] = archivedService
        written.skipped.append(truth(archived, skippedAs: "archived", buckets: ["example-corp-website"], first: archivedAt, last: archivedAt))
        try file(&rng, at: archivedAt + 21_600, [archived], into: &written)

        // Unrelated noise: the bastion's open SSH port probed from the internet, late in the morning of the attack day.
        let probeAt = lastDayStart + 11 * 3600 + 20 * 60 + Int64(rng.below(600))
        var probe = finding(&rng, type: "Recon:EC2/PortProbeUnprotectedPort", severity: 2, created: probeAt + 600, first: probeAt, last: probeAt + 480,
                            title: "Unprotected port on EC2 instance \(Network.bastion.instanceId) is being probed.",
                            description: "EC2 instance \(Network.bastion.instanceId) has an unprotected port 22 which is being probed by a known malicious host.")
        probe["resource"] = ["resourceType": "Instance", "instanceDetails": [
            "instanceId": Network.bastion.instanceId, "instanceType": "t3.micro", "instanceState": "running", "availabilityZone": "us-east-1a",
            "networkInterfaces": [["networkInterfaceId": Network.bastion.interfaceId, "privateIpAddress": Network.bastion.privateAddress,
                                   "publicIp": "54.85.120.31", "subnetId": Network.bastion.subnetId, "vpcId": Network.vpcId]],
        ] as [String: Any]] as [String: Any]
        var probeService = service(&rng, api: nil, ip: nil, first: probeAt, last: probeAt + 480, count: 3)
        probeService["action"] = ["actionType": "PORT_PROBE", "portProbeAction": ["blocked": false, "portProbeDetails": [[
            "localPortDetails": ["port": 22, "portName": "SSH"], "remoteIpDetails": remoteIP(Network.scanners[1], organization: "IP Volume inc", country: "Netherlands"),
        ] as [String: Any]]] as [String: Any]] as [String: Any]
        probe["service"] = probeService
        written.noise.append(truth(probe, skippedAs: nil, buckets: [], first: probeAt, last: probeAt + 480))

        // The attack, found about three minutes after the last read (the seed's 04:15).
        let created = attack.lastCall + 180 + Int64(rng.below(60))
        let subject = "IAM user \(attack.userName)"
        var exfiltration = finding(&rng, type: "Exfiltration:S3/AnomalousBehavior", severity: 8, created: created, first: attack.firstRead, last: attack.lastRead,
                                   title: "Anomalous S3 API GetObject was invoked by \(subject) in the S3 bucket \(attack.buckets.first ?? "").",
                                   description: "An API commonly used to collect data from S3 was invoked by \(subject) in an anomalous way: \(attack.reads) GetObject calls from \(attack.sourceIP), a location never seen for this user.")
        exfiltration["resource"] = s3Resource(userName: attack.userName, principalId: attack.principalId, accessKeyId: attack.accessKeyId, buckets: attack.buckets)
        exfiltration["service"] = service(&rng, api: "GetObject", ip: attack.sourceIP, first: attack.firstRead, last: attack.lastRead, count: 2,
                                          bucket: attack.buckets.first, additional: [
                                              "value": "{\"unusual\":{\"hoursOfDay\":[\"02\",\"03\",\"04\"],\"apiCallVolume\":\(attack.reads)},\"profiledBehavior\":{\"hoursOfDay\":\"08-18\"}}",
                                              "type": "default"])
        var tor = finding(&rng, type: "UnauthorizedAccess:S3/TorIPCaller", severity: 8, created: created + 5, first: attack.firstCall, last: attack.lastCall,
                          title: "An S3 API was invoked from a Tor exit node IP address \(attack.sourceIP).",
                          description: "S3 APIs ListObjects and GetObject were invoked by \(subject) from the Tor exit node \(attack.sourceIP).")
        tor["resource"] = s3Resource(userName: attack.userName, principalId: attack.principalId, accessKeyId: attack.accessKeyId, buckets: attack.buckets)
        var torService = service(&rng, api: "ListObjects", ip: attack.sourceIP, first: attack.firstCall, last: attack.lastCall, count: 1, bucket: attack.buckets.first)
        torService["evidence"] = ["threatIntelligenceDetails": [["threatListName": "TorExitNodes", "threatNames": ["TorExitNode"]]]]
        tor["service"] = torService
        for (document, first, last) in [(exfiltration, attack.firstRead, attack.lastRead), (tor, attack.firstCall, attack.lastCall)] {
            written.attack.append(truth(document, skippedAs: nil, buckets: attack.buckets, first: first, last: last))
        }
        // The noise is exported on its own shortly after noon; the attack's findings five minutes after they are created.
        try file(&rng, at: created + 300, [exfiltration, tor], into: &written)
        try file(&rng, at: probeAt + 900, [probe], into: &written)
        return written
    }

    /// Writes one export file holding `findings`.
    private func file(_ rng: inout SimulationRandom, at exported: Int64, _ findings: [[String: Any]], into written: inout Written) throws {
        let folder = "AWSLogs/\(account)/GuardDuty/us-east-1/\(CivilFields(exported).folder)"
        let path = "\(folder)/\(FindingDocuments.uuid(&rng)).jsonl.gz"
        let text = try findings.map(FindingDocuments.line).joined(separator: "\n") + "\n"
        try output.createFolder(folder)
        try output.write(path, try GzipEncoder.compress(Array(text.utf8), level: compressionLevel))
        written.files.append(path)
    }

    /// The members every finding has.
    private func finding(_ rng: inout SimulationRandom, type: String, severity: Double, created: Int64, first: Int64, last: Int64,
                         title: String, description: String) -> [String: Any] {
        let id = FindingDocuments.hexId(&rng)
        return [
            "schemaVersion": "2.0", "accountId": account, "region": "us-east-1", "partition": "aws", "id": id,
            "arn": "arn:aws:guardduty:us-east-1:\(account):detector/\(GuardDutyExport.detectorId)/finding/\(id)", "type": type,
            "severity": severity, "createdAt": FindingDocuments.time(created, milliseconds: rng.below(1000)),
            "updatedAt": FindingDocuments.time(max(created, last) + 60, milliseconds: rng.below(1000)), "title": title, "description": description,
        ]
    }

    /// `resource` of an S3 finding: the access key (when known) and the buckets.
    private func s3Resource(userName: String?, principalId: String?, accessKeyId: String?, buckets: [String]) -> [String: Any] {
        var resource: [String: Any] = ["resourceType": "S3Bucket", "s3BucketDetails": buckets.map { name -> [String: Any] in
            ["arn": "arn:aws:s3:::\(name)", "name": name, "type": "Destination", "createdAt": "2023-04-11T09:21:37.000Z",
             "owner": ["id": AccessLogWriter.canonicalUserId(account: account)], "tags": [] as [Any],
             "defaultServerSideEncryption": ["encryptionType": "AES256"],
             "publicAccess": ["effectivePermission": "NOT_PUBLIC", "permissionConfiguration": [
                "bucketLevelPermissions": ["blockPublicAccess": ["blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true]],
             ] as [String: Any]] as [String: Any]]
        }]
        if let accessKeyId, let userName, let principalId {
            resource["accessKeyDetails"] = ["accessKeyId": accessKeyId, "principalId": principalId, "userName": userName, "userType": "IAMUser"]
        }
        return resource
    }

    /// `service` of an API-call finding.
    private func service(_ rng: inout SimulationRandom, api: String?, ip: String?, first: Int64, last: Int64, count: Int, bucket: String? = nil,
                         additional: [String: Any] = ["value": "{}", "type": "default"]) -> [String: Any] {
        var service: [String: Any] = [
            "serviceName": "guardduty", "detectorId": GuardDutyExport.detectorId, "archived": false, "count": count, "resourceRole": "TARGET",
            "eventFirstSeen": FindingDocuments.time(first), "eventLastSeen": FindingDocuments.time(last), "additionalInfo": additional,
        ]
        if let api {
            var call: [String: Any] = ["api": api, "serviceName": "s3.amazonaws.com", "callerType": "Remote IP"]
            if let ip { call["remoteIpDetails"] = remoteIP(ip, organization: ip == Population.torExitIP ? "Stiftung Erneuerbare Freiheit" : "Example ISP",
                                                          country: "Germany") }
            if let bucket { call["affectedResources"] = ["AWS::S3::Bucket": bucket] }
            service["action"] = ["actionType": "AWS_API_CALL", "awsApiCallAction": call]
            service["featureName"] = "S3DataEvents"
        }
        return service
    }

    private func remoteIP(_ ip: String, organization: String, country: String) -> [String: Any] {
        ["ipAddressV4": ip, "organization": ["asn": "60729", "asnOrg": organization, "isp": organization, "org": organization],
         "country": ["countryName": country], "city": ["cityName": ""], "geoLocation": ["lat": 51.2993, "lon": 9.491]]
    }

    private func truth(_ document: [String: Any], skippedAs: String?, buckets: [String], first: Int64, last: Int64) -> ServiceFindingTruth {
        ServiceFindingTruth(id: document["id"] as! String, type: document["type"] as! String, severity: document["severity"] as! Double,
                            skippedAs: skippedAs, buckets: buckets, firstSeen: .init(secondsSinceEpoch: first), lastSeen: .init(secondsSinceEpoch: last))
    }
}
