/// One change of a plan: which resource, what it is now and what it will be.
///
/// `before` and `after` are the resource's state as JSON (nil: absent — no bucket policy, no such alarm).
/// When they are equal the resource is already as wanted and applying the plan leaves it alone.
public struct PlannedChange: Sendable, Hashable, Codable {
    /// The resource.
    public var target: ChangeTarget
    /// What the change does, in one line (`add statement S3HoundContainDenyOutsideVpce`).
    public var summary: String
    /// The state now (nil: absent).
    public var before: JSONValue?
    /// The state after applying (nil: absent, i.e. delete it).
    public var after: JSONValue?
    /// Why this change needs care, for the reader (empty for most).
    public var warnings: [String]

    /// Creates a change.
    public init(target: ChangeTarget, summary: String, before: JSONValue?, after: JSONValue?, warnings: [String] = []) {
        self.target = target
        self.summary = summary
        self.before = before
        self.after = after
        self.warnings = warnings
    }

    /// A resource that is already as wanted.
    public static func unchanged(_ target: ChangeTarget, _ summary: String, state: JSONValue?) -> PlannedChange {
        PlannedChange(target: target, summary: summary, before: state, after: state)
    }

    /// True when applying changes the resource.
    public var isChange: Bool { before != after }
}
