import S3HoundCore

/// Writes Macie findings as `aws macie2 get-findings` prints them (`{"findings":[…]}`, camelCase) to
/// `macie/findings.json`: sensitive-data findings for objects of two buckets (most of them objects the attacker
/// later read) from a classification job run days before, and one policy finding on an unrelated bucket as noise.
struct MacieExport {
    /// The file, relative to the output directory.
    static let fileName = "macie/findings.json"

    let output: FileOutput
    let account: String
    let seed: UInt64
    let catalog: Catalog

    /// An object the attacker read.
    struct Read {
        let bucket: Int
        let key: String
        let size: Int64
    }

    /// The change the policy finding reports: who removed Block Public Access from which bucket, when.
    struct PolicyChange {
        let bucket: String
        let sessionArn: String
        let roleArn: String
        let roleName: String
        let roleId: String
        let sessionName: String
        let accessKeyId: String
        let sourceIP: String
        let time: Int64
    }

    /// How a flagged object is classified: the finding type, severity and the detections Macie reports.
    private struct Classification {
        let type: String
        let severity: (description: String, score: Int)
        let title: String
        let data: [(category: String, detections: [(type: String, count: Int)])]
    }

    /// Writes the file and returns what it holds.
    func write(reads: [Read], firstDayStart: Int64, lastDayStart: Int64, policyChange: PolicyChange?) throws -> MacieTruth {
        var rng = SimulationRandom(seed: seed, stream: "macie")
        // Flag up to six objects read from sensitive-data-bucket and four from finance-reports, plus two nobody read.
        var flagged: [(bucket: Int, key: String, size: Int64, classification: Classification)] = []
        var seen: Set<String> = []
        for read in reads where !seen.contains("\(read.bucket)/\(read.key)") {
            let taken = flagged.filter { $0.bucket == read.bucket }.count
            guard let classification = classify(read.key, &rng), taken < (read.bucket == Catalog.sensitiveData ? 6 : 4) else { continue }
            seen.insert("\(read.bucket)/\(read.key)")
            flagged.append((read.bucket, read.key, read.size, classification))
        }
        for (bucket, index) in [(Catalog.sensitiveData, 80_000), (Catalog.financeReports, 80_004)] {
            var next = index
            while classify(catalog.key(bucket: bucket, index: next), &rng) == nil { next += 1 }
            let key = catalog.key(bucket: bucket, index: next)
            if !seen.contains("\(bucket)/\(key)") {
                flagged.append((bucket, key, catalog.size(bucket: bucket, index: next), classify(key, &rng)!))
            }
        }
        let jobDay = max(firstDayStart, lastDayStart - 9 * 86_400)
        let jobId = FindingDocuments.hexId(&rng)
        var documents: [[String: Any]] = []
        var findings: [ServiceFindingTruth] = []
        for (n, object) in flagged.enumerated() {
            let created = jobDay + 3 * 3600 + Int64(n * 37 + rng.below(30))
            let bucket = catalog.buckets[object.bucket].name
            let id = FindingDocuments.hexId(&rng)
            let sensitive = object.classification.data.map { entry -> [String: Any] in
                ["category": entry.category, "totalCount": entry.detections.reduce(0) { $0 + $1.count },
                 "detections": entry.detections.map { ["type": $0.type, "count": $0.count] as [String: Any] }]
            }
            let extensionName = object.key.split(separator: ".").last.map(String.init) ?? ""
            documents.append(base(id: id, created: created, updated: created) .merging([
                "category": "CLASSIFICATION", "type": object.classification.type, "title": object.classification.title,
                "description": "The object contains \(object.classification.title.dropFirst("The S3 object contains ".count))",
                "severity": ["description": object.classification.severity.description, "score": object.classification.severity.score],
                "classificationDetails": [
                    "jobArn": "arn:aws:macie2:us-east-1:\(account):classification-job/\(jobId)", "jobId": jobId,
                    "originType": "SENSITIVE_DATA_DISCOVERY_JOB",
                    "detailedResultsLocation": "s3://macie-discovery-results-\(account)/AWSLogs/\(account)/Macie/us-east-1/\(jobId)/\(account)/\(FindingDocuments.uuid(&rng)).jsonl.gz",
                    "result": ["additionalOccurrences": false, "mimeType": MacieExport.mimeType(extensionName), "sizeClassified": object.size,
                               "status": ["code": "COMPLETE"], "customDataIdentifiers": ["detections": [] as [Any], "totalCount": 0],
                               "sensitiveData": sensitive] as [String: Any],
                ] as [String: Any],
                "resourcesAffected": ["s3Bucket": bucketDetails(bucket), "s3Object": [
                    "bucketArn": "arn:aws:s3:::\(bucket)", "key": object.key, "path": "\(bucket)/\(object.key)", "extension": extensionName,
                    "eTag": FindingDocuments.hexId(&rng), "lastModified": FindingDocuments.time(jobDay - 86_400 * Int64(1 + rng.below(200)), milliseconds: 0),
                    "publicAccess": false, "serverSideEncryption": ["encryptionType": "AES256"], "size": object.size, "storageClass": "STANDARD",
                    "tags": [] as [Any], "versionId": "",
                ] as [String: Any]] as [String: Any],
            ]) { $1 })
            let types = object.classification.data.flatMap { $0.detections.map(\.type) }.sorted()
            findings.append(ServiceFindingTruth(id: id, type: object.classification.type, severity: Double(object.classification.severity.score),
                                                buckets: [bucket], objects: ["\(bucket)/\(object.key)"], sensitiveTypes: types,
                                                firstSeen: .init(secondsSinceEpoch: created), lastSeen: .init(secondsSinceEpoch: created)))
        }
        var noise: [ServiceFindingTruth] = []
        if let change = policyChange {
            let id = FindingDocuments.hexId(&rng), created = change.time + 420
            documents.append(base(id: id, created: created, updated: created).merging([
                "category": "POLICY", "type": "Policy:IAMUser/S3BlockPublicAccessDisabled",
                "title": "Block public access settings are disabled for the S3 bucket",
                "description": "All bucket-level block public access settings were disabled for the S3 bucket \(change.bucket).",
                "severity": ["description": "Low", "score": 1],
                "resourcesAffected": ["s3Bucket": bucketDetails(change.bucket)],
                "policyDetails": ["action": ["actionType": "AWS_API_CALL", "apiCallDetails": [
                    "api": "DeletePublicAccessBlock", "apiServiceName": "s3.amazonaws.com",
                    "firstSeen": FindingDocuments.time(change.time, milliseconds: 0), "lastSeen": FindingDocuments.time(change.time, milliseconds: 0)]],
                    "actor": ["ipAddressDetails": ["ipAddressV4": change.sourceIP], "userIdentity": ["type": "AssumedRole", "assumedRole": [
                        "accessKeyId": change.accessKeyId, "accountId": account, "arn": change.sessionArn, "principalId": "\(change.roleId):\(change.sessionName)",
                        "sessionContext": ["attributes": ["mfaAuthenticated": false], "sessionIssuer": [
                            "accountId": account, "arn": change.roleArn, "principalId": change.roleId, "type": "Role", "userName": change.roleName]],
                    ] as [String: Any]] as [String: Any]] as [String: Any],
                ] as [String: Any],
            ]) { $1 })
            noise.append(ServiceFindingTruth(id: id, type: "Policy:IAMUser/S3BlockPublicAccessDisabled", severity: 1, buckets: [change.bucket],
                                             firstSeen: .init(secondsSinceEpoch: change.time), lastSeen: .init(secondsSinceEpoch: change.time)))
        }
        try output.createFolder("macie")
        try output.write(MacieExport.fileName, try FindingDocuments.document(["findings": documents]))
        let readSet = Set(reads.map { "\(catalog.buckets[$0.bucket].name)/\($0.key)" })
        let flaggedObjects = findings.flatMap { $0.objects ?? [] }
        return MacieTruth(file: MacieExport.fileName, flaggedBuckets: Set(findings.flatMap(\.buckets)).sorted(), flaggedObjects: flaggedObjects.sorted(),
                          flaggedObjectsRead: flaggedObjects.filter(readSet.contains).sorted(),
                          sensitiveTypes: Set(findings.flatMap { $0.sensitiveTypes ?? [] }).sorted(),
                          highestSeverity: findings.contains { $0.severity >= 3 } ? "High" : "Medium", findings: findings, noise: noise)
    }

    /// What Macie finds in an object, by the kind of file its key names; nil for objects it would not flag.
    private func classify(_ key: String, _ rng: inout SimulationRandom) -> Classification? {
        let many = rng.int(in: 40...900)
        if key.hasPrefix("pii/exports/") {
            return Classification(type: "SensitiveData:S3Object/Personal", severity: ("High", 3), title: "The S3 object contains personal information.",
                                  data: [("PERSONAL_INFORMATION", [("USA_SOCIAL_SECURITY_NUMBER", many), ("EMAIL_ADDRESS", many + rng.int(in: 0...40))])])
        }
        if key.hasPrefix("hr/employees/") {
            return Classification(type: "SensitiveData:S3Object/Multiple", severity: ("High", 3), title: "The S3 object contains multiple categories of sensitive data.",
                                  data: [("PERSONAL_INFORMATION", [("USA_SOCIAL_SECURITY_NUMBER", 1), ("EMAIL_ADDRESS", rng.int(in: 1...3))]),
                                         ("FINANCIAL_INFORMATION", [("CREDIT_CARD_NUMBER", 1)])])
        }
        if key.hasPrefix("invoices/") || key.hasPrefix("payroll/") {
            let count = key.hasPrefix("payroll/") ? many : rng.int(in: 1...4)
            return Classification(type: "SensitiveData:S3Object/Financial", severity: count > 20 ? ("High", 3) : ("Medium", 2),
                                  title: "The S3 object contains financial information.",
                                  data: [("FINANCIAL_INFORMATION", [("CREDIT_CARD_NUMBER", count)])])
        }
        return nil
    }

    /// The members every finding has.
    private func base(id: String, created: Int64, updated: Int64) -> [String: Any] {
        ["accountId": account, "archived": false, "count": 1, "id": id, "partition": "aws", "region": "us-east-1", "sample": false,
         "schemaVersion": "1.0", "createdAt": FindingDocuments.time(created, milliseconds: 0), "updatedAt": FindingDocuments.time(updated, milliseconds: 0)]
    }

    /// `resourcesAffected.s3Bucket`.
    private func bucketDetails(_ name: String) -> [String: Any] {
        ["arn": "arn:aws:s3:::\(name)", "name": name, "createdAt": "2023-04-11T09:21:37.000Z", "tags": [] as [Any],
         "owner": ["displayName": "example-corp", "id": AccessLogWriter.canonicalUserId(account: account)],
         "defaultServerSideEncryption": ["encryptionType": "AES256"], "publicAccess": ["effectivePermission": "NOT_PUBLIC"]]
    }

    /// The MIME type Macie reports for a file extension.
    static func mimeType(_ extensionName: String) -> String {
        switch extensionName {
        case "csv": return "text/csv"
        case "json": return "application/json"
        case "gz": return "application/gzip"
        case "pdf": return "application/pdf"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: return "application/octet-stream"
        }
    }
}
