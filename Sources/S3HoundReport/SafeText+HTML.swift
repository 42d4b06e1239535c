import S3HoundCore

extension SafeText {
    /// Text safe inside HTML element content and double- or single-quoted attribute values: made
    /// terminal-safe first (control and bidirectional characters shown as `\u{…}`, so a value cannot
    /// reorder the page it is shown on), then `&`, `<`, `>`, `"` and `'` written as character references.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in terminal(text).unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
