/// Writing JSON values: sorted keys, so the same document always prints the same way and diffs are stable.
extension JSONValue {
    /// Pretty-printed JSON: two-space indent, sorted keys, `"key": value`, no trailing newline.
    public var prettyText: String { prettyText(keyOrder: []) }

    /// Pretty-printed JSON whose object keys listed in `keyOrder` come first, in that order, then the rest
    /// sorted (for templates, where `Type` before `Properties` reads better).
    public func prettyText(keyOrder: [String]) -> String {
        var out = ""
        writePretty(into: &out, indent: "", keyOrder: keyOrder)
        return out
    }

    /// Object keys: those in `keyOrder` first, in its order, then the others sorted.
    static func orderedKeys(_ members: [String: JSONValue], _ keyOrder: [String]) -> [String] {
        guard !keyOrder.isEmpty else { return members.keys.sorted() }
        let rank = Dictionary(keyOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return members.keys.sorted { a, b in
            switch (rank[a], rank[b]) {
            case let (x?, y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a < b
            }
        }
    }

    /// Compact JSON with sorted keys, as sent to AWS APIs.
    public var compactText: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    /// The pretty text split into lines.
    var prettyLines: [String] { prettyText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    private func writePretty(into out: inout String, indent: String, keyOrder: [String]) {
        switch self {
        case .array(let values) where !values.isEmpty:
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += indent + "  "
                value.writePretty(into: &out, indent: indent + "  ", keyOrder: keyOrder)
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let keys = Self.orderedKeys(members, keyOrder)
            for (index, key) in keys.enumerated() {
                out += indent + "  " + Self.quoted(key) + ": "
                members[key]!.writePretty(into: &out, indent: indent + "  ", keyOrder: keyOrder)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            writeCompact(into: &out)
        }
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.numberText(value)
        case .string(let value): out += Self.quoted(value)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += Self.quoted(key) + ":"
                members[key]!.writeCompact(into: &out)
            }
            out += "}"
        }
    }

    /// Integers without a fraction; others as Swift prints them (valid JSON).
    static func numberText(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.isFinite ? String(value) : "null"
    }

    /// A JSON string literal. Besides JSON's required escapes, characters that change how a terminal shows
    /// text (DEL, C1 controls, bidirectional overrides, U+2028/U+2029) are written as `\uXXXX`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
