import S3HoundCore

/// Reads `service.detection.sequence` of GuardDuty extended-threat findings (`AttackSequence:S3/CompromisedData`
/// and the other `AttackSequence:*` types) into a `ServiceFinding`: buckets from `resources`, who from `actors`,
/// addresses from `endpoints`, API names and the activity window from `signals`. Shapes follow GuardDuty's
/// `Sequence`, `ResourceV2`, `Actor`, `NetworkEndpoint` and `Signal` API types. What the finding's own
/// `resource` and `service.action` already said is kept; the sequence fills gaps and adds to the lists.
enum GuardDutyAttackSequence {
    static func read(_ sequence: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        // Actors first: they say who acted; an access-key resource only fills what they leave out.
        for actor in try sequence.objects("actors") {
            try readActor(actor, into: &finding, partition: partition)
        }
        for resource in try sequence.objects("resources") {
            try readResource(resource, into: &finding, partition: partition)
        }
        for endpoint in try sequence.objects("endpoints") {
            try readEndpoint(endpoint, into: &finding)
        }
        var earliest: EventTime?
        var latest: EventTime?
        for signal in try sequence.objects("signals") {
            let type = try signal.string("type")?.uppercased()
            if type != "FINDING", let name = try signal.string("name"), !name.isEmpty { finding.apiCalls.append(name) }
            if let first = try signal.time("firstSeenAt") ?? signal.time("createdAt") { earliest = min(earliest ?? first, first) }
            if let last = try signal.time("lastSeenAt") ?? signal.time("updatedAt") { latest = max(latest ?? last, last) }
        }
        if finding.firstSeen == nil { finding.firstSeen = earliest }
        if finding.lastSeen == nil { finding.lastSeen = latest }
    }

    /// One `ResourceV2`: buckets (`S3_BUCKET`, `AWS::S3::Bucket`, or `s3BucketDetails`), the access key and the instance.
    private static func readResource(_ resource: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        let type = (try resource.string("resourceType") ?? resource.string("type"))?.lowercased() ?? ""
        let uid = try resource.string("uid") ?? resource.string("arn") ?? resource.string("id")
        let name = try resource.string("name")
        for bucket in try resource.objects("s3BucketDetails") {
            try GuardDutyFindingMapper.readBucket(bucket, into: &finding)
        }
        let data = try resource.object("data")
        switch type {
        case "s3_bucket", "aws::s3::bucket", "s3bucket":
            if let bucket = name ?? uid.map(FindingPrincipalARN.bucketName(fromARN:)), !bucket.isEmpty {
                finding.buckets.append(bucket)
            }
            if let details = try data?.object("s3Bucket") {
                if try details.string("effectivePermission")?.uppercased() == "PUBLIC" {
                    finding.exposure.append(ServiceFinding.Exposure.publicBucket)
                }
            }
        case "s3_object", "aws::s3::object", "s3object":
            // `arn:aws:s3:::bucket/key`: the bucket is worth knowing; object keys are left out.
            if let uid, uid.hasPrefix("arn:"), uid.contains(":s3:::") {
                finding.buckets.append(FindingPrincipalARN.bucketName(fromARN: uid))
            }
        case "access_key", "accesskey", "aws::iam::accesskey":
            if let key = try data?.object("accessKey") {
                try GuardDutyFindingMapper.readAccessKey(key, into: &finding, partition: partition)
            }
            for candidate in [uid, name].compactMap({ $0 }) where finding.accessKeyId == nil {
                if FindingPrincipalARN.looksLikeAccessKeyId(candidate) { finding.accessKeyId = candidate }
            }
        case "ec2_instance", "instance", "aws::ec2::instance":
            if finding.instanceId == nil {
                finding.instanceId = [uid, name].compactMap { $0.flatMap(instanceId(in:)) }.first
            }
        default:
            break
        }
    }

    /// One `Actor`: the user (ARN or type and name), its credential (access key) and session. An assumed role is
    /// named by the session's issuer when that is a role ARN, else by the role in the user's session ARN.
    private static func readActor(_ actor: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        let user = try actor.object("user")
        let session = try actor.object("session")
        let uid = try user?.string("uid")
        let name = try user?.string("name")
        let type = try user?.string("type")
        let account = try user?.object("account")?.string("uid")
        if let credential = try user?.string("credentialUid"), !credential.isEmpty, finding.accessKeyId == nil {
            finding.accessKeyId = credential
        }
        if let sessionId = try session?.string("uid"), finding.accessKeyId == nil,
           FindingPrincipalARN.looksLikeAccessKeyId(sessionId) {
            finding.accessKeyId = sessionId
        }
        guard finding.principalARN == nil else { return }
        if finding.principalType == nil { finding.principalType = type }
        if finding.userName == nil { finding.userName = name }
        if let issuer = try session?.string("issuer"), issuer.hasPrefix("arn:"), issuer.contains(":role/") {
            // The session's issuer is the role with its IAM path, as CloudTrail's `sessionIssuer.arn` names it.
            finding.principalARN = issuer
        } else if let uid, uid.hasPrefix("arn:") {
            finding.principalARN = FindingPrincipalARN.roleARN(fromSession: uid)
            if finding.userName == nil { finding.userName = FindingPrincipalARN.sessionName(fromSession: uid) }
        } else {
            finding.principalARN = FindingPrincipalARN.build(userType: type, userName: name,
                                                                     accountId: account ?? finding.accountId, partition: partition)
        }
    }

    /// One `NetworkEndpoint`: its address (`ip`, `ipAddressV4`/`V6`, or an `id` that is an address), country and AS.
    private static func readEndpoint(_ endpoint: FindingJSON, into finding: inout ServiceFinding) throws {
        for key in ["ip", "ipAddressV4", "ipAddressV6", "id"] {
            if let address = try endpoint.string(key), IPAddress.isIPAddress(address) { finding.sourceIPs.append(address) }
        }
        if finding.sourceCountry == nil, let location = try endpoint.object("location") {
            finding.sourceCountry = try location.string("country")
        }
        if finding.sourceOrganization == nil, let system = try endpoint.object("autonomousSystem") {
            finding.sourceOrganization = try system.string("name")
        }
    }

    /// `i-0123…` from an instance id or an instance ARN (`arn:aws:ec2:r:a:instance/i-0123…`).
    private static func instanceId(in text: String) -> String? {
        let last = text.split(separator: "/").last.map(String.init) ?? text
        return last.hasPrefix("i-") && last.count > 2 ? last : nil
    }
}
