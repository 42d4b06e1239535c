import S3HoundCore

/// What an EventBridge envelope says about the finding inside it, used when the finding leaves it out.
struct FindingEnvelopeDefaults {
    /// The envelope's `account`.
    var accountId: String?
    /// The envelope's `region`.
    var region: String?

    static let none = FindingEnvelopeDefaults()
}

/// Maps one GuardDuty finding — `get-findings` (PascalCase), EventBridge `detail` or S3 export (camelCase) —
/// to a `ServiceFinding`. Throws `FindingMappingError` when the id, type or creation time is missing or a
/// mapped field has the wrong type.
enum GuardDutyFindingMapper {
    static func map(_ json: FindingJSON, defaults: FindingEnvelopeDefaults) throws -> ServiceFinding {
        var finding = ServiceFinding(service: .guardDuty, id: try json.requiredString("id"),
                                     type: try json.requiredString("type"), createdAt: try json.requiredTime("createdAt"))
        finding.title = try json.string("title")
        finding.description = try json.string("description")
        finding.severityScore = try json.double("severity")
        finding.severityLabel = finding.severityScore.map(severityLabel(forScore:))
        finding.accountId = try json.string("accountId") ?? defaults.accountId
        finding.region = try json.string("region") ?? defaults.region
        finding.updatedAt = try json.time("updatedAt")
        let partition = try json.string("partition")
        if let resource = try json.object("resource") {
            try readResource(resource, into: &finding, partition: partition)
        }
        if let service = try json.object("service") {
            try readService(service, into: &finding, partition: partition)
        }
        finding.buckets = uniqued(finding.buckets)
        finding.sourceIPs = uniqued(finding.sourceIPs)
        finding.apiCalls = uniqued(finding.apiCalls)
        finding.exposure = uniqued(finding.exposure)
        return finding
    }

    /// GuardDuty's severity bands: 9.0 and up Critical (extended-threat attack sequences), 7.0–8.9 High,
    /// 4.0–6.9 Medium, below that Low.
    static func severityLabel(forScore score: Double) -> String {
        switch score {
        case 9...: return "Critical"
        case 7..<9: return "High"
        case 4..<7: return "Medium"
        default: return "Low"
        }
    }

    /// `resource`: the access key (who), the instance and the buckets (on what).
    private static func readResource(_ resource: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        if let key = try resource.object("accessKeyDetails") {
            try readAccessKey(key, into: &finding, partition: partition)
        }
        if let instance = try resource.object("instanceDetails") {
            finding.instanceId = try instance.string("instanceId")
        }
        for bucket in try resource.objects("s3BucketDetails") {
            try readBucket(bucket, into: &finding)
        }
    }

    /// `accessKeyDetails` (or an attack sequence's `accessKey` data): fills who made the calls when not yet known.
    static func readAccessKey(_ key: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        let accessKeyId = try key.string("accessKeyId")
        let userName = try key.string("userName")
        let userType = try key.string("userType")
        if finding.accessKeyId == nil, let accessKeyId, !accessKeyId.isEmpty { finding.accessKeyId = accessKeyId }
        if finding.userName == nil { finding.userName = userName }
        if finding.principalType == nil { finding.principalType = userType }
        if finding.principalARN == nil {
            finding.principalARN = FindingPrincipalARN.build(userType: userType, userName: userName,
                                                                     accountId: finding.accountId, partition: partition)
        }
    }

    /// One `s3BucketDetails` entry: its name, and whether GuardDuty saw it public or unencrypted.
    static func readBucket(_ bucket: FindingJSON, into finding: inout ServiceFinding) throws {
        if let name = try bucket.string("name") ?? bucket.string("arn").map(FindingPrincipalARN.bucketName(fromARN:)), !name.isEmpty {
            finding.buckets.append(name)
        }
        if let access = try bucket.object("publicAccess"),
           try access.string("effectivePermission")?.uppercased() == "PUBLIC" {
            finding.exposure.append(ServiceFinding.Exposure.publicBucket)
        }
        if let encryption = try bucket.object("defaultServerSideEncryption"),
           try encryption.string("encryptionType")?.uppercased() == "NONE" {
            finding.exposure.append(ServiceFinding.Exposure.encryptionDisabled)
        }
    }

    /// `service`: counts, times, flags, the action (API and remote address) and any attack sequence.
    private static func readService(_ service: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        finding.archived = try service.bool("archived") ?? false
        finding.count = try service.int("count") ?? 1
        finding.firstSeen = try service.time("eventFirstSeen")
        finding.lastSeen = try service.time("eventLastSeen")
        finding.sample = isSample(service)
        if let action = try service.object("action") {
            for name in ["awsApiCallAction", "networkConnectionAction", "kubernetesApiCallAction", "rdsLoginAttemptAction"] {
                guard let call = try action.object(name) else { continue }
                if let api = try call.string("api"), !api.isEmpty { finding.apiCalls.append(api) }
                if let remote = try call.object("remoteIpDetails") { try readRemoteIP(remote, into: &finding) }
            }
        }
        if let detection = try service.object("detection"), let sequence = try detection.object("sequence") {
            try GuardDutyAttackSequence.read(sequence, into: &finding, partition: partition)
        }
    }

    /// `remoteIpDetails`: addresses, organisation (ASN org, else org, else ISP) and country.
    private static func readRemoteIP(_ remote: FindingJSON, into finding: inout ServiceFinding) throws {
        for key in ["ipAddressV4", "ipAddressV6"] {
            if let address = try remote.string(key), !address.isEmpty { finding.sourceIPs.append(address) }
        }
        if finding.sourceOrganization == nil, let organization = try remote.object("organization") {
            finding.sourceOrganization = try [organization.string("asnOrg"), organization.string("org"), organization.string("isp")]
                .compactMap { $0 }.first { !$0.isEmpty }
        }
        if finding.sourceCountry == nil, let country = try remote.object("country") {
            finding.sourceCountry = try country.string("countryName") ?? country.string("countryCode")
        }
    }

    /// `service.additionalInfo.sample`, whether `additionalInfo` is an object, holds the flag itself, or holds
    /// it in `value` as JSON text (`{"value":"{\"sample\":true}","type":"default"}`). Never throws: the
    /// field is free-form, so anything unreadable means "not a sample".
    private static func isSample(_ service: FindingJSON) -> Bool {
        guard let info = service.raw("additionalInfo") else { return false }
        return sampleFlag(in: info, notes: service.notes, depth: 0)
    }

    private static func sampleFlag(in value: Any, notes: FindingNotes, depth: Int) -> Bool {
        guard depth < 3 else { return false }
        if let text = value as? String {
            guard text.utf8.count <= FindingNotes.maximumStringBytes else {
                notes.note("`service.additionalInfo` text is over the \(FindingNotes.maximumStringBytes / 1024) KiB limit for one field; it was ignored")
                return false
            }
            guard text.contains("sample"), let parsed = FindingDocumentReader.jsonValue(Array(text.utf8)) else { return false }
            return sampleFlag(in: parsed, notes: notes, depth: depth + 1)
        }
        guard let fields = value as? [String: Any] else { return false }
        let info = FindingJSON(fields, notes: notes)
        if let flag = try? info.bool("sample") { return flag }
        if let inner = info.raw("value") { return sampleFlag(in: inner, notes: notes, depth: depth + 1) }
        return false
    }
}

/// The elements in first-seen order without repeats.
func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
