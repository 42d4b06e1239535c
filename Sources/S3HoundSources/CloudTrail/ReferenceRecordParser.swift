import Foundation
import S3HoundCore

/// Reads CloudTrail records with Foundation's JSON reader: the plain, slow yardstick that
/// `CloudTrailRecordParser` (the fast scanner) is tested against, chosen with `hunt --json-parser reference`.
/// `JSONSerialization` checks the whole value (JSONDecoder checks a string or number only when it is
/// decoded), then `JSONDecoder` decodes the fields into `Decodable` types.
///
/// It reads the fields the fast scanner reads, by the same rules: one value is a record, an EventBridge
/// envelope (its `detail` object is read when the envelope has no `eventName`) or a `{"Records":[…]}`
/// object (each element is read as a value of its own); text fields take strings, numbers and booleans;
/// byte counts take numbers and numeric strings, floats rounded; `readOnly` takes booleans and the
/// strings "true"/"false"; `null` is absent. A record fails without `eventName`, without an ISO-8601
/// `eventTime`, with a wrong type in a field it reads, or with invalid JSON anywhere in it.
///
/// Where it differs from the fast scanner (`ReferenceParserTests` holds an example of each):
/// - failure offsets are 0 (the start of the value handed in) and the reasons are worded differently;
/// - `requestParametersJSON` is the same JSON re-encoded by `canonicalJSON(_:)` (sorted keys, no white
///   space), not the record's own bytes, which `JSONDecoder` does not expose;
/// - a number in a text field reads as `JSONDecoder` reads it (`1.50` gives "1.5", `1e2` gives "100");
/// - with duplicate keys the first wins (the fast scanner keeps the last); `Host` wins over `host` and
///   `ARN` over `arn`; `additionalEventData.SSEApplied` wins over the SSE-C request header in any order;
/// - Foundation rejects some JSON the grammar allows: lone surrogate escapes (`\ud83d`), numbers beyond
///   `Double` (`1e400`), nesting deeper than 512 counted from the top of the value; and accepts some it
///   does not: a comma before a closing bracket, a leading byte order mark;
/// - the whole input must be the value: bytes after it fail (the record splitter never leaves any);
/// - invalid UTF-8 fails, and escapes in keys and in `eventTime` are decoded before they are compared.
enum ReferenceRecordParser {
    /// Parses one top-level value; calls `emit` once per record it holds.
    static func parse(_ bytes: UnsafeRawBufferPointer, emit: (CloudTrailRecordParser.Outcome) -> Void) {
        let data = Data(bytes)
        do {
            // JSONDecoder checks a string or number only when it is decoded; JSONSerialization, Foundation's
            // other reader of the same parser, checks the whole value first (escapes, UTF-8, numbers, depth).
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            try JSONDecoder().decode(TopLevel.self, from: data).outcomes.forEach(emit)
        } catch {
            emit(.failure(offset: 0, reason: "invalid JSON: \(describe(error))"))
        }
    }

    /// `text` parsed and written again with sorted keys and no white space; nil when it is not JSON.
    static func canonicalJSON(_ text: String) -> String? {
        guard let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)) else { return nil }
        return canonicalJSON(value)
    }

    /// A decoded value written with sorted keys and no white space.
    static func canonicalJSON(_ value: Value) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `event` with its `requestParametersJSON` in canonical form, so events from both parsers compare with `==`.
    static func comparable(_ event: ActivityEvent) -> ActivityEvent {
        var copy = event
        copy.requestParametersJSON = event.requestParametersJSON.map { canonicalJSON($0) ?? "not JSON: \($0)" }
        return copy
    }

    /// A decoding error in a sentence: the field's path and what was wrong.
    static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error {
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c),
             DecodingError.keyNotFound(_, let c), DecodingError.dataCorrupted(let c):
            context = c
        default:
            // JSONSerialization's errors carry their sentence in the debug description.
            return ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        let underlying = context.underlyingError.map { " (\($0))" } ?? ""
        return (path.isEmpty ? "" : "field '\(path)': ") + context.debugDescription + underlying
    }

    /// One value as the fast scanner sees one: a record, an envelope around one, or a `Records` wrapper.
    /// Its outcomes stand alone: a bad record inside `Records` does not fail its neighbours.
    struct TopLevel: Decodable {
        var outcomes: [CloudTrailRecordParser.Outcome]

        init(from decoder: any Decoder) {
            do {
                outcomes = try Self.read(decoder)
            } catch {
                outcomes = [.failure(offset: 0, reason: ReferenceRecordParser.describe(error))]
            }
        }

        private static func read(_ decoder: any Decoder) throws -> [CloudTrailRecordParser.Outcome] {
            guard try Kind(from: decoder) == .object else { return [.failure(offset: 0, reason: "a record must be a JSON object")] }
            // The value's own fields are read (and type-checked) even when it turns out to be a wrapper.
            let record = try Record(from: decoder)
            let members = try decoder.container(keyedBy: AnyKey.self)
            if record.eventName == nil, try members.kind(of: "Records") == .array {
                var elements = try members.nestedUnkeyedContainer(forKey: AnyKey("Records"))
                var outcomes: [CloudTrailRecordParser.Outcome] = []
                while !elements.isAtEnd { outcomes += try elements.decode(TopLevel.self).outcomes }
                return outcomes
            }
            if record.eventName == nil, try members.kind(of: "detail") == .object {
                return try members.decode(TopLevel.self, forKey: AnyKey("detail")).outcomes
            }
            return [record.outcome]
        }
    }
}
