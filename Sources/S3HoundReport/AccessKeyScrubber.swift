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
        var text = text
        for key in keys where text.contains(key) {
            text = text.replacingOccurrences(of: key, with: AccessKeyMask.mask(key))
        }
        return Self.maskKeyShapes(text)
    }

    /// Masks `AKIA…`/`ASIA…` followed by 16 upper-case letters or digits.
    static func maskKeyShapes(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 20 else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + 20 <= scalars.count, isKeyStart(scalars, index), (index + 4..<index + 20).allSatisfy({ isKeyCharacter(scalars[$0]) }) {
                let key = String(String.UnicodeScalarView(scalars[index..<index + 20]))
                out.append(contentsOf: AccessKeyMask.mask(key).unicodeScalars)
                index += 20
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    private static func isKeyStart(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        scalars[index] == "A" && (scalars[index + 1] == "K" || scalars[index + 1] == "S")
            && scalars[index + 2] == "I" && scalars[index + 3] == "A"
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
