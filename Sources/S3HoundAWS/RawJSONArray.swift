import Foundation

/// Cuts the elements of an array member out of a JSON object as their original bytes, undecoded.
///
/// GuardDuty and Macie findings are large, versioned documents that another module parses; handing over the
/// exact bytes AWS sent (rather than decoding and re-encoding them) keeps every field and number as it was.
enum RawJSONArray {
    /// The elements of the top-level member `key` (which must be an array), or `[]` when the member is absent
    /// or null. Throws when the text is not a JSON object.
    static func elements(ofMember key: String, in data: Data) throws -> [Data] {
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: "{"))
        while true {
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: "}") { return [] }
            let name = try scanner.string()
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: ":"))
            scanner.skipWhitespace()
            if name == key {
                if scanner.peek == UInt8(ascii: "n") { return [] }
                return try scanner.arrayElements().map { Data(bytes[$0]) }
            }
            try scanner.skipValue()
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: ",") { scanner.index += 1 }
        }
    }

    /// The JSON text was not what it should be.
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let expected: String
        var description: String { "invalid JSON at byte \(offset): expected \(expected)" }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            guard peek == byte else { throw SyntaxError(offset: index, expected: "'\(Character(UnicodeScalar(byte)))'") }
            index += 1
        }

        /// Reads a string, decoding escapes only when there are any.
        mutating func string() throws -> String {
            let start = index
            try skipString()
            let raw = Array(bytes[start..<index])
            if !raw.contains(UInt8(ascii: "\\")) { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
            guard let decoded = try? JSONDecoder().decode(String.self, from: Data(raw)) else {
                throw SyntaxError(offset: start, expected: "a string")
            }
            return decoded
        }

        mutating func skipString() throws {
            try expect(UInt8(ascii: "\""))
            while let byte = peek {
                index += 1
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { return }
            }
            throw SyntaxError(offset: index, expected: "the end of a string")
        }

        /// Skips one value of any kind, nested ones included.
        mutating func skipValue() throws {
            guard let byte = peek else { throw SyntaxError(offset: index, expected: "a value") }
            switch byte {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let current = peek {
                    switch current {
                    case UInt8(ascii: "\""): try skipString(); continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    index += 1
                    if depth == 0 { return }
                }
                throw SyntaxError(offset: index, expected: "the end of an object or array")
            default:
                let start = index
                while let current = peek, !",}] \n\r\t".utf8.contains(current) { index += 1 }
                if index == start { throw SyntaxError(offset: index, expected: "a value") }
            }
        }

        /// The byte ranges of the elements of the array starting here.
        mutating func arrayElements() throws -> [Range<Int>] {
            try expect(UInt8(ascii: "["))
            var ranges: [Range<Int>] = []
            while true {
                skipWhitespace()
                if peek == UInt8(ascii: "]") { index += 1; return ranges }
                let start = index
                try skipValue()
                ranges.append(start..<index)
                skipWhitespace()
                if peek == UInt8(ascii: ",") { index += 1 } else if peek != UInt8(ascii: "]") {
                    throw SyntaxError(offset: index, expected: "',' or ']'")
                }
            }
        }
    }
}
