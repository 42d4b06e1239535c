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
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            let v = scalar.value
            let invisible = v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
            if invisible {
                let hex = String(v, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
