/// Writing JSON values as YAML (block style), for CloudFormation templates.
///
/// Every string value is written double-quoted with JSON's escapes, which YAML reads the same way, so no
/// value can turn into a number, a boolean or a YAML tag by accident.
extension JSONValue {
    /// The value as a YAML document, keys in `keyOrder` first, then sorted; ends with a newline.
    public func yamlText(keyOrder: [String] = []) -> String {
        var lines: [String] = []
        switch self {
        case .object(let members) where !members.isEmpty:
            writeYAMLMembers(members, into: &lines, indent: "", keyOrder: keyOrder)
        case .array(let values) where !values.isEmpty:
            writeYAMLItems(values, into: &lines, indent: "", keyOrder: keyOrder)
        default:
            lines.append(yamlScalar)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func writeYAMLMembers(_ members: [String: JSONValue], into lines: inout [String], indent: String, keyOrder: [String]) {
        for key in Self.orderedKeys(members, keyOrder) {
            let value = members[key]!
            let name = Self.yamlKey(key)
            switch value {
            case .object(let child) where !child.isEmpty:
                lines.append(indent + name + ":")
                value.writeYAMLMembers(child, into: &lines, indent: indent + "  ", keyOrder: keyOrder)
            case .array(let items) where !items.isEmpty:
                lines.append(indent + name + ":")
                value.writeYAMLItems(items, into: &lines, indent: indent + "  ", keyOrder: keyOrder)
            default:
                lines.append(indent + name + ": " + value.yamlScalar)
            }
        }
    }

    private func writeYAMLItems(_ items: [JSONValue], into lines: inout [String], indent: String, keyOrder: [String]) {
        for item in items {
            switch item {
            case .object(let members) where !members.isEmpty:
                var child: [String] = []
                item.writeYAMLMembers(members, into: &child, indent: indent + "  ", keyOrder: keyOrder)
                child[0] = indent + "- " + child[0].dropFirst(indent.count + 2)
                lines += child
            case .array(let values) where !values.isEmpty:
                lines.append(indent + "-")
                item.writeYAMLItems(values, into: &lines, indent: indent + "  ", keyOrder: keyOrder)
            default:
                lines.append(indent + "- " + item.yamlScalar)
            }
        }
    }

    /// Scalars and empty collections on one line.
    private var yamlScalar: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .array: "[]"
        case .object: "{}"
        default: compactText
        }
    }

    /// Plain keys when they cannot be misread (`Type`, `Fn::If`, `AWS::Region`), else quoted.
    static func yamlKey(_ key: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.:".unicodeScalars.contains($0)) }),
              !key.hasSuffix(":"), !key.contains(": "), !reserved.contains(key.lowercased())
        else { return quoted(key) }
        return key
    }
}
