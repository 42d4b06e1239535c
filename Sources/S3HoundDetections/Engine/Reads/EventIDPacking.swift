/// CloudTrail's event ids are lowercase UUIDs: 36 characters that pack into 16 bytes without loss
/// (and unpack to the same string, so references compare and print as before).
enum EventIDPacking {
    /// Appends the 16 bytes of `id` to `out` when it is a lowercase UUID; false (nothing appended) otherwise.
    static func pack(_ id: String, into out: inout [UInt8]) -> Bool {
        if let packed = id.utf8.withContiguousStorageIfAvailable({ pack($0, into: &out) }) { return packed }
        var copy = id
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { pack($0, into: &out) } ?? false
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        var high: UInt64 = 0, low: UInt64 = 0
        var nibbles = 0
        for i in 0..<36 {
            let c = bytes[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 0x2D else { return false }
                continue
            }
            let value: UInt8
            switch c {
            case 0x30...0x39: value = c - 0x30
            case 0x61...0x66: value = c - 0x61 + 10
            default: return false
            }
            if nibbles < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            nibbles += 1
        }
        withUnsafeBytes(of: high.bigEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { out.append(contentsOf: $0) }
        return true
    }

    /// The UUID string of 16 packed bytes.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> String {
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            var n = 0
            hex.withUTF8Buffer { digits in
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 { out[n] = 0x2D; n += 1 }
                    let byte = bytes[i]
                    out[n] = digits[Int(byte >> 4)]
                    out[n + 1] = digits[Int(byte & 0xF)]
                    n += 2
                }
            }
            return n
        }
    }
}
