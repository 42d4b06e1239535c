/// The canonical form of policy documents and statements, for comparing them by meaning.
enum PolicyCanonical {
    /// A document: its statements as a set, other members order-insensitive.
    static func document(_ json: JSONValue) -> JSONValue {
        guard var members = json.objectValue else { return json.unordered }
        let statements = (members["Statement"]?.elements ?? []).map { statement($0, ignoringSid: false) }
        members["Statement"] = JSONValue.array(statements).unordered
        for (key, value) in members where key != "Statement" { members[key] = value.unordered }
        return .object(members)
    }

    /// A statement: value lists as sorted sets, actions lowercased, `"*"` principal as `{"AWS": ["*"]}`,
    /// condition keys lowercased (IAM treats condition keys and action names case-insensitively).
    static func statement(_ json: JSONValue, ignoringSid: Bool) -> JSONValue {
        guard let members = json.objectValue else { return json.unordered }
        var out: [String: JSONValue] = [:]
        for (key, value) in members {
            switch key {
            case "Sid":
                if !ignoringSid { out[key] = value }
            case "Action", "NotAction":
                out[key] = set(value.elements.map { scalarText($0).lowercased() })
            case "Resource", "NotResource":
                out[key] = set(value.elements.map(scalarText))
            case "Principal", "NotPrincipal":
                out[key] = principal(value)
            case "Condition":
                out[key] = condition(value)
            default:
                out[key] = value.unordered
            }
        }
        return .object(out)
    }

    private static func principal(_ value: JSONValue) -> JSONValue {
        if case .string(let text) = value { return ["AWS": set([text])] }
        guard let members = value.objectValue else { return value.unordered }
        return .object(members.mapValues { set($0.elements.map(scalarText)) })
    }

    private static func condition(_ value: JSONValue) -> JSONValue {
        guard let operators = value.objectValue else { return value.unordered }
        return .object(operators.mapValues { block in
            guard let keys = block.objectValue else { return block.unordered }
            var out: [String: JSONValue] = [:]
            for (key, values) in keys {
                let lowered = key.lowercased()
                let merged = (out[lowered]?.strings ?? []) + values.elements.map(scalarText)
                out[lowered] = set(merged)
            }
            return .object(out)
        })
    }

    private static func set(_ values: [String]) -> JSONValue { .strings(Array(Set(values)).sorted()) }

    /// Condition values may be written as booleans or numbers; IAM compares their text.
    private static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): JSONValue.numberText(number)
        default: value.compactText
        }
    }
}
