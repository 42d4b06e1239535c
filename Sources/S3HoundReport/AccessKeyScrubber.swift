import S3HoundCore

/// The last line of defence for "never print a full access key": replaces, in finished output,
/// every access key the report knows and anything shaped like one (`AKIA`/`ASIA` + 16 characters)
/// with its masked form.
struct AccessKeyScrubber {
    /// Known keys, longest first so a key that contains another is replaced whole.
    private let keys: [String]

    init(_ report: HuntReport) {
        var keys: Set<String> = []
        for incident in report.incidents {
            keys.formUnion(incident.accessKeyIds)
            for finding in incident.findings { keys.formUnion(finding.accessKeyIds) }
            keys.formUnion(incident.story.serviceFindings.compactMap(\.accessKeyId))
        }
        self.keys = keys.filter { $0.count > 8 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The text with every full key masked.
    func scrub(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for key in keys {
            let needle = Array(key.utf8)
            guard Self.firstIndex(of: needle, in: bytes, from: 0) != nil else { continue }
            bytes = Self.replacing(needle, with: Array(AccessKeyMask.mask(key).utf8), in: bytes)
        }
        return Self.maskKeyShapes(bytes)
    }

    /// Masks `AKIA…`/`ASIA…` followed by 16 upper-case letters or digits.
    static func maskKeyShapes(_ text: String) -> String { maskKeyShapes(Array(text.utf8)) }

    /// Works on UTF-8 bytes: keys are ASCII, and a multi-byte character never contains an ASCII byte.
    private static func maskKeyShapes(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 20 else { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "A"), index + 20 <= bytes.count, isKeyStart(bytes, index),
               (index + 4..<index + 20).allSatisfy({ isKeyCharacter(bytes[$0]) }) {
                out.append(contentsOf: AccessKeyMask.mask(String(decoding: bytes[index..<index + 20], as: UTF8.self)).utf8)
                index += 20
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while let hit = firstIndex(of: needle, in: bytes, from: i) {
            out.append(contentsOf: bytes[i..<hit])
            out.append(contentsOf: replacement)
            i = hit + needle.count
        }
        out.append(contentsOf: bytes[i...])
        return out
    }

    private static func isKeyStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "A") && (bytes[index + 1] == UInt8(ascii: "K") || bytes[index + 1] == UInt8(ascii: "S"))
            && bytes[index + 2] == UInt8(ascii: "I") && bytes[index + 3] == UInt8(ascii: "A")
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
