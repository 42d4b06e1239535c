import S3HoundCore

/// Small builders for the IAM / S3 policy JSON that containment commands carry.
enum PolicyJSON {
    /// A JSON string literal for a value from the input, made terminal-safe first so the policy
    /// can be printed and pasted without hidden characters.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in SafeText.terminal(value).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON array of string literals.
    static func array(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A policy document around statements, one statement per line.
    static func document(_ statements: [String]) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [\n  " + statements.joined(separator: ",\n  ") + "\n]}"
    }

    /// The same document on one line, for `--policy-document '…'` arguments.
    static func compactDocument(_ statements: [String]) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements.joined(separator: ", ") + "]}"
    }
}
