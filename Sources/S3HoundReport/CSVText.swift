/// CSV (RFC 4180) for values that came from logs, so no value can add a column or a row.
public enum CSVText {
    /// One field: as it is, or — when it holds a comma, a quote, a line break, or starts or ends with
    /// white space — in double quotes with inner quotes doubled. Values are never altered otherwise.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || value.first.map(\.isWhitespace) == true || value.last.map(\.isWhitespace) == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the fields, escaped, joined by commas, with a line feed.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
