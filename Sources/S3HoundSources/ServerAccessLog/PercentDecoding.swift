/// `%XX` decoding of URL-encoded log fields, straight from line bytes into a string.
enum PercentDecoding {
    /// The bytes with `%XX` escapes decoded, `passes` times over (S3 encodes most keys twice).
    ///
    /// `+` stays `+` (keys are path-encoded, not form-encoded); a `%` not followed by two hex digits
    /// is kept as it is; bytes that are not UTF-8 after decoding become U+FFFD.
    static func decode(_ bytes: UnsafeRawBufferPointer, passes: Int) -> String {
        guard passes > 0, bytes.contains(LineByte.percent) else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = decode(from: bytes, into: buffer)
            var pass = 1
            while pass < passes {
                let decoded = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count])
                guard decoded.contains(LineByte.percent) else { break }
                count = decode(from: UnsafeRawBufferPointer(decoded), into: buffer)
                pass += 1
            }
            return count
        }
    }

    /// Decodes `source` into `target` (which may be the same memory: writing never overtakes reading).
    private static func decode(from source: UnsafeRawBufferPointer, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var read = 0, write = 0
        let count = source.count
        while read < count {
            let byte = source[read]
            if byte == LineByte.percent, read + 2 < count, let high = hex(source[read + 1]), let low = hex(source[read + 2]) {
                target[write] = high << 4 | low
                read += 3
            } else {
                target[write] = byte
                read += 1
            }
            write += 1
        }
        return write
    }

    @inline(__always) private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
