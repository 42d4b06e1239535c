import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import S3HoundCore

/// Every GetObject of one accumulator, one compact record each (about 60 bytes: time, bytes, object-key hash,
/// stream, bucket, access key, owner, event id), so memory holds only per-hour counters (`ReadHour`) and the
/// detail of a burst or an incident is read back afterwards, exactly, from here.
///
/// Records collect in memory; past `spillBytes` they move to a temporary file in `directory` (`TMPDIR`), which
/// is unlinked as soon as it is created, so it disappears when the process ends, however it ends. When the file
/// cannot be created or written, records stay in memory and `spillProblem` says why.
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
    public private(set) var spillProblem: String?
    /// Why the file could not be read back (the reads after the failure were missed), if that happened.
    public private(set) var readBackProblem: String?
    /// Reads recorded.
    public private(set) var count = 0
    /// Bytes of records written to the file.
    public private(set) var spilledBytes: Int64 = 0

    /// The streams, `streams[id]` for each id.
    private(set) var streams: [ReadStreamKey] = []
    private var buckets = NameTable()
    private var accessKeys = NameTable()
    private var owners = NameTable()
    private var buffer: [UInt8] = []
    private var file: Int32 = -1

    // Record layout (little-endian): time ms i64, bytes i64, key hash u64, stream u32, bucket u32,
    // access key u32, owner u32, flags u8, then the event id: 16 packed bytes (a UUID, flag 4, or 16 ASCII
    // characters, flag 8) or a u32 length and the id's bytes.
    private static let fixedBytes = 41
    private static let failedFlag: UInt8 = 1, accessLogFlag: UInt8 = 2, uuidFlag: UInt8 = 4, asciiFlag: UInt8 = 8

    /// Creates an empty ledger.
    public init(spillBytes: Int? = ReadLedger.defaultSpillBytes, directory: String = FileManager.default.temporaryDirectory.path) {
        self.spillBytes = spillBytes
        self.directory = directory
    }

    deinit { if file >= 0 { close(file) } }

    /// Numbers a new stream.
    func register(_ stream: ReadStreamKey) -> UInt32 {
        streams.append(stream)
        return UInt32(streams.count - 1)
    }

    /// Records a GetObject of stream `streamID`, with whether it failed and the bytes it counts (as the
    /// stream's hour counted them).
    func append(_ event: ActivityEvent, streamID: UInt32, failed: Bool, bytes: Int64) {
        count += 1
        let bucket = event.bucketName ?? Self.unknownBucket
        let keyHash = failed ? 0 : ObjectKeyHash.hash(bucket: bucket, key: event.objectKey ?? "")
        let accessKey = event.identity.accessKeyId.map { $0.isEmpty ? 0 : accessKeys.id($0) } ?? 0
        var owner: UInt32 = 0
        for resource in event.resources where resource.type == "AWS::S3::Bucket" {
            if let account = resource.accountId { owner = owners.id(account); break }
        }
        put(event.time.millisecondsSinceEpoch)
        put(bytes)
        put(keyHash)
        put(streamID)
        put(buckets.id(bucket))
        put(accessKey)
        put(owner)
        let flags: UInt8 = (failed ? Self.failedFlag : 0) | (event.origin == .serverAccessLog ? Self.accessLogFlag : 0)
        switch EventIDStorage(event.eventID) {
        case .uuid(let high, let low):
            buffer.append(flags | Self.uuidFlag)
            put(high)
            put(low)
        case .ascii16(let high, let low):
            buffer.append(flags | Self.asciiFlag)
            put(high)
            put(low)
        case .text(var id):
            buffer.append(flags)
            id.withUTF8 { utf8 in
                put(UInt32(utf8.count))
                buffer.append(contentsOf: utf8)
            }
        }
        if let spillBytes, buffer.count >= spillBytes, spillProblem == nil { spill() }
    }

    @inline(__always) private func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Moves the records in memory to the file.
    private func spill() {
        if file < 0 {
            var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            template += Array("s3hound-reads-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                spillProblem = "could not create a temporary file in \(directory) (\(String(cString: strerror(errno)))); reads were kept in memory"
                return
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            file = fd
        }
        let written = buffer.withUnsafeBytes { raw -> Int in
            var done = 0
            while done < raw.count {
                let n = write(file, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return n < 0 ? -Int(errno) : done }
                done += n
            }
            return done
        }
        guard written == buffer.count else {
            // The file holds `spilledBytes` good bytes (anything after them is ignored); the rest stays here.
            let reason = written < 0 ? String(cString: strerror(Int32(-written))) : "short write"
            spillProblem = "could not write reads to a temporary file in \(directory) (\(reason)); reads were kept in memory"
            return
        }
        spilledBytes += Int64(written)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with every read, in the order recorded: those in the file, then those in memory.
    /// When the file cannot be read back, the reads after the failure are missed and `readBackProblem` says so.
    public func forEach(_ body: (LedgerRead) throws -> Void) rethrows {
        if spilledBytes > 0 {
            var chunk = [UInt8](repeating: 0, count: 4 << 20)
            var filled = 0
            var offset: Int64 = 0
            while true {
                while offset < spilledBytes, filled < chunk.count {
                    let want = Int(min(Int64(chunk.count - filled), spilledBytes - offset))
                    let n = chunk.withUnsafeMutableBytes { pread(file, $0.baseAddress! + filled, want, off_t(offset)) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else {
                        readBackProblem = "could not read back the reads' temporary file at byte \(offset) (\(n < 0 ? String(cString: strerror(errno)) : "it ended early")): the reads after it are missing from findings' detail"
                        return
                    }
                    filled += n
                    offset += Int64(n)
                }
                let used = try chunk.withUnsafeBytes { try decode(UnsafeRawBufferPointer(rebasing: $0[..<filled]), body) }
                if used > 0 {
                    chunk.withUnsafeMutableBytes { raw in raw.baseAddress!.copyMemory(from: raw.baseAddress! + used, byteCount: filled - used) }
                    filled -= used
                }
                if offset >= spilledBytes { break }
                // One record larger than the chunk (a huge event id): make room for it.
                if used == 0, filled == chunk.count { chunk += [UInt8](repeating: 0, count: chunk.count) }
            }
        }
        _ = try buffer.withUnsafeBytes { try decode($0, body) }
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

