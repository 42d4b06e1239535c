import S3HoundCore

/// Maps one Macie finding — `macie2 get-findings` or an EventBridge `detail`, in any key case — to a
/// `ServiceFinding`: sensitive-data findings give the object and what was found in it; policy findings give
/// the exposure fact, the API call that caused it and who made it. Throws `FindingMappingError` when the id,
/// type or creation time is missing or a mapped field has the wrong type.
enum MacieFindingMapper {
    static func map(_ json: FindingJSON, defaults: FindingEnvelopeDefaults) throws -> ServiceFinding {
        let type = try json.requiredString("type")
        var finding = ServiceFinding(service: .macie, id: try json.requiredString("id"), type: type,
                                     createdAt: try json.requiredTime("createdAt"))
        finding.title = try json.string("title")
        finding.description = try json.string("description")
        if let severity = try json.object("severity") {
            finding.severityScore = try severity.double("score")
            finding.severityLabel = try severity.string("description") ?? finding.severityScore.flatMap(severityLabel(forScore:))
        }
        finding.accountId = try json.string("accountId") ?? defaults.accountId
        finding.region = try json.string("region") ?? defaults.region
        finding.updatedAt = try json.time("updatedAt")
        finding.count = try json.int("count") ?? 1
        finding.archived = try json.bool("archived") ?? false
        finding.sample = try json.bool("sample") ?? false
        if let phrase = ServiceFinding.Exposure.phrase(forMaciePolicyType: type) { finding.exposure.append(phrase) }

        var bucketName: String?
        if let affected = try json.object("resourcesAffected") {
            if let bucket = try affected.object("s3Bucket") {
                bucketName = try bucket.string("name") ?? bucket.string("arn").map(FindingPrincipalARN.bucketName(fromARN:))
                try readBucketExposure(bucket, into: &finding)
            }
            if let object = try affected.object("s3Object") {
                let bucket = try bucketName ?? object.string("bucketArn").map(FindingPrincipalARN.bucketName(fromARN:))
                bucketName = bucket
                let key = try object.string("key") ?? object.string("path")
                let hits = try sensitiveData(json.object("classificationDetails"))
                finding.objects.append(ServiceFindingObject(bucket: bucket ?? "", key: key, sensitiveData: hits))
            }
        }
        if finding.objects.isEmpty {
            let hits = try sensitiveData(json.object("classificationDetails"))
            if !hits.isEmpty { finding.objects.append(ServiceFindingObject(bucket: bucketName ?? "", sensitiveData: hits)) }
        }
        if let bucketName, !bucketName.isEmpty { finding.buckets = [bucketName] }
        if let policy = try json.object("policyDetails") {
            try readPolicy(policy, into: &finding, partition: json.string("partition"))
        }
        finding.exposure = uniqued(finding.exposure)
        finding.sourceIPs = uniqued(finding.sourceIPs)
        return finding
    }

    /// Macie's scores: 1 Low, 2 Medium, 3 High (used only when `severity.description` is missing).
    static func severityLabel(forScore score: Double) -> String? {
        switch score {
        case ..<1.5: return "Low"
        case 1.5..<2.5: return "Medium"
        default: return "High"
        }
    }

    /// `s3Bucket.publicAccess.effectivePermission` and `defaultServerSideEncryption.encryptionType` as exposure facts.
    private static func readBucketExposure(_ bucket: FindingJSON, into finding: inout ServiceFinding) throws {
        if let access = try bucket.object("publicAccess"), try access.string("effectivePermission")?.uppercased() == "PUBLIC" {
            finding.exposure.append(ServiceFinding.Exposure.publicBucket)
        }
        if let encryption = try bucket.object("defaultServerSideEncryption"),
           try encryption.string("encryptionType")?.uppercased() == "NONE" {
            finding.exposure.append(ServiceFinding.Exposure.encryptionDisabled)
        }
    }

    /// `classificationDetails.result`: managed detections (`sensitiveData[].detections[]`) under their category,
    /// and custom data identifiers under `CUSTOM_IDENTIFIER` with the identifier's name as the type.
    private static func sensitiveData(_ details: FindingJSON?) throws -> [SensitiveDataHit] {
        guard let result = try details?.object("result") else { return [] }
        var hits: [SensitiveDataHit] = []
        for group in try result.objects("sensitiveData") {
            let category = try group.string("category") ?? "UNKNOWN"
            for detection in try group.objects("detections") {
                guard let type = try detection.string("type"), !type.isEmpty else { continue }
                hits.append(SensitiveDataHit(category: category, type: type, count: try detection.int("count") ?? 0))
            }
        }
        if let custom = try result.object("customDataIdentifiers") {
            for detection in try custom.objects("detections") {
                guard let name = try detection.string("name") ?? detection.string("arn"), !name.isEmpty else { continue }
                hits.append(SensitiveDataHit(category: "CUSTOM_IDENTIFIER", type: name, count: try detection.int("count") ?? 0))
            }
        }
        return hits
    }

    /// `policyDetails`: the API call (name, first and last seen) and the actor (address and identity).
    private static func readPolicy(_ policy: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        if let call = try policy.object("action")?.object("apiCallDetails") {
            if let api = try call.string("api"), !api.isEmpty { finding.apiCalls = [api] }
            finding.firstSeen = try call.time("firstSeen")
            finding.lastSeen = try call.time("lastSeen")
        }
        guard let actor = try policy.object("actor") else { return }
        if let address = try actor.object("ipAddressDetails") {
            for key in ["ipAddressV4", "ipAddressV6"] {
                if let ip = try address.string(key), !ip.isEmpty { finding.sourceIPs.append(ip) }
            }
            if let owner = try address.object("ipOwner") {
                finding.sourceOrganization = try [owner.string("asnOrg"), owner.string("org"), owner.string("isp")]
                    .compactMap { $0 }.first { !$0.isEmpty }
            }
            if let country = try address.object("ipCountry") {
                finding.sourceCountry = try country.string("name") ?? country.string("code")
            }
        }
        if let identity = try actor.object("userIdentity") {
            try MacieUserIdentity.read(identity, into: &finding, partition: partition)
        }
    }
}
