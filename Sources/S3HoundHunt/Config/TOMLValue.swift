/// A value of S3Hound's configuration file (a subset of TOML), with the line it was written on.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// A date (`2026-12-31`), kept as written.
    case date(String)
    case array([TOMLValue])
    case table(TOMLTable)

    /// A word for messages: "a string", "an integer" …
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .boolean: return "true or false"
        case .date: return "a date"
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}

/// A TOML table: keys in the order written, each with its value and line.
public struct TOMLTable: Equatable, Sendable {
    /// One key of a table.
    public struct Entry: Equatable, Sendable {
        /// The key.
        public var key: String
        /// Its value.
        public var value: TOMLValue
        /// The line it was set on (1-based).
        public var line: Int
    }

    /// The entries, in order.
    public var entries: [Entry] = []
    /// The line of the table's header (0 for the root).
    public var line: Int = 0

    /// Creates an empty table.
    public init(line: Int = 0) { self.line = line }

    /// The entry for `key`.
    public subscript(key: String) -> Entry? { entries.first { $0.key == key } }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int) throws {
        if entries.contains(where: { $0.key == key }) { throw TOMLError(line: line, message: "'\(key)' is set twice") }
        entries.append(Entry(key: key, value: value, line: line))
    }
}

/// A syntax error in the configuration file, with its line.
public struct TOMLError: Error, Equatable, CustomStringConvertible {
    /// The line (1-based).
    public var line: Int
    /// What is wrong.
    public var message: String
    public var description: String { "line \(line): \(message)" }
}
