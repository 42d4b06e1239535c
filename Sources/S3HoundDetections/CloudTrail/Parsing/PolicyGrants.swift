/// Who a resource policy lets in that should not be: everyone without a restricting condition, or
/// principals of accounts that are not ours. Reads the parsed policy statement by statement.
public enum PolicyGrants {
    /// One risky Allow statement.
    public struct Grant: Hashable, Sendable {
        /// `Sid`, or `#n` (1-based position) when it has none.
        public var statement: String
        /// `everyone` or the foreign account ids.
        public var grantees: [String]
        /// True when the statement opens the resource to everyone.
        public var isPublic: Bool
        /// `Action` (or `all but …` for `NotAction`).
        public var actions: [String]

        /// "statement 'PublicRead' allows s3:GetObject to everyone (Principal \"*\", no restricting condition)".
        public var phrase: String {
            let who = isPublic ? "everyone (Principal \"*\", no restricting condition)" : "account \(grantees.joined(separator: ", "))"
            return "statement '\(statement)' allows \(actions.isEmpty ? "(no action)" : actions.joined(separator: ", ")) to \(who)"
        }
    }

    /// The policy document in request parameters: `bucketPolicy` / `policy` (an object or a JSON string), or
    /// the first object holding a `Statement`.
    public static func policy(in parameters: ParsedJSON) -> ParsedJSON? {
        for name in ["bucketPolicy", "policy", "Policy"] {
            if let document = parameters[name]?.objectOrEmbedded, document["Statement"] != nil { return document }
        }
        return parameters.firstObject(containing: "Statement")
    }

    /// The risky Allow statements of a policy; `ours` are the accounts whose principals may be granted.
    public static func risky(_ policy: ParsedJSON, ours: Set<String>) -> [Grant] {
        var grants: [Grant] = []
        for (position, statement) in (policy["Statement"]?.list ?? []).enumerated() {
            guard statement["Effect"]?.text?.lowercased() == "allow" else { continue }
            let name = statement["Sid"]?.text.flatMap { $0.isEmpty ? nil : $0 } ?? "#\(position + 1)"
            let actions = statement["Action"]?.texts ?? (statement["NotAction"].map { ["all but " + $0.texts.joined(separator: ", ")] } ?? [])
            let condition = ConditionScope(statement["Condition"])
            var foreign: Set<String> = []
            var everyone = statement["NotPrincipal"] != nil
            if let principal = statement["Principal"] {
                if principal.text == "*" { everyone = true }
                for value in principal["AWS"]?.texts ?? [] {
                    if value == "*" { everyone = true } else if let account = AccountIDs.account(of: value), !ours.contains(account) { foreign.insert(account) }
                }
            }
            if everyone {
                switch condition.restriction(ours: ours) {
                case .none: grants.append(Grant(statement: name, grantees: ["everyone"], isPublic: true, actions: actions))
                case .accounts(let accounts): foreign.formUnion(accounts)
                case .restricted: break
                }
            }
            if !foreign.isEmpty { grants.append(Grant(statement: name, grantees: foreign.sorted(), isPublic: false, actions: actions)) }
        }
        return grants
    }
}

/// What a statement's `Condition` does to a grant to everyone.
struct ConditionScope {
    enum Restriction: Equatable { case none, restricted, accounts(Set<String>) }

    /// Condition keys that pin callers to a network or an organisation when used with a positive operator.
    static let networkAndOrgKeys: Set<String> = ["aws:sourcevpce", "aws:sourcevpc", "aws:principalorgid", "aws:principalorgpaths",
                                                 "aws:principalservicename", "aws:vpcsourceip"]
    /// Condition keys whose values are accounts or ARNs of accounts.
    static let accountKeys: Set<String> = ["aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "aws:principalarn",
                                           "aws:sourcearn", "s3:dataaccesspointaccount"]

    private var entries: [(op: String, key: String, values: [String])] = []

    init(_ condition: ParsedJSON?) {
        for (op, block) in condition?.members ?? [:] {
            for (key, values) in block.members { entries.append((op.lowercased(), key.lowercased(), values.texts)) }
        }
    }

    /// `restricted` when a positive condition pins callers to a VPC, organisation, address range or our accounts;
    /// `accounts` when it pins them to accounts that include foreign ones; `none` otherwise.
    func restriction(ours: Set<String>) -> Restriction {
        var restricted = false
        var foreign: Set<String> = []
        for entry in entries {
            // Negated operators (StringNotEquals, NotIpAddress) and IfExists variants let callers without the key in.
            if entry.op.contains("not") || entry.op.hasSuffix("ifexists") || entry.op == "null" { continue }
            if Self.networkAndOrgKeys.contains(entry.key) {
                if !entry.values.isEmpty && !entry.values.contains("*") { restricted = true }
            } else if entry.key == "aws:sourceip" {
                let open = entry.values.contains { $0 == "0.0.0.0/0" || $0 == "::/0" || $0.hasSuffix("/0") }
                if !entry.values.isEmpty && !open { restricted = true }
            } else if Self.accountKeys.contains(entry.key) {
                let accounts = entry.values.map { AccountIDs.account(of: $0) }
                guard !accounts.isEmpty, accounts.allSatisfy({ $0 != nil }) else { continue }
                let outside = Set(accounts.compactMap { $0 }).subtracting(ours)
                if outside.isEmpty { restricted = true } else { foreign.formUnion(outside) }
            }
        }
        if !foreign.isEmpty { return .accounts(foreign) }
        return restricted ? .restricted : .none
    }
}
