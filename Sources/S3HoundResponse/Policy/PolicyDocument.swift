/// An IAM policy document (a bucket policy, a VPC endpoint policy), held parsed so statements can be added
/// without touching the others, and compared by meaning.
public struct PolicyDocument: Sendable, Hashable {
    /// The policy language version S3Hound writes into new documents.
    public static let currentVersion = "2012-10-17"

    /// The document as parsed: an object with `Statement` (an array, or one statement object) and usually `Version`.
    public private(set) var json: JSONValue

    /// Wraps a parsed document; throws when it is not a JSON object.
    public init(json: JSONValue, source: String) throws {
        guard case .object = json else {
            throw ResponseError.invalidJSON(source: source, detail: "a policy document is a JSON object with a Statement list")
        }
        self.json = json
    }

    /// Parses a document's text (as GetBucketPolicy or DescribeVpcEndpoints return it).
    public init(text: String, source: String) throws {
        try self.init(json: try JSONValue.parse(text, source: source), source: source)
    }

    /// A document with no statements yet.
    public static var empty: PolicyDocument {
        // Force-try is safe: the literal is an object.
        try! PolicyDocument(json: ["Version": .string(currentVersion), "Statement": []], source: "empty policy")
    }

    /// The statements, whether `Statement` holds an array or a single object.
    public var statements: [JSONValue] { json["Statement"]?.elements ?? [] }

    /// The statement with this `Sid`, if any.
    public func statement(withSid sid: String) -> JSONValue? {
        statements.first { $0["Sid"]?.stringValue == sid }
    }

    /// Adding a statement: the new document, or why nothing changes.
    public enum Addition: Sendable, Hashable {
        /// The statement was appended; every existing statement is kept as it was.
        case added(PolicyDocument)
        /// A statement with the same meaning is already there (with this `Sid`, or any `Sid`): nothing to do.
        case alreadyPresent
        /// A different statement already uses the `Sid`: S3Hound will not rewrite it.
        case sidInUse(existing: JSONValue)
    }

    /// Appends `statement` unless one with the same meaning is present; never drops or rewrites a statement.
    /// A single-object `Statement` becomes an array holding it and the new one.
    public func adding(_ statement: JSONValue) -> Addition {
        let canonical = PolicyCanonical.statement(statement, ignoringSid: true)
        if statements.contains(where: { PolicyCanonical.statement($0, ignoringSid: true) == canonical }) {
            return .alreadyPresent
        }
        if let sid = statement["Sid"]?.stringValue, let existing = self.statement(withSid: sid) {
            return .sidInUse(existing: existing)
        }
        var members = json.objectValue ?? [:]
        members["Statement"] = .array(statements + [statement])
        if members["Version"] == nil { members["Version"] = .string(Self.currentVersion) }
        var copy = self
        copy.json = .object(members)
        return .added(copy)
    }

    /// True when both documents grant and deny the same: statement order, list order, single values versus
    /// one-element lists, action case and condition-key case do not matter.
    public func isEquivalent(to other: PolicyDocument) -> Bool {
        PolicyCanonical.document(json) == PolicyCanonical.document(other.json)
    }
}
