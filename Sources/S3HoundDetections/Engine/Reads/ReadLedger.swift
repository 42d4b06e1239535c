import Foundation
import S3HoundCore

/// Every GetObject of one accumulator, one compact record each (about 60 bytes: time, bytes, object-key hash,
/// stream, bucket, access key, owner, event id), so memory holds only per-hour counters (`ReadHour`) and the
/// detail of a burst or an incident is read back afterwards, exactly, from here.
///
/// Records collect in memory; past `spillBytes` they move to an unlinked temporary file in `directory` (`TMPDIR`):
/// see `SpillFile`. When the file cannot be created or written, records stay in memory and `spillProblem` says why.
public final class ReadLedger {
    /// How many bytes of records stay in memory before they move to the file, by default.
    public static let defaultSpillBytes = 1 << 20
    /// The bucket name of reads without one.
    public static let unknownBucket = "(unknown bucket)"

    /// Records in memory past this many bytes move to the file; nil keeps everything in memory.
    public let spillBytes: Int?
    /// Where the file goes.
    public let directory: String
    /// Why records could not move to the file (they stayed in memory), if that happened.
    public var spillProblem: String? { storage.spillProblem }
    /// Why the file could not be read back (the reads after the failure were missed), if that happened.
    public var readBackProblem: String? { storage.readBackProblem.map { $0 + " from findings' detail" } }
    /// Reads recorded.
    public private(set) var count = 0
    /// Bytes of records written to the file.
    public var spilledBytes: Int64 { storage.spilledBytes }

    /// The streams, `streams[id]` for each id.
    private(set) var streams: [ReadStreamKey] = []
    private var buckets = NameTable()
    private var accessKeys = NameTable()
    private var owners = NameTable()
    private let storage: SpillFile

    // Record layout (little-endian): time ms i64, bytes i64, key hash u64, stream u32, bucket u32,
    // access key u32, owner u32, flags u8, then the event id: 16 packed bytes (a UUID, flag 4, or 16 ASCII
    // characters, flag 8) or a u32 length and the id's bytes.
    private static let fixedBytes = 41
    private static let failedFlag: UInt8 = 1, accessLogFlag: UInt8 = 2, uuidFlag: UInt8 = 4, asciiFlag: UInt8 = 8

    /// Creates an empty ledger.
    public init(spillBytes: Int? = ReadLedger.defaultSpillBytes, directory: String = FileManager.default.temporaryDirectory.path) {
        self.spillBytes = spillBytes
        self.directory = directory
        storage = SpillFile(spillBytes: spillBytes, directory: directory, noun: "reads")
    }

    /// Numbers a new stream.
    func register(_ stream: ReadStreamKey) -> UInt32 {
        streams.append(stream)
        return UInt32(streams.count - 1)
    }

    /// Records a GetObject of stream `streamID`, with whether it failed and the bytes it counts (as the
    /// stream's hour counted them).
    /// `id` is the event's id already packed (`EventReference.storedID`).
    func append(_ event: ActivityEvent, id: EventIDStorage, streamID: UInt32, failed: Bool, bytes: Int64) {
        count += 1
        let bucket = event.bucketName ?? Self.unknownBucket
        let keyHash = failed ? 0 : ObjectKeyHash.hash(bucket: bucket, key: event.objectKey ?? "")
        let accessKey = event.identity.accessKeyId.map { $0.isEmpty ? 0 : accessKeys.id($0) } ?? 0
        var owner: UInt32 = 0
        for resource in event.resources where resource.type == "AWS::S3::Bucket" {
            if let account = resource.accountId { owner = owners.id(account); break }
        }
        let flags: UInt8 = (failed ? Self.failedFlag : 0) | (event.origin == .serverAccessLog ? Self.accessLogFlag : 0)
        let bucketID = buckets.id(bucket)
        // The fixed part written on the stack and appended at once: one access to the buffer, not one per field.
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { record in
            var used = 0
            func put<T: FixedWidthInteger>(_ value: T) {
                record.storeBytes(of: value.littleEndian, toByteOffset: used, as: T.self)
                used += MemoryLayout<T>.size
            }
            put(event.time.millisecondsSinceEpoch)
            put(bytes)
            put(keyHash)
            put(streamID)
            put(bucketID)
            put(accessKey)
            put(owner)
            switch id {
            case .uuid(let high, let low):
                put(flags | Self.uuidFlag)
                put(high)
                put(low)
            case .ascii16(let high, let low):
                put(flags | Self.asciiFlag)
                put(high)
                put(low)
            case .text(let text):
                put(flags)
                put(UInt32(text.utf8.count))
            }
            storage.buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[0..<used]))
        }
        if case .text(var text) = id { text.withUTF8 { storage.buffer.append(contentsOf: $0) } }
        storage.didAppend()
    }


    /// Calls `body` with every read, in the order recorded: those in the file, then those in memory.
    /// When the file cannot be read back, the reads after the failure are missed and `readBackProblem` says so.
    public func forEach(_ body: (LedgerRead) throws -> Void) rethrows {
        try storage.forEachChunk { try decode($0, body) }
    }

    /// Decodes the whole records at the start of `bytes`; returns how many bytes they took.
    private func decode(_ bytes: UnsafeRawBufferPointer, _ body: (LedgerRead) throws -> Void) rethrows -> Int {
        var at = 0
        while bytes.count - at >= Self.fixedBytes {
            let flags = bytes[at + 40]
            let idStart: Int, idLength: Int
            if flags & (Self.uuidFlag | Self.asciiFlag) != 0 {
                idStart = at + Self.fixedBytes
                idLength = 16
            } else {
                guard bytes.count - at >= Self.fixedBytes + 4 else { break }
                idStart = at + Self.fixedBytes + 4
                idLength = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + Self.fixedBytes, as: UInt32.self)))
            }
            guard bytes.count - idStart >= idLength else { break }
            let read = LedgerRead(
                streamID: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt32.self)),
                time: EventTime(millisecondsSinceEpoch: Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))),
                failed: flags & Self.failedFlag != 0,
                fromAccessLog: flags & Self.accessLogFlag != 0,
                bytesOut: Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)),
                keyHash: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)),
                bucket: buckets.name(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 28, as: UInt32.self))) ?? Self.unknownBucket,
                accessKeyId: accessKeys.name(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 32, as: UInt32.self))),
                bucketOwner: owners.name(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 36, as: UInt32.self))),
                eventIDBytes: UnsafeRawBufferPointer(rebasing: bytes[idStart..<(idStart + idLength)]),
                eventIDForm: flags & Self.uuidFlag != 0 ? .uuid : flags & Self.asciiFlag != 0 ? .ascii16 : .text)
            try body(read)
            at = idStart + idLength
        }
        return at
    }
}

