/// One API call on S3 (or a management call around it), in the shape every evidence source maps to.
///
/// CloudTrail records map field for field; other sources (server access logs) fill what they know
/// and leave the rest `nil`. Detections read only this type.
public struct ActivityEvent: Hashable, Sendable, Codable {
    /// When the call was made.
    public var time: EventTime
    /// The evidence source this event came from.
    public var origin: EventOrigin
    /// `eventID` of the record (a unique id per event), or a synthesised id for sources without one.
    public var eventID: String
    /// `eventSource`, e.g. `s3.amazonaws.com`.
    public var eventSource: String
    /// `eventName`, e.g. `GetObject`.
    public var eventName: String
    /// `eventCategory`: `Data` or `Management` (nil when absent).
    public var eventCategory: String?
    /// `awsRegion`.
    public var awsRegion: String?
    /// `sourceIPAddress`: an IP, or an AWS service name for calls made by a service.
    public var sourceIPAddress: String?
    /// `userAgent`, attacker-controlled.
    public var userAgent: String?
    /// `errorCode`; set when the call failed (it was an attempt, not an access).
    public var errorCode: String?
    /// `errorMessage`, when the call failed.
    public var errorMessage: String?
    /// `recipientAccountId`: the account that received the event.
    public var recipientAccountId: String?
    /// `readOnly`.
    public var readOnly: Bool?
    /// `vpcEndpointId` when the call came through a VPC endpoint.
    public var vpcEndpointId: String?
    /// Who made the call.
    public var identity: CallerIdentity
    /// `requestParameters.bucketName`.
    public var bucketName: String?
    /// `requestParameters.key`.
    public var objectKey: String?
    /// `requestParameters.Host` (first host when a list).
    public var host: String?
    /// `requestParameters.x-amz-copy-source`: `source-bucket/key` of a copy.
    public var copySource: String?
    /// `additionalEventData.bytesTransferredOut`.
    public var bytesTransferredOut: Int64?
    /// `additionalEventData.bytesTransferredIn`.
    public var bytesTransferredIn: Int64?
    /// `additionalEventData.AuthenticationMethod`: `AuthHeader` or `QueryString` (presigned URL).
    public var authenticationMethod: String?
    /// `additionalEventData.SSEApplied`, e.g. `SSE_C`; also set to `SSE_C` when the request carried
    /// `x-amz-server-side-encryption-customer-algorithm`.
    public var sseApplied: String?
    /// `requestParameters.x-amz-server-side-encryption-aws-kms-key-id`: the KMS key a write encrypts with.
    public var kmsKeyId: String?
    /// The raw JSON text of `requestParameters` for calls that change configuration (policies, ACLs,
    /// replication, lifecycle, trails, detectors …); nil for high-volume object calls, which never need it.
    public var requestParametersJSON: String?
    /// `resources[]`: the buckets and objects the call touched, with their owners where known.
    public var resources: [EventResource]

    /// Creates an event; only time, name and identity are required.
    public init(time: EventTime, origin: EventOrigin = .cloudTrail, eventID: String = "", eventSource: String = "s3.amazonaws.com",
                eventName: String, eventCategory: String? = nil, awsRegion: String? = nil, sourceIPAddress: String? = nil,
                userAgent: String? = nil, errorCode: String? = nil, errorMessage: String? = nil, recipientAccountId: String? = nil, readOnly: Bool? = nil,
                vpcEndpointId: String? = nil, identity: CallerIdentity = CallerIdentity(), bucketName: String? = nil,
                objectKey: String? = nil, host: String? = nil, copySource: String? = nil, bytesTransferredOut: Int64? = nil,
                bytesTransferredIn: Int64? = nil, authenticationMethod: String? = nil, sseApplied: String? = nil,
                kmsKeyId: String? = nil, requestParametersJSON: String? = nil, resources: [EventResource] = []) {
        self.time = time; self.origin = origin; self.eventID = eventID; self.eventSource = eventSource
        self.eventName = eventName; self.eventCategory = eventCategory; self.awsRegion = awsRegion
        self.sourceIPAddress = sourceIPAddress; self.userAgent = userAgent; self.errorCode = errorCode
        self.errorMessage = errorMessage; self.kmsKeyId = kmsKeyId; self.requestParametersJSON = requestParametersJSON
        self.recipientAccountId = recipientAccountId; self.readOnly = readOnly; self.vpcEndpointId = vpcEndpointId
        self.identity = identity; self.bucketName = bucketName; self.objectKey = objectKey; self.host = host
        self.copySource = copySource; self.bytesTransferredOut = bytesTransferredOut
        self.bytesTransferredIn = bytesTransferredIn; self.authenticationMethod = authenticationMethod
        self.sseApplied = sseApplied; self.resources = resources
    }

    /// True when the call failed (`errorCode` set): an attempt, not data taken.
    public var failed: Bool { !(errorCode ?? "").isEmpty }

    /// The source IP when it is an IP address (not an AWS service name such as `s3.amazonaws.com`).
    public var sourceIP: String? {
        guard let address = sourceIPAddress, IPAddress.isIPAddress(address) else { return nil }
        return address
    }

    /// True when the event carries the raw `requestParameters` JSON (see `requestParametersJSON`).
    public static func keepsRequestParameters(_ eventName: String) -> Bool { !highVolumeObjectCalls.contains(eventName) }

    /// Object-level calls that make up nearly all data events; their parameters are read field by field only.
    public static let highVolumeObjectCalls: Set<String> = [
        "GetObject", "HeadObject", "PutObject", "ListObjects", "ListObjectsV2", "ListObjectVersions", "UploadPart",
        "CreateMultipartUpload", "CompleteMultipartUpload", "AbortMultipartUpload", "GetObjectTagging", "GetObjectAcl",
        "GetBucketLocation", "HeadBucket", "DeleteObject", "DeleteObjects", "GetObjectAttributes", "SelectObjectContent",
    ]

    /// A reference to this event for findings: its time and id.
    public var reference: EventReference { EventReference(time: time, eventID: eventID) }
}

/// Which evidence source produced an event.
public enum EventOrigin: String, Hashable, Sendable, Codable {
    case cloudTrail
    case serverAccessLog
}

/// One entry of `resources[]`.
public struct EventResource: Hashable, Sendable, Codable {
    /// `type`, e.g. `AWS::S3::Bucket` or `AWS::S3::Object`.
    public var type: String?
    /// `ARN` (or `arn`), e.g. `arn:aws:s3:::bucket/key`.
    public var arn: String?
    /// `accountId`: the owner of the resource when CloudTrail records it.
    public var accountId: String?

    /// Creates a resource entry.
    public init(type: String? = nil, arn: String? = nil, accountId: String? = nil) {
        self.type = type; self.arn = arn; self.accountId = accountId
    }

    /// The bucket name of an S3 bucket or object ARN (`arn:aws:s3:::bucket[/key]`).
    public var bucketName: String? {
        guard let arn, arn.hasPrefix("arn:aws:s3:::") || arn.hasPrefix("arn:aws-us-gov:s3:::") || arn.hasPrefix("arn:aws-cn:s3:::") else { return nil }
        guard let marker = arn.range(of: ":::") else { return nil }
        let rest = arn[marker.upperBound...]
        let name = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }
}

/// A pointer to one event: when it happened and its `eventID` (kept packed: see `EventIDStorage`).
public struct EventReference: Hashable, Sendable, Codable, Comparable {
    /// When the event happened.
    public var time: EventTime
    private var id: EventIDStorage

    /// Its `eventID`.
    public var eventID: String {
        get { id.text }
        set { id = EventIDStorage(newValue) }
    }

    /// Creates a reference.
    public init(time: EventTime, eventID: String) { self.time = time; self.id = EventIDStorage(eventID) }

    /// The `eventID` in its stored form.
    public var storedID: EventIDStorage { id }

    /// Creates a reference from an id already in its stored form.
    public init(time: EventTime, id: EventIDStorage) { self.time = time; self.id = id }

    public static func < (lhs: EventReference, rhs: EventReference) -> Bool {
        lhs.time != rhs.time ? lhs.time < rhs.time : lhs.id < rhs.id
    }

    private enum CodingKeys: String, CodingKey { case time, eventID }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = try container.decode(EventTime.self, forKey: .time)
        id = EventIDStorage(try container.decode(String.self, forKey: .eventID))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(eventID, forKey: .eventID)
    }
}
