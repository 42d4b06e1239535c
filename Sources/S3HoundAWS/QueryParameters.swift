/// The form fields of a Query-protocol request, in order, with helpers for AWS's list encodings.
///
/// IAM, STS, SNS and CloudWatch number list items under `.member.N` (`AlarmNames.member.1`);
/// EC2 flattens them to `Name.N` (`VpcEndpointId.1`). Numbering starts at 1.
struct QueryParameters: Sendable, Equatable {
    /// The fields, decoded.
    private(set) var fields: [(name: String, value: String)] = []

    init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    static func == (left: QueryParameters, right: QueryParameters) -> Bool {
        left.fields.map(\.name) == right.fields.map(\.name) && left.fields.map(\.value) == right.fields.map(\.value)
    }

    /// Adds a field.
    mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    /// Adds a field when the value is present.
    mutating func add(_ name: String, _ value: String?) { if let value { add(name, value) } }

    /// Adds an integer field when present.
    mutating func add(_ name: String, _ value: Int?) { if let value { add(name, String(value)) } }

    /// Adds `true`/`false` when present.
    mutating func add(_ name: String, _ value: Bool?) { if let value { add(name, value ? "true" : "false") } }

    /// Adds a Query list: `Name.member.1`, `Name.member.2`…
    mutating func addMembers(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() { add("\(name).member.\(index + 1)", value) }
    }

    /// Adds an EC2 list: `Name.1`, `Name.2`…
    mutating func addFlattened(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() { add("\(name).\(index + 1)", value) }
    }

    /// The `application/x-www-form-urlencoded` body, encoded with SigV4's rules.
    var formBody: String {
        fields.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
    }
}
