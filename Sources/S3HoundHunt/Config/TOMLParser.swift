import Foundation

/// Parses the subset of TOML S3Hound's configuration uses: `[table]`, `[a.b]`, `[[array of tables]]`,
/// `key = value` with bare or quoted keys, basic and literal strings, integers (with `_`), floats,
/// booleans, dates, and arrays (which may span lines). Anything else is an error naming its line.
public enum TOMLParser {
    /// Parses a whole document into its root table.
    public static func parse(_ text: String) throws -> TOMLTable {
        var root = TOMLTable()
        var path: [String] = []
        var isArrayTable = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            let line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("[[") {
                guard line.hasSuffix("]]") else { throw TOMLError(line: lineNumber, message: "a [[table]] header must end with ]]") }
                path = try parseKeyPath(String(line.dropFirst(2).dropLast(2)), line: lineNumber)
                isArrayTable = true
                try appendArrayTable(&root, path: path, line: lineNumber)
                continue
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw TOMLError(line: lineNumber, message: "a [table] header must end with ]") }
                path = try parseKeyPath(String(line.dropFirst().dropLast()), line: lineNumber)
                isArrayTable = false
                try ensureTable(&root, path: path, line: lineNumber)
                continue
            }
            guard let equals = findEquals(line) else {
                throw TOMLError(line: lineNumber, message: "expected 'key = value', a [table] or a comment")
            }
            let keyText = line[..<equals].trimmingCharacters(in: .whitespaces)
            var valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // Arrays may continue on the following lines until their brackets balance.
            while bracketDepth(valueText) > 0, index < lines.count {
                valueText += " " + stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                index += 1
            }
            let keyPath = try parseKeyPath(keyText, line: lineNumber)
            var cursor = Cursor(Array(valueText.unicodeScalars), line: lineNumber)
            let value = try cursor.value()
            cursor.skipSpaces()
            guard cursor.atEnd else { throw TOMLError(line: lineNumber, message: "unexpected text after the value of '\(keyText)'") }
            try set(&root, tablePath: path, inArray: isArrayTable, keyPath: keyPath, value: value, line: lineNumber)
        }
        return root
    }

    static func stripComment(_ line: String) -> String {
        var inBasic = false, inLiteral = false, escaped = false
        for (offset, character) in line.enumerated() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where inBasic: escaped = true
            case "\"" where !inLiteral: inBasic.toggle()
            case "'" where !inBasic: inLiteral.toggle()
            case "#" where !inBasic && !inLiteral: return String(line.prefix(offset))
            default: break
            }
        }
        return line
    }

    static func findEquals(_ line: String) -> String.Index? {
        var inQuote: Character?
        for index in line.indices {
            let character = line[index]
            if let quote = inQuote { if character == quote { inQuote = nil }; continue }
            if character == "\"" || character == "'" { inQuote = character; continue }
            if character == "=" { return index }
        }
        return nil
    }

    static func bracketDepth(_ text: String) -> Int {
        var depth = 0
        var inQuote: Character?
        var escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if let quote = inQuote {
                if character == "\\" && quote == "\"" { escaped = true } else if character == quote { inQuote = nil }
                continue
            }
            switch character {
            case "\"", "'": inQuote = character
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
        }
        return depth
    }

    static func parseKeyPath(_ text: String, line: Int) throws -> [String] {
        var keys: [String] = []
        var cursor = Cursor(Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars), line: line)
        while true {
            cursor.skipSpaces()
            keys.append(try cursor.key())
            cursor.skipSpaces()
            if cursor.atEnd { return keys }
            guard cursor.next() == "." else { throw TOMLError(line: line, message: "bad key '\(text)'") }
        }
    }

    static func ensureTable(_ root: inout TOMLTable, path: [String], line: Int) throws {
        _ = try withTable(&root, path: path, line: line, create: true) { _ in }
    }

    static func appendArrayTable(_ root: inout TOMLTable, path: [String], line: Int) throws {
        let parent = Array(path.dropLast())
        let name = path.last!
        try withTable(&root, path: parent, line: line, create: true) { table in
            if let index = table.entries.firstIndex(where: { $0.key == name }) {
                guard case .array(var items) = table.entries[index].value else {
                    throw TOMLError(line: line, message: "'\(name)' is already set to \(table.entries[index].value.kindDescription)")
                }
                items.append(.table(TOMLTable(line: line)))
                table.entries[index].value = .array(items)
            } else {
                table.entries.append(.init(key: name, value: .array([.table(TOMLTable(line: line))]), line: line))
            }
        }
    }

    static func set(_ root: inout TOMLTable, tablePath: [String], inArray: Bool, keyPath: [String], value: TOMLValue, line: Int) throws {
        let fullPath = tablePath + keyPath.dropLast()
        try withTable(&root, path: fullPath, line: line, create: true, lastArrayElement: inArray ? tablePath.count : nil) { table in
            try table.set(keyPath.last!, value, line: line)
        }
    }

    /// Runs `body` on the table at `path`, creating tables on the way; `lastArrayElement` is the depth
    /// at which the path names an array of tables whose last element is meant.
    @discardableResult
    static func withTable(_ table: inout TOMLTable, path: [String], line: Int, create: Bool, lastArrayElement: Int? = nil,
                          depth: Int = 0, _ body: (inout TOMLTable) throws -> Void) throws -> Bool {
        guard let first = path.first else { try body(&table); return true }
        let rest = Array(path.dropFirst())
        if let index = table.entries.firstIndex(where: { $0.key == first }) {
            switch table.entries[index].value {
            case .table(var child):
                try withTable(&child, path: rest, line: line, create: create, lastArrayElement: lastArrayElement, depth: depth + 1, body)
                table.entries[index].value = .table(child)
            case .array(var items) where depth + 1 == lastArrayElement || (!items.isEmpty && { if case .table = items.last! { return true }; return false }()):
                guard case .table(var child) = items[items.count - 1] else { throw TOMLError(line: line, message: "'\(first)' is not a table") }
                try withTable(&child, path: rest, line: line, create: create, lastArrayElement: lastArrayElement, depth: depth + 1, body)
                items[items.count - 1] = .table(child)
                table.entries[index].value = .array(items)
            default:
                throw TOMLError(line: line, message: "'\(first)' is \(table.entries[index].value.kindDescription), not a table")
            }
        } else {
            var child = TOMLTable(line: line)
            try withTable(&child, path: rest, line: line, create: create, lastArrayElement: lastArrayElement, depth: depth + 1, body)
            table.entries.append(.init(key: first, value: .table(child), line: line))
        }
        return true
    }
}

/// Reads keys and values from one logical line.
struct Cursor {
    var scalars: [Unicode.Scalar]
    var position = 0
    let line: Int

    init(_ scalars: [Unicode.Scalar], line: Int) { self.scalars = scalars; self.line = line }

    var atEnd: Bool { position >= scalars.count }
    func peek() -> Unicode.Scalar? { atEnd ? nil : scalars[position] }
    mutating func next() -> Unicode.Scalar? { defer { position += 1 }; return peek() }
    mutating func skipSpaces() { while let s = peek(), s == " " || s == "\t" { position += 1 } }

    func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    mutating func key() throws -> String {
        guard let first = peek() else { throw error("a key is missing") }
        if first == "\"" { return try basicString() }
        if first == "'" { return try literalString() }
        var key = ""
        while let s = peek(), s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" {
            key.unicodeScalars.append(s)
            position += 1
        }
        guard !key.isEmpty else { throw error("a key may use letters, digits, _ and -, or be quoted") }
        return key
    }

    mutating func value() throws -> TOMLValue {
        skipSpaces()
        guard let first = peek() else { throw error("a value is missing after '='") }
        switch first {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        case "{": throw error("inline tables are not supported here: use a [table] section")
        default: return try bareValue()
        }
    }

    mutating func array() throws -> TOMLValue {
        position += 1
        var items: [TOMLValue] = []
        while true {
            skipSpaces()
            if peek() == "]" { position += 1; return .array(items) }
            items.append(try value())
            skipSpaces()
            switch next() {
            case ",": continue
            case "]": return .array(items)
            default: throw error("expected ',' or ']' in a list")
            }
        }
    }

    mutating func bareValue() throws -> TOMLValue {
        var text = ""
        while let s = peek(), s != ",", s != "]", s != " ", s != "\t" { text.unicodeScalars.append(s); position += 1 }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if let integer = Int64(digits) { return .integer(integer) }
        if let double = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float(double) }
        if text.count == 10, text.split(separator: "-").count == 3, text.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) { return .date(text) }
        throw error("'\(text)' is not a value: strings need quotes, e.g. \"\(text)\"")
    }

    mutating func basicString() throws -> String {
        position += 1
        var out = ""
        while let s = next() {
            switch s {
            case "\"": return out
            case "\\":
                guard let e = next() else { throw error("a string ends with a lone backslash") }
                switch e {
                case "\"": out += "\""
                case "\\": out += "\\"
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "u", "U":
                    let width = e == "u" ? 4 : 8
                    guard position + width <= scalars.count, let code = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + width)])), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw error("bad \\\(e) escape") }
                    out.unicodeScalars.append(scalar)
                    position += width
                default: throw error("unknown escape '\\\(e)' in a string (use '…' for text with backslashes)")
                }
            default: out.unicodeScalars.append(s)
            }
        }
        throw error("a string is not closed")
    }

    mutating func literalString() throws -> String {
        position += 1
        var out = ""
        while let s = next() {
            if s == "'" { return out }
            out.unicodeScalars.append(s)
        }
        throw error("a string is not closed")
    }
}
