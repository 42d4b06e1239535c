/// Escaping for attacker-controlled strings (user agents, keys, ARNs) in each place they land.
public enum SafeText {
    /// Text safe for a terminal: control characters (C0, DEL, C1) and bidirectional overrides become
    /// visible `\u{…}` escapes, so a user agent cannot move the cursor, recolour or reorder the screen.
    public static func terminal(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isDangerous(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text safe inside a Markdown table cell or inline span: terminal-safe, with Markdown
    /// punctuation and HTML-significant characters backslash-escaped and line breaks removed.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            switch character {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "<", ">", "~", "&":
                out.append("\\")
                out.append(character)
            case "\n", "\r":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    /// True for scalars that change how a terminal renders what follows.
    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        // Bidi embeddings/overrides/isolates and the line/paragraph separators.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 { return true }
        return false
    }
}
