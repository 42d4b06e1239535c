import Foundation

/// What identifies a log file's content, so a file learned once is recognised again under any path:
/// its size and a 128-bit hash of every byte. (The hash guards against learning the same file twice by
/// accident; it is not a defence against someone crafting files to collide.)
public struct FileFingerprint: Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, milliseconds since the epoch (kept to recognise an unchanged path without hashing).
    public var modifiedAt: Int64
    /// The content hash, 32 hex digits.
    public var contentHash: String

    /// `v1-<size>-<hash>`: the value stores key learned files by.
    public var identity: String { "v1-\(size)-\(contentHash)" }

    /// Size and modification time of `path`, without reading it.
    public static func attributes(of path: String) throws -> (size: Int64, modifiedAt: Int64) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
        return (size, modified)
    }

    /// Reads `path` through and fingerprints it.
    public static func of(path: String) throws -> FileFingerprint {
        let (_, modified) = try attributes(of: path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = ContentHasher()
        var total: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.add(chunk)
            total += Int64(chunk.count)
        }
        return FileFingerprint(size: total, modifiedAt: modified, contentHash: hasher.hex)
    }
}

/// Two independent 64-bit multiply-xorshift lanes over the bytes.
private struct ContentHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var index = 0
            let count = raw.count
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                a = mix(a ^ word, 0xFF51_AFD7_ED55_8CCD)
                b = mix(b ^ (word &* 0x9E37_79B9_7F4A_7C15), 0xC4CE_B9FE_1A85_EC53)
                index += 8
            }
            while index < count {
                let byte = UInt64(raw[index])
                a = mix(a ^ byte, 0xFF51_AFD7_ED55_8CCD)
                b = mix(b ^ (byte &+ 0x1F), 0xC4CE_B9FE_1A85_EC53)
                index += 1
            }
        }
        length &+= UInt64(data.count)
    }

    private func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let x = value &* multiplier
        return x ^ (x >> 29)
    }

    var hex: String {
        let finalA = mix(a ^ length, 0x94D0_49BB_1331_11EB)
        let finalB = mix(b ^ (length &* 31), 0xBF58_476D_1CE4_E5B9)
        return Self.hex(finalA) + Self.hex(finalB)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
