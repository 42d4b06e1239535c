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
    /// Further `requestParameters` members as JSON text (no leading comma): a policy, an ACL, a trail name.
    /// For calls to other services (CloudTrail, GuardDuty) the whole inside of `requestParameters`.
    var parameters: String? = nil
    /// `responseElements` as JSON text (a job id, a location ARN), or nil for `null`; only for calls rendered
    /// as service records (see `Operation.isS3`).
    var response: String? = nil
    /// Written with a customer-provided key (SSE-C).
    var sseC = false
    /// Written with a KMS key (`SSEApplied` is `SSE_KMS`); the key id is in `parameters`.
    var sseKMS = false
    /// Signed in the query string: a presigned URL.
    var presigned = false
    /// True when this is part of the attack (used for the ground truth, never written).
    var isAttack = false
}

/// The S3 calls the simulator writes.
enum Operation: UInt8 {
    case getObject, headObject, putObject, listObjects, copyObject, uploadPartCopy
    case createMultipartUpload, completeMultipartUpload
    case listBuckets, getBucketLocation, getBucketPolicy, getBucketVersioning
    case deleteObject
    case putBucketPolicy, putBucketAcl, deletePublicAccessBlock, putBucketVersioning, putBucketLifecycle
    case putBucketLogging, putBucketReplication, getBucketAcl, headBucket
    case stopLogging, putEventSelectors, updateDetector
    case createJob, describeJob, createLocationS3, createTask, startTaskExecution, putBucketEncryption

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
        case .deleteObject: return "DeleteObject"
        case .putBucketPolicy: return "PutBucketPolicy"
        case .putBucketAcl: return "PutBucketAcl"
        case .deletePublicAccessBlock: return "DeletePublicAccessBlock"
        case .putBucketVersioning: return "PutBucketVersioning"
        case .putBucketLifecycle: return "PutBucketLifecycle"
        case .putBucketLogging: return "PutBucketLogging"
        case .putBucketReplication: return "PutBucketReplication"
        case .getBucketAcl: return "GetBucketAcl"
        case .headBucket: return "HeadBucket"
        case .stopLogging: return "StopLogging"
        case .putEventSelectors: return "PutEventSelectors"
        case .updateDetector: return "UpdateDetector"
        case .createJob: return "CreateJob"
        case .describeJob: return "DescribeJob"
        case .createLocationS3: return "CreateLocationS3"
        case .createTask: return "CreateTask"
        case .startTaskExecution: return "StartTaskExecution"
        case .putBucketEncryption: return "PutBucketEncryption"
        }
    }

    /// `eventSource`.
    var eventSource: StaticString {
        switch self {
        case .stopLogging, .putEventSelectors: return "cloudtrail.amazonaws.com"
        case .updateDetector: return "guardduty.amazonaws.com"
        case .createLocationS3, .createTask, .startTaskExecution: return "datasync.amazonaws.com"
        default: return "s3.amazonaws.com"
        }
    }

    /// True for calls to S3 on a bucket or object. The rest (CloudTrail, GuardDuty, DataSync, and S3 Control's
    /// Batch Operations jobs, which CloudTrail records under `s3.amazonaws.com`) name no bucket and are
    /// rendered with their whole `requestParameters`.
    var isS3: Bool {
        switch self {
        case .stopLogging, .putEventSelectors, .updateDetector, .createJob, .describeJob, .createLocationS3, .createTask,
             .startTaskExecution: return false
        default: return true
        }
    }

    /// The host a service call was sent to (`tlsDetails.clientProvidedHostHeader`), for calls that are not `isS3`.
    func serviceHost(account: String, region: String) -> String {
        switch self {
        case .updateDetector: return "guardduty.\(region).amazonaws.com"
        case .createJob, .describeJob: return "\(account).s3-control.\(region).amazonaws.com"
        case .createLocationS3, .createTask, .startTaskExecution: return "datasync.\(region).amazonaws.com"
        default: return "cloudtrail.\(region).amazonaws.com"
        }
    }

    /// True for management events (bucket and account configuration); false for data events.
    var isManagement: Bool { self != .deleteObject && rawValue >= Operation.listBuckets.rawValue }

    /// True for bucket-level calls whose `requestParameters` name no key.
    var isBucketLevel: Bool {
        switch self {
        case .listObjects, .listBuckets, .getBucketLocation, .getBucketPolicy, .getBucketVersioning, .putBucketPolicy, .putBucketAcl,
             .deletePublicAccessBlock, .putBucketVersioning, .putBucketLifecycle, .putBucketLogging, .putBucketReplication,
             .getBucketAcl, .headBucket, .stopLogging, .putEventSelectors, .updateDetector, .createJob, .describeJob,
             .createLocationS3, .createTask, .startTaskExecution, .putBucketEncryption: return true
        default: return false
        }
    }
    /// `readOnly`.
    var readOnly: Bool {
        switch self {
        case .getObject, .headObject, .listObjects, .listBuckets, .getBucketLocation, .getBucketPolicy, .getBucketVersioning,
             .getBucketAcl, .headBucket, .describeJob: return true
        default: return false
        }
    }

    /// True when the call names one object (`resources` lists it).
    var touchesObject: Bool {
        switch self {
        case .getObject, .headObject, .putObject, .copyObject, .uploadPartCopy, .createMultipartUpload, .completeMultipartUpload,
             .deleteObject: return true
        default: return false
        }
    }
}

/// How a call ended.
enum Outcome: UInt8 {
    case success, accessDenied, noSuchKey, noSuchBucket
}
