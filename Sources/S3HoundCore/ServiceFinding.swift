/// A finding raised by an AWS detection service — GuardDuty or Macie — normalised to what correlation
/// joins on: who (principal, access key), from where (IPs, instance), on what (buckets, objects) and when.
public struct ServiceFinding: Hashable, Sendable, Codable {
    /// Which service raised it.
    public enum Service: String, Hashable, Sendable, Codable, CaseIterable {
        case guardDuty
        case macie
    }

    /// Which service raised it.
    public var service: Service
    /// The service's finding id.
    public var id: String
    /// The finding type, e.g. `Exfiltration:S3/AnomalousBehavior` or `SensitiveData:S3Object/Personal`.
    public var type: String
    /// The finding's title, attacker-influenced in parts (bucket names) — escape on output.
    public var title: String?
    /// The service's description text.
    public var description: String?
    /// The service's own severity: GuardDuty's number (1.0–10.0) or Macie's score; nil when absent.
    public var severityScore: Double?
    /// The service's severity label (`Low`, `Medium`, `High`, `Critical`), as given or derived from the score.
    public var severityLabel: String?
    /// Account the finding belongs to.
    public var accountId: String?
    /// Region.
    public var region: String?
    /// When the service created the finding.
    public var createdAt: EventTime
    /// When it was last updated.
    public var updatedAt: EventTime?
    /// First and last time the activity was seen (GuardDuty `service.eventFirstSeen` / `eventLastSeen`).
    public var firstSeen: EventTime?
    /// Last time the activity was seen.
    public var lastSeen: EventTime?
    /// How many times the service saw it (`service.count`).
    public var count: Int
    /// True when archived (skipped unless asked).
    public var archived: Bool
    /// True for sample findings (`service.additionalInfo.sample`, Macie `sample`) — skipped unless asked.
    public var sample: Bool
    /// The caller's ARN or user name as the service reports it (`accessKeyDetails.userName`, Macie `actor.userIdentity`).
    public var principalARN: String?
    /// The caller's user name (`accessKeyDetails.userName`).
    public var userName: String?
    /// The caller's identity type (`accessKeyDetails.userType`, e.g. `IAMUser`, `AssumedRole`, `Root`).
    public var principalType: String?
    /// The access key used (`accessKeyDetails.accessKeyId`); unmasked here, renderers mask it.
    public var accessKeyId: String?
    /// Remote IPs the service saw (`service.action.awsApiCallAction.remoteIpDetails.ipAddressV4`).
    public var sourceIPs: [String]
    /// Organisation of the remote IP when the service names it (ASN org / ISP), for the report.
    public var sourceOrganization: String?
    /// Country of the remote IP when given.
    public var sourceCountry: String?
    /// EC2 instance involved (`resource.instanceDetails.instanceId`).
    public var instanceId: String?
    /// Buckets involved (GuardDuty `resource.s3BucketDetails[].name`, Macie `resourcesAffected.s3Bucket.name`).
    public var buckets: [String]
    /// Objects involved, with what Macie found in them.
    public var objects: [ServiceFindingObject]
    /// API calls named by the finding (`service.action.awsApiCallAction.api`, Macie `actor`-side call).
    public var apiCalls: [String]
    /// Exposure facts from Macie policy findings (e.g. "bucket is public", "encryption disabled").
    public var exposure: [String]

    /// Creates a finding; only service, id, type and creation time are required.
    public init(service: Service, id: String, type: String, title: String? = nil, description: String? = nil,
                severityScore: Double? = nil, severityLabel: String? = nil, accountId: String? = nil, region: String? = nil,
                createdAt: EventTime, updatedAt: EventTime? = nil, firstSeen: EventTime? = nil, lastSeen: EventTime? = nil,
                count: Int = 1, archived: Bool = false, sample: Bool = false, principalARN: String? = nil, userName: String? = nil,
                principalType: String? = nil, accessKeyId: String? = nil, sourceIPs: [String] = [], sourceOrganization: String? = nil,
                sourceCountry: String? = nil, instanceId: String? = nil, buckets: [String] = [], objects: [ServiceFindingObject] = [],
                apiCalls: [String] = [], exposure: [String] = []) {
        self.service = service; self.id = id; self.type = type; self.title = title; self.description = description
        self.severityScore = severityScore; self.severityLabel = severityLabel; self.accountId = accountId; self.region = region
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.firstSeen = firstSeen; self.lastSeen = lastSeen
        self.count = count; self.archived = archived; self.sample = sample; self.principalARN = principalARN
        self.userName = userName; self.principalType = principalType; self.accessKeyId = accessKeyId
        self.sourceIPs = sourceIPs; self.sourceOrganization = sourceOrganization; self.sourceCountry = sourceCountry
        self.instanceId = instanceId; self.buckets = buckets; self.objects = objects; self.apiCalls = apiCalls; self.exposure = exposure
    }

    /// When the activity happened, as best known: first seen, else creation.
    public var activityStart: EventTime { firstSeen ?? createdAt }
    /// When the activity ended, as best known: last seen, else update, else creation.
    public var activityEnd: EventTime { lastSeen ?? updatedAt ?? createdAt }

    /// The finding's severity on S3Hound's scale. GuardDuty: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium,
    /// 1.0–3.9 low; Macie and labelled findings by label.
    public var severity: Severity {
        if let label = severityLabel?.lowercased(), let named = Severity(rawValue: label) { return named }
        guard let score = severityScore else { return .medium }
        switch score {
        case 9...: return .critical
        case 7..<9: return .high
        case 4..<7: return .medium
        default: return .low
        }
    }

    /// True for Macie sensitive-data findings (`SensitiveData:S3Object/...`).
    public var isSensitiveData: Bool { service == .macie && type.hasPrefix("SensitiveData:") }
}

/// One object named by a service finding, with the sensitive data Macie found in it.
public struct ServiceFindingObject: Hashable, Sendable, Codable {
    /// Bucket name.
    public var bucket: String
    /// Object key (attacker-influenced — escape on output).
    public var key: String?
    /// Sensitive data found: category (`PERSONAL_INFORMATION`, `FINANCIAL_INFORMATION`, `CREDENTIALS`, `CUSTOM_IDENTIFIER`)
    /// and detection type (`USA_SOCIAL_SECURITY_NUMBER`, `CREDIT_CARD_NUMBER` …) with occurrence counts.
    public var sensitiveData: [SensitiveDataHit]

    /// Creates an object entry.
    public init(bucket: String, key: String? = nil, sensitiveData: [SensitiveDataHit] = []) {
        self.bucket = bucket; self.key = key; self.sensitiveData = sensitiveData
    }
}

/// One kind of sensitive data Macie found: its category, detection type and how many occurrences.
public struct SensitiveDataHit: Hashable, Sendable, Codable {
    /// `PERSONAL_INFORMATION`, `FINANCIAL_INFORMATION`, `CREDENTIALS`, `CUSTOM_IDENTIFIER`.
    public var category: String
    /// Detection type, e.g. `USA_SOCIAL_SECURITY_NUMBER`.
    public var type: String
    /// Occurrences counted.
    public var count: Int

    /// Creates a hit.
    public init(category: String, type: String, count: Int) { self.category = category; self.type = type; self.count = count }
}
