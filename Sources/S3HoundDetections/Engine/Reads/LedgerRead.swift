import S3HoundCore

/// One GetObject as the `ReadLedger` gives it back. Only valid inside the ledger's `forEach` callback
/// (its event id is read from the ledger's buffer when asked for).
public struct LedgerRead {
    /// The stream's number in its ledger.
    public let streamID: UInt32
    /// When it happened.
    public let time: EventTime
    /// True for a failed read (an error code).
    public let failed: Bool
    /// True when it came from S3 server access logs (else CloudTrail).
    public let fromAccessLog: Bool
    /// Bytes sent out (0 for failed reads; negative values count as 0).
    public let bytesOut: Int64
    /// `ObjectKeyHash` of bucket and key (0 for failed reads, which read nothing).
    public let keyHash: UInt64
    /// The bucket, or `ReadLedger.unknownBucket`.
    public let bucket: String
    /// The access key used, if any.
    public let accessKeyId: String?
    /// The bucket owner named in the event's `resources[]`, if any.
    public let bucketOwner: String?
    let eventIDBytes: UnsafeRawBufferPointer
    let eventIDForm: EventIDForm

    /// How the ledger wrote the event id.
    enum EventIDForm { case uuid, ascii16, text }

    /// The event id in `EventReference`'s form.
    var eventIDStorage: EventIDStorage {
        switch eventIDForm {
        case .text:
            return EventIDStorage(String(decoding: eventIDBytes, as: UTF8.self))
        case .uuid, .ascii16:
            let high = UInt64(littleEndian: eventIDBytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            let low = UInt64(littleEndian: eventIDBytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            return eventIDForm == .uuid ? .uuid(high, low) : .ascii16(high, low)
        }
    }

    /// The event's `eventID`.
    public var eventID: String { eventIDStorage.text }

    /// The event's reference (time and id).
    public var reference: EventReference { EventReference(time: time, id: eventIDStorage) }
}
