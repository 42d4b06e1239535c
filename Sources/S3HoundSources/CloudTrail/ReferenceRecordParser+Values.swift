import Foundation

extension ReferenceRecordParser {
    /// The kind of a JSON value, found by asking the decoder for each shape in turn (objects first:
    /// a failed attempt is a thrown error, and the callers mostly ask about members that are objects).
    enum Kind: Decodable, Equatable {
        case object, array, string, number, bool, null

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .null; return }
            do { _ = try decoder.container(keyedBy: AnyKey.self); self = .object; return } catch DecodingError.typeMismatch {}
            do { _ = try value.decode(String.self); self = .string; return } catch DecodingError.typeMismatch {}
            do { _ = try value.decode(Double.self); self = .number; return } catch DecodingError.typeMismatch {}
            do { _ = try value.decode(Bool.self); self = .bool; return } catch DecodingError.typeMismatch {}
            self = .array
        }
    }

    /// Any JSON value, decoded whole: `requestParameters` is re-encoded from one in canonical form.
    indirect enum Value: Codable, Equatable {
        case object([String: Value])
        case array([Value])
        case string(String)
        case integer(Int64)
        case number(Double)
        case bool(Bool)
        case null

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            switch try Kind(from: decoder) {
            case .object: self = .object(try value.decode([String: Value].self))
            case .array: self = .array(try value.decode([Value].self))
            case .string: self = .string(try value.decode(String.self))
            case .number:
                if let whole = try? value.decode(Int64.self) { self = .integer(whole) } else { self = .number(try value.decode(Double.self)) }
            case .bool: self = .bool(try value.decode(Bool.self))
            case .null: self = .null
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .object(let members): try container.encode(members)
            case .array(let elements): try container.encode(elements)
            case .string(let text): try container.encode(text)
            case .integer(let number): try container.encode(number)
            case .number(let number): try container.encode(number)
            case .bool(let flag): try container.encode(flag)
            case .null: try container.encodeNil()
            }
        }
    }

    /// A text field: a string, or a number or boolean written as text. Objects and arrays are a wrong type.
    struct Text: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            switch try Kind(from: decoder) {
            case .string: text = try value.decode(String.self)
            case .bool: text = try value.decode(Bool.self) ? "true" : "false"
            case .number:
                if let exact = try? value.decode(Decimal.self) { text = exact.description } else { text = "\(try value.decode(Double.self))" }
            case .object, .array, .null: throw wrongType(decoder, "should be a string, number or boolean")
            }
        }
    }

    /// A byte count: a number or numeric string; a fraction or exponent is rounded to a whole count.
    struct Count: Decodable {
        var value: Int64

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let whole = try? single.decode(Int64.self) {
                // JSONDecoder reads 1.0 and 1e2 as whole numbers too, as the fast scanner does.
                guard whole != .min else { throw wrongType(decoder, "is too large") }
                value = whole
                return
            }
            switch try Kind(from: decoder) {
            case .number: value = try Self.rounded(try single.decode(Double.self), decoder)
            case .string: value = try Self.count(in: try single.decode(String.self), decoder)
            default: throw wrongType(decoder, "should be a number")
            }
        }

        /// Text as the fast scanner reads it: `-`, then digits (a whole count that must fit in `Int64`),
        /// or digits followed by anything `Double(_:)` reads (`1.5e3`), rounded.
        private static func count(in text: String, _ decoder: any Decoder) throws -> Int64 {
            let negative = text.hasPrefix("-")
            let unsigned = negative ? text.dropFirst() : Substring(text)
            guard let first = unsigned.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw wrongType(decoder, "should be a number")
            }
            if unsigned.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                guard let magnitude = Int64(unsigned) else { throw wrongType(decoder, "is too large") }
                return negative ? -magnitude : magnitude
            }
            guard let number = Double(text) else { throw wrongType(decoder, "should be a number") }
            return try rounded(number, decoder)
        }

        private static func rounded(_ number: Double, _ decoder: any Decoder) throws -> Int64 {
            guard number.isFinite, abs(number) < 9.2e18 else { throw wrongType(decoder, "should be a number") }
            return Int64(number.rounded())
        }
    }

    /// A boolean, or the strings "true" and "false".
    struct Flag: Decodable {
        var value: Bool

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self) { value = flag; return }
            guard try Kind(from: decoder) == .string else { throw wrongType(decoder, "should be a boolean") }
            switch try single.decode(String.self) {
            case "true": value = true
            case "false": value = false
            default: throw wrongType(decoder, "should be true or false")
            }
        }
    }

    /// A key by name, for reading members the record types do not list.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A type error at the decoder's field, worded like the fast scanner's.
    static func wrongType(_ decoder: any Decoder, _ problem: String) -> DecodingError {
        DecodingError.typeMismatch(Any.self, .init(codingPath: decoder.codingPath, debugDescription: problem))
    }
}

extension KeyedDecodingContainer {
    /// The kind of the member named `key`; nil when there is none.
    func kind(of key: Key) throws -> ReferenceRecordParser.Kind? {
        contains(key) ? try decode(ReferenceRecordParser.Kind.self, forKey: key) : nil
    }

    /// The text field `key` (a string, number or boolean); nil when absent or null.
    func text(_ key: Key) throws -> String? {
        // Strings take JSONDecoder's direct path; anything else goes through `Text`.
        do { return try decodeIfPresent(String.self, forKey: key) } catch DecodingError.typeMismatch {}
        return try decode(ReferenceRecordParser.Text.self, forKey: key).text
    }
}

extension KeyedDecodingContainer where Key == ReferenceRecordParser.AnyKey {
    /// The kind of the member named `name`; nil when there is none.
    func kind(of name: String) throws -> ReferenceRecordParser.Kind? { try kind(of: Key(name)) }
}
