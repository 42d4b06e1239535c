import Foundation
import S3HoundCore

/// Why one finding could not be mapped: a required field is missing or a field has the wrong JSON type.
struct FindingMappingError: Error {
    /// What is wrong, naming the field, without a final full stop: "`service.count` should be a number but is text".
    var reason: String
}

/// Collects problems that do not stop a finding being read (an oversized field that was ignored).
final class FindingNotes {
    /// The longest string field read; longer ones are ignored and noted.
    static let maximumStringBytes = 64 * 1024

    private(set) var notes: [String] = []

    func note(_ text: String) { notes.append(text) }
}

/// A JSON object from `JSONSerialization` read with case-insensitive keys — AWS writes the same finding in
/// PascalCase (`get-findings`) and camelCase (EventBridge, exports) — and typed accessors that throw a
/// `FindingMappingError` naming the field when a value has the wrong type. `null` reads as absent.
struct FindingJSON {
    /// The object's fields as `JSONSerialization` gave them.
    let fields: [String: Any]
    /// Dotted path of this object in the finding, for messages (`service.action`); empty at the top.
    let path: String
    /// Where oversized-field notes go.
    let notes: FindingNotes

    init(_ fields: [String: Any], path: String = "", notes: FindingNotes) {
        self.fields = fields; self.path = path; self.notes = notes
    }

    /// The raw value for a key, matched exactly first and then ignoring case; nil for absent or `null`.
    func raw(_ key: String) -> Any? {
        var found = fields[key]
        if found == nil {
            for (name, value) in fields where Self.equalIgnoringASCIICase(name, key) {
                found = value
                break
            }
        }
        if found is NSNull { return nil }
        return found
    }

    /// True when two keys are the same but for the case of ASCII letters (`AccountId`, `accountId`, `ACCOUNTID`).
    static func equalIgnoringASCIICase(_ left: String, _ right: String) -> Bool {
        let a = left.utf8, b = right.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
        }
    }

    /// True when the key is present (in any case) with a non-null value.
    func has(_ key: String) -> Bool { raw(key) != nil }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private func wrongType(_ key: String, expected: String, value: Any) -> FindingMappingError {
        FindingMappingError(reason: "`\(fieldPath(key))` should be \(expected) but is \(Self.describe(value))")
    }

    /// A string field; throws for a non-string value; an oversized value is noted and read as absent.
    func string(_ key: String) throws -> String? {
        guard let value = raw(key) else { return nil }
        guard let text = value as? String else { throw wrongType(key, expected: "text", value: value) }
        return checkedSize(text, key)
    }

    /// A string field that must be present and non-empty.
    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw FindingMappingError(reason: "`\(fieldPath(key))` is missing (a finding needs an id, a type and a creation time)")
        }
        return text
    }

    /// A number field; numeric text (`"8.0"`) is accepted; throws for anything else.
    func double(_ key: String) throws -> Double? {
        guard let value = raw(key) else { return nil }
        if let number = value as? NSNumber, !Self.isBoolean(number) { return number.doubleValue }
        if let text = value as? String, let number = Double(text.trimmingCharacters(in: .whitespaces)) { return number }
        throw wrongType(key, expected: "a number", value: value)
    }

    /// A whole-number field (fractions are rounded down); throws for anything else.
    func int(_ key: String) throws -> Int? {
        guard let number = try double(key) else { return nil }
        guard number.isFinite, abs(number) < 9e15 else { throw FindingMappingError(reason: "`\(fieldPath(key))` is out of range") }
        return Int(number)
    }

    /// A boolean field; `"true"`/`"false"` text is accepted; throws for anything else.
    func bool(_ key: String) throws -> Bool? {
        guard let value = raw(key) else { return nil }
        if let number = value as? NSNumber, Self.isBoolean(number) { return number.boolValue }
        if let text = value as? String {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        throw wrongType(key, expected: "true or false", value: value)
    }

    /// A time field: ISO-8601 text, or a number of seconds (or milliseconds, when that large) since the epoch.
    func time(_ key: String) throws -> EventTime? {
        guard let value = raw(key) else { return nil }
        if let text = value as? String {
            guard let text = checkedSize(text, key) else { return nil }
            guard let time = EventTime(iso8601: text.trimmingCharacters(in: .whitespaces)) else {
                throw FindingMappingError(reason: "`\(fieldPath(key))` is not an ISO-8601 time: \(Self.excerpt(text))")
            }
            return time
        }
        if let number = value as? NSNumber, !Self.isBoolean(number) {
            let seconds = number.doubleValue
            guard seconds.isFinite, seconds >= 0, seconds < 1e14 else {
                throw FindingMappingError(reason: "`\(fieldPath(key))` is not a usable time: \(number)")
            }
            return seconds >= 1e11 ? EventTime(millisecondsSinceEpoch: Int64(seconds))
                                   : EventTime(millisecondsSinceEpoch: Int64(seconds * 1000))
        }
        throw wrongType(key, expected: "an ISO-8601 time", value: value)
    }

    /// A time field that must be present.
    func requiredTime(_ key: String) throws -> EventTime {
        guard let time = try time(key) else {
            throw FindingMappingError(reason: "`\(fieldPath(key))` is missing (a finding needs an id, a type and a creation time)")
        }
        return time
    }

    /// A nested object; throws for a non-object value.
    func object(_ key: String) throws -> FindingJSON? {
        guard let value = raw(key) else { return nil }
        guard let fields = value as? [String: Any] else { throw wrongType(key, expected: "an object", value: value) }
        return FindingJSON(fields, path: fieldPath(key), notes: notes)
    }

    /// An array of objects; throws when the value or one of its elements is not what it should be.
    func objects(_ key: String) throws -> [FindingJSON] {
        guard let value = raw(key) else { return [] }
        guard let items = value as? [Any] else { throw wrongType(key, expected: "a list", value: value) }
        var result: [FindingJSON] = []
        result.reserveCapacity(items.count)
        for (position, item) in items.enumerated() where !(item is NSNull) {
            guard let fields = item as? [String: Any] else {
                throw wrongType("\(key)[\(position)]", expected: "an object", value: item)
            }
            result.append(FindingJSON(fields, path: fieldPath("\(key)[\(position)]"), notes: notes))
        }
        return result
    }

    /// An array of strings; throws when the value or one of its elements is not text.
    func strings(_ key: String) throws -> [String] {
        guard let value = raw(key) else { return [] }
        guard let items = value as? [Any] else { throw wrongType(key, expected: "a list", value: value) }
        var result: [String] = []
        for (position, item) in items.enumerated() where !(item is NSNull) {
            guard let text = item as? String else { throw wrongType("\(key)[\(position)]", expected: "text", value: item) }
            if let text = checkedSize(text, "\(key)[\(position)]") { result.append(text) }
        }
        return result
    }

    private func checkedSize(_ text: String, _ key: String) -> String? {
        let size = text.utf8.count
        guard size > FindingNotes.maximumStringBytes else { return text }
        notes.note("`\(fieldPath(key))` is \(size) bytes, over the \(FindingNotes.maximumStringBytes / 1024) KiB limit for one field; it was ignored")
        return nil
    }

    /// True for the `NSNumber`s `JSONSerialization` makes from `true`/`false`.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || String(describing: type(of: number)).contains("Boolean")
    }

    /// What a JSON value is, in words, for messages.
    static func describe(_ value: Any) -> String {
        switch value {
        case let number as NSNumber: return isBoolean(number) ? "true/false" : "a number"
        case is String: return "text"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "null"
        }
    }

    /// The first 80 characters of a text, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 80 ? "\"\(text)\"" : "\"\(text.prefix(80))…\""
    }
}
