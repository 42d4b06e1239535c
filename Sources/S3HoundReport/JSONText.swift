import Foundation
import S3HoundCore

/// Encodes the machine formats' JSON the same way: sorted keys, unescaped slashes, characters that
/// repaint a terminal written as `\uXXXX`, and every access key masked.
enum JSONText {
    /// The value as JSON text, pretty-printed or on one line.
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool, scrubbing report: HuntReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return AccessKeyScrubber(report).scrub(escapeInvisibles(text))
    }

    /// Writes characters that change how a terminal shows text (DEL, C1 controls, bidi overrides,
    /// line separators) as `\uXXXX` escapes: still the same JSON string, but safe to `cat`.
    /// They can only occur inside strings, so escaping them never changes the document's meaning.
    static func escapeInvisibles(_ json: String) -> String {
        // DEL is 7F; U+0080–U+009F are C2 80–9F; U+2028–U+202E are E2 80 A8–AE; U+2066–U+2069 are E2 81 A6–A9.
        let bytes = Array(json.utf8)
        var out = [UInt8]()
        var copied = 0
        var i = 0
        func escape(_ scalar: UInt32, length: Int) {
            if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
            out.append(contentsOf: bytes[copied..<i])
            let hex = String(scalar, radix: 16, uppercase: false)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            i += length
            copied = i
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x7F {
                escape(0x7F, length: 1)
            } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                escape(UInt32(bytes[i + 1]), length: 2)
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                let scalar = 0x2000 | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                if (0x2028...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    escape(scalar, length: 3)
                } else {
                    i += 1
                }
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return json }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}
