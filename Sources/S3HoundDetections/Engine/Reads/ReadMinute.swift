import CS3HoundScan
import S3HoundCore

/// Object reads by one principal from one IP in one minute, in full (objects, buckets, access keys, first and
/// last event): rebuilt from the `ReadLedger` for the minutes a burst or an incident covers.
public struct ReadMinute: Sendable {
    /// Successful reads.
    public var reads: Int = 0
    /// Failed read attempts.
    public var failed: Int = 0
    /// Bytes sent out.
    public var bytesOut: Int64 = 0
    /// Hashes of the bucket/key pairs read (for distinct counts without keeping the keys).
    public var keyHashes: Set<UInt64> = []
    /// Per bucket: requests and bytes.
    public var buckets: [String: BucketImpact] = [:]
    /// Access keys used, with request counts.
    public var accessKeys: [String: Int] = [:]
    /// The earliest request.
    public var first: EventReference
    /// The latest request.
    public var last: EventReference
    /// Evidence sources of the reads, as bits: 1 CloudTrail, 2 server access logs.
    public var origins: UInt8 = 0

    /// Starts a minute with one read.
    public init(_ read: LedgerRead) {
        first = read.reference
        last = first
        add(read, counted: false)
    }

    /// Counts a read.
    public mutating func add(_ read: LedgerRead, counted: Bool = true) {
        if counted { widen(first: &first, last: &last, time: read.time) { read.reference } }
        let bucket = read.bucket
        if buckets[bucket]?.ownerAccountId == nil, let owner = read.bucketOwner {
            buckets[bucket, default: BucketImpact()].ownerAccountId = owner
        }
        origins |= read.fromAccessLog ? 2 : 1
        if let key = read.accessKeyId { accessKeys[key, default: 0] += 1 }
        if read.failed {
            failed += 1
            buckets[bucket, default: BucketImpact()].requests += 1
            return
        }
        reads += 1
        bytesOut += read.bytesOut
        keyHashes.insert(read.keyHash)
        buckets[bucket, default: BucketImpact()].requests += 1
        buckets[bucket, default: BucketImpact()].bytesOut += read.bytesOut
    }

    /// Adds another tally of the same minute.
    public mutating func merge(_ other: ReadMinute) {
        reads += other.reads
        failed += other.failed
        bytesOut += other.bytesOut
        keyHashes.formUnion(other.keyHashes)
        buckets.merge(other.buckets) { $0.merge($1) }
        accessKeys.merge(other.accessKeys, uniquingKeysWith: +)
        origins |= other.origins
        if other.first < first { first = other.first }
        if last < other.last { last = other.last }
    }
}

/// A 64-bit FNV-1a hash of `bucket/key`, for counting distinct objects.
public enum ObjectKeyHash {
    /// Hashes a bucket and key.
    /// (FNV-1a of `bucket/key`: stable across runs and versions, since incident ids are built from it.)
    public static func hash(bucket: String, key: String) -> UInt64 {
        var h = fnv1a(bucket, 0xcbf29ce484222325)
        h = (h ^ 0x2F) &* 0x100000001b3
        return fnv1a(key, h)
    }

    private static func fnv1a(_ text: String, _ h: UInt64) -> UInt64 {
        if let hashed = text.utf8.withContiguousStorageIfAvailable({ s3h_fnv1a($0.baseAddress, $0.count, h) }) { return hashed }
        var h = h
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }
}
