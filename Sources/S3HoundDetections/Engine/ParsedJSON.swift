import Foundation
import S3HoundCore

/// A parsed JSON value, for reading `requestParameters` of configuration calls (policies, ACLs,
/// replication rules, selectors). Lookups are forgiving the way CloudTrail's renderings of XML
/// requests need: keys match case-insensitively, and a single value reads as a one-element list.
public enum ParsedJSON: Hashable, Sendable, Decodable {
    case object([String: ParsedJSON])
    case array([ParsedJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// Parses JSON text; nil when it is not JSON.
    public static func parse(_ text: String) -> ParsedJSON? {
        try? JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ParsedJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: ParsedJSON].self)) }
    }

    /// The member named `key` (exact name first, then ignoring case); nil for non-objects.
    public subscript(key: String) -> ParsedJSON? {
        guard case .object(let members) = self else { return nil }
        if let exact = members[key] { return exact }
        let lower = key.lowercased()
        return members.first { $0.key.lowercased() == lower }?.value
    }

    /// The members of an object (empty otherwise).
    public var members: [String: ParsedJSON] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// A list's elements; a single value is a list of one, `null` an empty list.
    public var list: [ParsedJSON] {
        switch self {
        case .array(let values): return values
        case .null: return []
        default: return [self]
        }
    }

    /// Text of a string, or a number or boolean written as text.
    public var text: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// The texts of a string or a list of strings.
    public var texts: [String] { list.compactMap(\.text) }

    /// A boolean, also from the text `true`/`false` (XML requests arrive as text).
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            switch value.lowercased() { case "true": return true; case "false": return false; default: return nil }
        default: return nil
        }
    }

    /// An integer, also from numeric text.
    public var intValue: Int? {
        switch self {
        case .number(let value): return value.isFinite && abs(value) < 1e15 ? Int(value) : nil
        case .string(let value): return Int(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The value itself when it is an object, or the JSON object a string holds (policies often arrive as
    /// a JSON string inside the request).
    public var objectOrEmbedded: ParsedJSON? {
        switch self {
        case .object: return self
        case .string(let text): if case .object? = ParsedJSON.parse(text) { return ParsedJSON.parse(text) }; return nil
        default: return nil
        }
    }

    /// The first object, depth first, with a member named `key` (ignoring case), looking into JSON strings too.
    public func firstObject(containing key: String) -> ParsedJSON? {
        switch self {
        case .object(let members):
            if self[key] != nil { return self }
            for name in members.keys.sorted() { if let found = members[name]!.firstObject(containing: key) { return found } }
            return nil
        case .array(let values):
            for value in values { if let found = value.firstObject(containing: key) { return found } }
            return nil
        case .string(let text):
            guard text.hasPrefix("{") || text.hasPrefix("["), let parsed = ParsedJSON.parse(text), parsed != self else { return nil }
            return parsed.firstObject(containing: key)
        default:
            return nil
        }
    }
}

/// Parts of ARNs and account ids in policies.
public enum AccountIDs {
    /// The account of an ARN (`arn:aws:iam::999988887777:root` → `999988887777`), or the text itself when it is a
    /// 12-digit account id; nil otherwise (`*`, service names, bucket ARNs, which carry no account).
    public static func account(of text: String) -> String? {
        if isAccountID(text) { return text }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", isAccountID(String(parts[4])) else { return nil }
        return String(parts[4])
    }

    /// True for a 12-digit account id.
    public static func isAccountID(_ text: String) -> Bool { text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// Accounts that are ours for a call: the configured own and trusted accounts, the account the event was
    /// recorded in, the caller's account and the owners of the buckets it names.
    public static func ours(for event: ActivityEvent, configuration: DetectionConfiguration) -> Set<String> {
        var accounts = configuration.ownAccounts.union(configuration.trustedAccounts)
        if let recipient = event.recipientAccountId, !recipient.isEmpty { accounts.insert(recipient) }
        if let caller = event.identity.accountId, isAccountID(caller) { accounts.insert(caller) }
        for resource in event.resources where resource.type == "AWS::S3::Bucket" {
            if let owner = resource.accountId, !owner.isEmpty { accounts.insert(owner) }
        }
        return accounts
    }
}
