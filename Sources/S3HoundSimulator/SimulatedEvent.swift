/// An S3 API call the simulator will write, before it is rendered as a CloudTrail record.
struct SimulatedEvent {
    /// Orders events of a day: time first, then the order they were planned in.
    var sortKey: UInt64 = 0
    /// Seconds since the epoch.
    var time: Int64
    var operation: Operation
    var outcome: Outcome = .success
    /// Index into the day's identities.
    var identity: Int32
    /// Index into the population's clients.
    var client: Int32
    var region: Region = .usEast1
    /// Index into the catalog's buckets (the destination of a copy); -1 for account-level calls.
    var bucket: Int8 = -1
    /// The object key, or the prefix of a listing.
    var key: String = ""
    /// Source bucket of a copy, -1 otherwise.
    var sourceBucket: Int8 = -1
    /// Source key of a copy.
    var sourceKey: String = ""
    /// Upload id of a multipart upload.
    var uploadId: String = ""
    /// Part number of an `UploadPartCopy`.
    var partNumber: Int32 = 0
    var bytesIn: Int64 = 0
    var bytesOut: Int64 = 0
    /// True when this is part of the attack (used for the ground truth, never written).
    var isAttack = false
}

/// The S3 calls the simulator writes.
enum Operation: UInt8 {
    case getObject, headObject, putObject, listObjects, copyObject, uploadPartCopy
    case createMultipartUpload, completeMultipartUpload
    case listBuckets, getBucketLocation, getBucketPolicy, getBucketVersioning

    /// The `eventName`.
    var name: StaticString {
        switch self {
        case .getObject: return "GetObject"
        case .headObject: return "HeadObject"
        case .putObject: return "PutObject"
        case .listObjects: return "ListObjects"
        case .copyObject: return "CopyObject"
        case .uploadPartCopy: return "UploadPartCopy"
        case .createMultipartUpload: return "CreateMultipartUpload"
        case .completeMultipartUpload: return "CompleteMultipartUpload"
        case .listBuckets: return "ListBuckets"
        case .getBucketLocation: return "GetBucketLocation"
        case .getBucketPolicy: return "GetBucketPolicy"
        case .getBucketVersioning: return "GetBucketVersioning"
        }
    }

    /// True for management events (bucket and account configuration); false for data events.
    var isManagement: Bool { rawValue >= Operation.listBuckets.rawValue }

    /// `readOnly`.
    var readOnly: Bool {
        switch self {
        case .getObject, .headObject, .listObjects, .listBuckets, .getBucketLocation, .getBucketPolicy, .getBucketVersioning: return true
        default: return false
        }
    }

    /// True when the call names one object (`resources` lists it).
    var touchesObject: Bool {
        switch self {
        case .getObject, .headObject, .putObject, .copyObject, .uploadPartCopy, .createMultipartUpload, .completeMultipartUpload: return true
        default: return false
        }
    }
}

/// How a call ended.
enum Outcome: UInt8 {
    case success, accessDenied, noSuchKey
}
