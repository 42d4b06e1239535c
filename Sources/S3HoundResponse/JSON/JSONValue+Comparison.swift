/// Comparing JSON values by meaning rather than by text.
extension JSONValue {
    /// The value with every array sorted and de-duplicated, recursively: for documents where order does not
    /// matter (AWS policies, alarm actions, event patterns).
    public var unordered: JSONValue {
        switch self {
        case .array(let values):
            let canonical = values.map(\.unordered)
            var seen = Set<String>()
            return .array(canonical.sorted { $0.compactText < $1.compactText }.filter { seen.insert($0.compactText).inserted })
        case .object(let members):
            return .object(members.mapValues(\.unordered))
        default:
            return self
        }
    }

    /// True when every member of `self` is in `actual` with the same meaning, recursively: AWS adds defaults
    /// and read-only fields to what it stores (`ExcludeManagementEventSources: []`, an alarm's state), so a
    /// read-back is checked to contain what was written. Arrays match element for element, in any order, and
    /// must have as many elements (an extra selector or target is a difference, not a default).
    public func isContained(in actual: JSONValue) -> Bool {
        switch (self, actual) {
        case (.object(let expected), .object(let found)):
            return expected.allSatisfy { key, value in
                guard let other = found[key] else { return value.isEmptyCollection || value == .null }
                return value.isContained(in: other)
            }
        case (.array(let expected), .array(let found)):
            guard expected.count == found.count else { return false }
            var remaining = found
            for value in expected {
                guard let index = remaining.firstIndex(where: { value.isContained(in: $0) }) else { return false }
                remaining.remove(at: index)
            }
            return true
        case (.number(let a), .number(let b)):
            return a == b
        case (.string(let a), .number(let b)), (.number(let b), .string(let a)):
            // Some APIs answer numbers as strings (Query protocol XML): 1000 and "1000" mean the same.
            return Double(a) == b
        case (.string(let a), .bool(let b)), (.bool(let b), .string(let a)):
            return a.lowercased() == (b ? "true" : "false")
        default:
            return self == actual
        }
    }

    private var isEmptyCollection: Bool {
        switch self {
        case .array(let values): values.isEmpty
        case .object(let members): members.isEmpty
        default: false
        }
    }
}
