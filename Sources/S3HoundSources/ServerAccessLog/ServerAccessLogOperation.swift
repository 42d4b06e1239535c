/// What one server access log operation (`REST.GET.OBJECT`) is as an API call (`GetObject`), so
/// detections written for CloudTrail read server access log events unchanged.
struct ServerAccessLogOperation: Hashable, Sendable {
    /// The call's CloudTrail `eventName`.
    var eventName: String
    /// The name when the request names an object, for operations logged alike at both levels (`REST.PUT.ACL`).
    var objectEventName: String?
    /// `Data` for object calls and object listings, `Management` for bucket configuration.
    var category: String
    /// True for calls that only read.
    var readOnly: Bool
    /// True for the source side of a copy (`REST.COPY.OBJECT_GET`): a read of the object copied.
    var isCopySourceRead: Bool
    /// True when the object size field is the size of data uploaded (PutObject, UploadPart).
    var isUpload: Bool
    /// True when S3 writes the key URL-encoded once; every other operation's key is encoded twice.
    var keyEncodedOnce: Bool

    /// Creates a mapping.
    init(_ eventName: String, object objectEventName: String? = nil, category: String, readOnly: Bool,
                isCopySourceRead: Bool = false, isUpload: Bool = false, keyEncodedOnce: Bool = false) {
        self.eventName = eventName; self.objectEventName = objectEventName; self.category = category
        self.readOnly = readOnly; self.isCopySourceRead = isCopySourceRead; self.isUpload = isUpload
        self.keyEncodedOnce = keyEncodedOnce
    }

    /// The event name for a request with or without an object key.
    func eventName(hasKey: Bool) -> String { hasKey ? objectEventName ?? eventName : eventName }
}

extension ServerAccessLogOperation {
    private static func read(_ name: String, object: String? = nil, _ category: String = "Management") -> Self {
        Self(name, object: object, category: category, readOnly: true)
    }
    private static func write(_ name: String, object: String? = nil, _ category: String = "Management") -> Self {
        Self(name, object: object, category: category, readOnly: false)
    }

    /// The operations S3 writes in the operation field, by the name it writes.
    static let known: [String: ServerAccessLogOperation] = [
        // Objects.
        "REST.GET.OBJECT": read("GetObject", "Data"),
        "REST.HEAD.OBJECT": read("HeadObject", "Data"),
        "WEBSITE.GET.OBJECT": read("GetObject", "Data"),
        "WEBSITE.HEAD.OBJECT": read("HeadObject", "Data"),
        "REST.GET.TORRENT": read("GetObjectTorrent", "Data"),
        "REST.PUT.OBJECT": Self("PutObject", category: "Data", readOnly: false, isUpload: true),
        // A browser form upload (POST Object) writes an object as PutObject does.
        "REST.POST.OBJECT": Self("PutObject", category: "Data", readOnly: false, isUpload: true),
        "REST.COPY.OBJECT": write("CopyObject", "Data"),
        "REST.COPY.OBJECT_GET": Self("CopyObject", category: "Data", readOnly: true, isCopySourceRead: true),
        "REST.DELETE.OBJECT": write("DeleteObject", "Data"),
        // One line per key removed by a multi-object delete: the per-key evidence CloudTrail's DeleteObjects lacks.
        "BATCH.DELETE.OBJECT": Self("DeleteObject", category: "Data", readOnly: false, keyEncodedOnce: true),
        "REST.POST.MULTI_OBJECT_DELETE": write("DeleteObjects", "Data"),
        "REST.POST.RESTORE": write("RestoreObject", "Data"),
        // Multipart uploads.
        "REST.POST.UPLOADS": write("CreateMultipartUpload", "Data"),
        "REST.PUT.PART": Self("UploadPart", category: "Data", readOnly: false, isUpload: true),
        "REST.COPY.PART": write("UploadPartCopy", "Data"),
        "REST.COPY.PART_GET": Self("UploadPartCopy", category: "Data", readOnly: true, isCopySourceRead: true),
        "REST.POST.UPLOAD": write("CompleteMultipartUpload", "Data"),
        "REST.DELETE.UPLOAD": write("AbortMultipartUpload", "Data"),
        "REST.GET.UPLOAD": read("ListParts", "Data"),
        "REST.GET.UPLOADS": read("ListMultipartUploads", "Data"),
        // Listings.
        "REST.GET.BUCKET": read("ListObjects", "Data"),
        "REST.GET.BUCKETVERSIONS": read("ListObjectVersions", "Data"),
        "REST.GET.SERVICE": read("ListBuckets"),
        "REST.HEAD.BUCKET": read("HeadBucket"),
        "REST.GET.LOCATION": read("GetBucketLocation"),
        // Buckets.
        "REST.PUT.BUCKET": write("CreateBucket"),
        "REST.DELETE.BUCKET": write("DeleteBucket"),
        // Access control: ACL and tagging calls exist for buckets and for objects.
        "REST.GET.ACL": read("GetBucketAcl", object: "GetObjectAcl"),
        "REST.PUT.ACL": write("PutBucketAcl", object: "PutObjectAcl"),
        "REST.GET.BUCKETPOLICY": read("GetBucketPolicy"),
        "REST.PUT.BUCKETPOLICY": write("PutBucketPolicy"),
        "REST.DELETE.BUCKETPOLICY": write("DeleteBucketPolicy"),
        "REST.GET.POLICY_STATUS": read("GetBucketPolicyStatus"),
        "REST.GET.PUBLIC_ACCESS_BLOCK": read("GetBucketPublicAccessBlock"),
        "REST.PUT.PUBLIC_ACCESS_BLOCK": write("PutPublicAccessBlock"),
        "REST.DELETE.PUBLIC_ACCESS_BLOCK": write("DeletePublicAccessBlock"),
        "REST.GET.OWNERSHIP_CONTROLS": read("GetBucketOwnershipControls"),
        "REST.PUT.OWNERSHIP_CONTROLS": write("PutBucketOwnershipControls"),
        "REST.DELETE.OWNERSHIP_CONTROLS": write("DeleteBucketOwnershipControls"),
        "REST.GET.OBJECT_TAGGING": read("GetObjectTagging", "Data"),
        "REST.PUT.OBJECT_TAGGING": write("PutObjectTagging", "Data"),
        "REST.DELETE.OBJECT_TAGGING": write("DeleteObjectTagging", "Data"),
        "REST.GET.TAGGING": read("GetBucketTagging"),
        "REST.PUT.TAGGING": write("PutBucketTagging"),
        "REST.DELETE.TAGGING": write("DeleteBucketTagging"),
        // Configuration that protects or exposes data.
        "REST.GET.VERSIONING": read("GetBucketVersioning"),
        "REST.PUT.VERSIONING": write("PutBucketVersioning"),
        "REST.GET.LOGGING_STATUS": read("GetBucketLogging"),
        "REST.PUT.LOGGING_STATUS": write("PutBucketLogging"),
        "REST.GET.LIFECYCLE": read("GetBucketLifecycle"),
        "REST.PUT.LIFECYCLE": write("PutBucketLifecycle"),
        "REST.DELETE.LIFECYCLE": write("DeleteBucketLifecycle"),
        "REST.GET.REPLICATION": read("GetBucketReplication"),
        "REST.PUT.REPLICATION": write("PutBucketReplication"),
        "REST.DELETE.REPLICATION": write("DeleteBucketReplication"),
        "REST.GET.ENCRYPTION": read("GetBucketEncryption"),
        "REST.PUT.ENCRYPTION": write("PutBucketEncryption"),
        "REST.DELETE.ENCRYPTION": write("DeleteBucketEncryption"),
        "REST.GET.OBJECT_LOCK_CONFIGURATION": read("GetObjectLockConfiguration"),
        "REST.PUT.OBJECT_LOCK_CONFIGURATION": write("PutObjectLockConfiguration"),
        "REST.GET.RETENTION": read("GetObjectRetention", "Data"),
        "REST.PUT.RETENTION": write("PutObjectRetention", "Data"),
        "REST.GET.LEGAL_HOLD": read("GetObjectLegalHold", "Data"),
        "REST.PUT.LEGAL_HOLD": write("PutObjectLegalHold", "Data"),
        "REST.GET.WEBSITE": read("GetBucketWebsite"),
        "REST.PUT.WEBSITE": write("PutBucketWebsite"),
        "REST.DELETE.WEBSITE": write("DeleteBucketWebsite"),
        "REST.GET.CORS": read("GetBucketCors"),
        "REST.PUT.CORS": write("PutBucketCors"),
        "REST.DELETE.CORS": write("DeleteBucketCors"),
        "REST.GET.NOTIFICATION": read("GetBucketNotification"),
        "REST.PUT.NOTIFICATION": write("PutBucketNotification"),
        "REST.GET.ACCELERATE": read("GetBucketAccelerateConfiguration"),
        "REST.PUT.ACCELERATE": write("PutBucketAccelerateConfiguration"),
        "REST.GET.REQUEST_PAYMENT": read("GetBucketRequestPayment"),
        "REST.PUT.REQUEST_PAYMENT": write("PutBucketRequestPayment"),
    ]

    /// The mapping for an operation name S3 wrote; unknown names keep their own text as event name,
    /// with read-only and category guessed from the HTTP method and whether a key was given.
    static func named(_ operation: String, hasKey: Bool) -> ServerAccessLogOperation {
        if let known = known[operation] { return known }
        return guessed(operation, hasKey: hasKey)
    }

    /// `REST.GET.FOO` → event `REST.GET.FOO`, read-only (GET); S3's own actions (`S3.EXPIRE.OBJECT`) write keys encoded once.
    static func guessed(_ operation: String, hasKey: Bool) -> ServerAccessLogOperation {
        let parts = operation.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        let method = parts.count > 1 ? parts[1] : ""
        let readOnly = method == "GET" || method == "HEAD" || method == "OPTIONS"
        return ServerAccessLogOperation(operation, category: hasKey ? "Data" : "Management", readOnly: readOnly,
                                        keyEncodedOnce: operation.hasPrefix("S3."))
    }
}

/// Finds an operation's mapping from the line bytes without making a string of them.
struct ServerAccessLogOperationIndex: Sendable {
    private let names: [[UInt8]]
    private let operations: [ServerAccessLogOperation]
    private let byHash: [UInt64: [Int]]

    /// The index of every known operation.
    static let shared = ServerAccessLogOperationIndex(ServerAccessLogOperation.known)

    init(_ table: [String: ServerAccessLogOperation]) {
        var names: [[UInt8]] = [], operations: [ServerAccessLogOperation] = [], byHash: [UInt64: [Int]] = [:]
        for (name, operation) in table.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(name.utf8)
            byHash[bytes.withUnsafeBytes(Self.hash), default: []].append(names.count)
            names.append(bytes)
            operations.append(operation)
        }
        self.names = names; self.operations = operations; self.byHash = byHash
    }

    /// The mapping of a known operation, or nil.
    func lookup(_ bytes: UnsafeRawBufferPointer) -> ServerAccessLogOperation? {
        guard let candidates = byHash[Self.hash(bytes)] else { return nil }
        for candidate in candidates where names[candidate].withUnsafeBytes({ LineByte.equals($0, bytes) }) { return operations[candidate] }
        return nil
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
