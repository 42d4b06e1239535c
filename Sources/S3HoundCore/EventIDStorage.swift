/// An event id as `EventReference` keeps it: without a heap allocation for the usual shapes. CloudTrail's
/// lowercase UUIDs (36 characters) pack into 16 bytes; S3 server-access-log request ids (16 characters) fit
/// as they are; anything else stays a `String` (inline up to 15 bytes). A month of tallies holds millions
/// of first and last references, and a heap string each was most of their memory.
///
/// Equality, hashing and ordering are the text's (Swift's, which treats canonically equivalent strings as
/// equal): packed forms compare as their bytes do, mixed forms through the text.
public enum EventIDStorage: Hashable, Sendable {
    /// A lowercase UUID: the 32 hex digits as two big-endian 64-bit halves.
    case uuid(UInt64, UInt64)
    /// Exactly 16 bytes of ASCII, big-endian.
    case ascii16(UInt64, UInt64)
    /// Anything else.
    case text(String)

    /// The storage of `id`.
    public init(_ id: String) {
        var id = id
        if let packed = id.utf8.withContiguousStorageIfAvailable(Self.pack) {
            self = packed ?? .text(id)
        } else {
            id.makeContiguousUTF8()
            self = id.utf8.withContiguousStorageIfAvailable(Self.pack).flatMap { $0 } ?? .text(id)
        }
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> EventIDStorage? {
        if bytes.count == 16 {
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<16 {
                let c = bytes[i]
                guard c > 0, c < 0x80 else { return nil }
                if i < 8 { high = high << 8 | UInt64(c) } else { low = low << 8 | UInt64(c) }
            }
            return .ascii16(high, low)
        }
        guard bytes.count == 36, bytes[8] == 0x2D, bytes[13] == 0x2D, bytes[18] == 0x2D, bytes[23] == 0x2D else { return nil }
        // Lower-case hex digits only (an upper-case id is kept as text, so it prints back as it came).
        @inline(__always) func nibble(_ c: UInt8) -> UInt64? {
            let digit = c &- 0x30
            if digit < 10 { return UInt64(digit) }
            let letter = c &- 0x61
            return letter < 6 ? UInt64(letter + 10) : nil
        }
        var high: UInt64 = 0, low: UInt64 = 0
        // The first three groups (16 digits) make `high`, the last two `low`.
        for i in 0..<18 where i != 8 && i != 13 {
            guard let value = nibble(bytes[i]) else { return nil }
            high = high << 4 | value
        }
        for i in 19..<36 where i != 23 {
            guard let value = nibble(bytes[i]) else { return nil }
            low = low << 4 | value
        }
        return .uuid(high, low)
    }

    /// The id's text.
    public var text: String {
        switch self {
        case .text(let text):
            return text
        case .ascii16(let high, let low):
            return String(unsafeUninitializedCapacity: 16) { out in
                for i in 0..<8 {
                    out[i] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * i))
                    out[8 + i] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * i))
                }
                return 16
            }
        case .uuid(let high, let low):
            let digits: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: 36) { out in
                digits.withUTF8Buffer { hex in
                    var n = 0
                    for nibble in 0..<32 {
                        if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 { out[n] = 0x2D; n += 1 }
                        let word = nibble < 16 ? high : low
                        let shift = UInt64(60 - 4 * (nibble % 16))
                        out[n] = hex[Int((word >> shift) & 0xF)]
                        n += 1
                    }
                }
                return 36
            }
        }
    }

    public static func == (lhs: EventIDStorage, rhs: EventIDStorage) -> Bool {
        switch (lhs, rhs) {
        case let (.uuid(a, b), .uuid(c, d)), let (.ascii16(a, b), .ascii16(c, d)):
            return a == c && b == d
        case let (.text(a), .text(b)):
            return a == b
        default:
            return lhs.text == rhs.text
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The text's order.
    public static func < (lhs: EventIDStorage, rhs: EventIDStorage) -> Bool {
        switch (lhs, rhs) {
        case let (.uuid(a, b), .uuid(c, d)), let (.ascii16(a, b), .ascii16(c, d)):
            return a != c ? a < c : b < d
        case let (.text(a), .text(b)):
            return a < b
        default:
            return lhs.text < rhs.text
        }
    }
}
