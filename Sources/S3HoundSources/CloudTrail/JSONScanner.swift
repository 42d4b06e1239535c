import CS3HoundScan
import S3HoundCore

/// A forward-only JSON scanner over one record's bytes: reads the values it is asked for and skips
/// the rest without building a tree. About four times faster than `JSONDecoder` on CloudTrail records.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    var index: Int
    /// Objects and arrays open around the scanner's position (the record itself is 1 inside it).
    private(set) var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, index: Int = 0) { self.bytes = bytes; self.index = index }

    /// The kinds of JSON value, decided by the first byte.
    enum Kind { case object, array, string, number, bool, null }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 } else { return }
        }
    }

    /// The kind of the next value (after whitespace).
    mutating func peekKind() throws -> Kind {
        skipWhitespace()
        guard index < bytes.count else { throw JSONScanError(offset: index, reason: "unexpected end of record") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw JSONScanError(offset: index, reason: "unexpected character '\(printable(bytes[index]))'")
        }
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else {
            throw JSONScanError(offset: index, reason: index < bytes.count ? "expected '\(printable(byte))' but found '\(printable(bytes[index]))'" : "expected '\(printable(byte))' but the record ended")
        }
        index += 1
    }

    /// Iterates the members of an object, calling `body` with each key's raw bytes; `body` must consume the value.
    mutating func forEachMember(_ body: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        depth += 1
        defer { depth -= 1 }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try rawString()
            try expect(UInt8(ascii: ":"))
            if key.hasEscapes {
                // `"event\u004eame"` is the key eventName: compare keys by what they say.
                var name = try JSONScanner.unescape(key.bytes, at: index)
                try name.withUTF8 { try body(&self, UnsafeRawBufferPointer($0)) }
            } else {
                try body(&self, key.bytes)
            }
            skipWhitespace()
            guard index < bytes.count else { throw JSONScanError(offset: index, reason: "object not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw JSONScanError(offset: index, reason: "expected ',' or '}' but found '\(printable(bytes[index]))'")
        }
    }

    /// Iterates the elements of an array; `body` must consume each element.
    mutating func forEachElement(_ body: (inout JSONScanner, Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        depth += 1
        defer { depth -= 1 }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        var position = 0
        while true {
            try body(&self, position)
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw JSONScanError(offset: index, reason: "array not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw JSONScanError(offset: index, reason: "expected ',' or ']' but found '\(printable(bytes[index]))'")
        }
    }

    /// A string's raw bytes between the quotes, and whether it holds escapes.
    struct RawString { var bytes: UnsafeRawBufferPointer; var hasEscapes: Bool }

    mutating func rawString() throws -> RawString {
        var start = 0, end = 0
        var flags: UInt32 = 0
        let status = s3h_quoted_string(base, bytes.count, index, &start, &end, &flags)
        guard status == Int32(S3H_OK) else {
            if start == 0 {
                // No opening quote: the error `expect` gives.
                index = end
                try expect(UInt8(ascii: "\""))
            }
            throw Self.error(status, at: end, stringStart: start)
        }
        index = end + 1
        return RawString(bytes: UnsafeRawBufferPointer(start: bytes.baseAddress! + start, count: end - start),
                         hasEscapes: flags & UInt32(S3H_STRING_ESCAPED) != 0)
    }

    /// The record's first byte, for the C scanning loops.
    private var base: UnsafePointer<UInt8>? { bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) }

    /// Nesting allowed in a record, counted from its top (Foundation's JSONDecoder refuses documents deeper than 512).
    static let maximumDepth = 512

    /// The scan error for a status of the C scanner.
    static func error(_ status: Int32, at offset: Int, stringStart: Int? = nil) -> JSONScanError {
        switch status {
        case Int32(S3H_END): return JSONScanError(offset: stringStart ?? offset, reason: stringStart != nil ? "string not closed" : "unexpected end of record")
        case Int32(S3H_CONTROL): return JSONScanError(offset: offset, reason: "control character inside a string")
        case Int32(S3H_ESCAPE): return JSONScanError(offset: offset, reason: "bad escape in a string")
        case Int32(S3H_NUMBER): return JSONScanError(offset: offset, reason: "bad number")
        case Int32(S3H_LITERAL): return JSONScanError(offset: offset, reason: "invalid literal (expected true, false or null)")
        case Int32(S3H_DEPTH): return JSONScanError(offset: offset, reason: "objects and arrays nested more than \(maximumDepth) deep")
        case Int32(S3H_UTF8): return JSONScanError(offset: offset, reason: "a string holds bytes that are not UTF-8")
        default: return JSONScanError(offset: offset, reason: "unexpected character")
        }
    }

    /// Reads a string value.
    mutating func string(interner: StringInterner? = nil) throws -> String {
        let raw = try rawString()
        if raw.hasEscapes { return try JSONScanner.unescape(raw.bytes, at: index) }
        return interner?.string(raw.bytes) ?? String(decoding: raw.bytes, as: UTF8.self)
    }

    /// Reads a value as text when it is a string, number or boolean; nil for null. Objects and arrays are a type error.
    /// With an `interner`, a string met before is the same `String` as before.
    mutating func scalarText(field: String, interner: StringInterner? = nil) throws -> String? {
        switch try peekKind() {
        case .string: return try string(interner: interner)
        case .null: try skipValue(); return nil
        case .number, .bool:
            let start = index
            try skipValue()
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        case .object, .array:
            throw JSONScanError(offset: index, reason: "field '\(field)' should be a string but is an \(try peekKind() == .object ? "object" : "array")")
        }
    }

    /// Reads a number (integer or float, or a numeric string) as a whole count; nil for null.
    mutating func integer(field: String) throws -> Int64? {
        switch try peekKind() {
        case .null: try skipValue(); return nil
        case .number:
            let start = index
            try skipValue()
            return try JSONScanner.parseNumber(UnsafeRawBufferPointer(rebasing: bytes[start..<index]), field: field, at: start)
        case .string:
            let start = index
            let text = try string()
            var copy = text
            return try copy.withUTF8 { try JSONScanner.parseNumber(UnsafeRawBufferPointer($0), field: field, at: start) }
        default:
            throw JSONScanError(offset: index, reason: "field '\(field)' should be a number")
        }
    }

    /// Reads a boolean (or the strings "true"/"false"); nil for null.
    mutating func boolean(field: String) throws -> Bool? {
        switch try peekKind() {
        case .null: try skipValue(); return nil
        case .bool:
            let value = bytes[index] == UInt8(ascii: "t")
            try skipValue()
            return value
        case .string:
            let text = try string()
            if text == "true" { return true }
            if text == "false" { return false }
            throw JSONScanError(offset: index, reason: "field '\(field)' should be true or false")
        default:
            throw JSONScanError(offset: index, reason: "field '\(field)' should be a boolean")
        }
    }

    /// Skips one value of any kind, checking that it is valid JSON.
    mutating func skipValue() throws {
        var end = 0
        let status = s3h_skip_value(base, bytes.count, index, max(0, Self.maximumDepth - depth), &end)
        guard status == Int32(S3H_OK) else {
            if status == Int32(S3H_UNEXPECTED), end < bytes.count {
                throw JSONScanError(offset: end, reason: "unexpected character '\(printable(bytes[end]))'")
            }
            throw Self.error(status, at: end)
        }
        index = end
    }

    static func parseNumber(_ text: UnsafeRawBufferPointer, field: String, at offset: Int) throws -> Int64 {
        var value: Int64 = 0
        var i = 0
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var digits = 0
        while i < text.count, text[i] >= 48, text[i] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(text[i] - 48))
            guard !o1, !o2 else { throw JSONScanError(offset: offset, reason: "field '\(field)' is too large") }
            value = a
            digits += 1
            i += 1
        }
        guard digits > 0 else { throw JSONScanError(offset: offset, reason: "field '\(field)' should be a number") }
        if i < text.count {
            // A fraction or exponent: `89.0`, `1.5e3`. Fall back to Double for these rare forms.
            guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite, abs(double) < 9.2e18 else {
                throw JSONScanError(offset: offset, reason: "field '\(field)' should be a number")
            }
            return Int64(double.rounded())
        }
        return negative ? -value : value
    }

    static func unescape(_ raw: UnsafeRawBufferPointer, at offset: Int) throws -> String {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            guard i + 1 < raw.count else { throw JSONScanError(offset: offset, reason: "bad escape at end of string") }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(raw, i) else { throw JSONScanError(offset: offset, reason: "bad \\u escape") }
                i += 4
                if (0xD800...0xDBFF).contains(code), i + 5 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                   let low = hex4(raw, i + 2), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw JSONScanError(offset: offset, reason: "bad escape '\\\(printable(e))'")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt32? {
        guard at + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = raw[at + k]
            let digit: UInt32
            switch c {
            case 48...57: digit = UInt32(c - 48)
            case 65...70: digit = UInt32(c - 55)
            case 97...102: digit = UInt32(c - 87)
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }
}

/// Why a record could not be read, with the byte offset inside the record.
struct JSONScanError: Error {
    var offset: Int
    var reason: String
}

func printable(_ byte: UInt8) -> String {
    (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
}
