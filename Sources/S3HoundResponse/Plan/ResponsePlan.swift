/// What a `setup`, `contain` or `rollback` would change: an ordered list of changes, in the order they are
/// applied, with notes for the reader. A value: planning reads, applying writes.
public struct ResponsePlan: Sendable, Hashable, Codable {
    /// The command a plan belongs to.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Deploying detection plumbing.
        case setup
        /// Containing an incident.
        case contain
        /// Restoring a backup.
        case rollback
    }

    /// The command it belongs to.
    public var kind: Kind
    /// What it is for, e.g. `Containment of INC-20260223-4f2a9c`.
    public var title: String
    /// The AWS account, when known.
    public var account: String?
    /// The region the changes are made in.
    public var region: String
    /// The caller's ARN, when known.
    public var caller: String?
    /// The incident contained, when there is one.
    public var incidentID: String?
    /// Every resource considered, in apply order; some may need no change.
    public var changes: [PlannedChange]
    /// Things the reader should know: what was skipped and why, what to check first.
    public var notes: [String]

    /// Creates a plan.
    public init(kind: Kind, title: String, account: String? = nil, region: String, caller: String? = nil,
                incidentID: String? = nil, changes: [PlannedChange] = [], notes: [String] = []) {
        self.kind = kind
        self.title = title
        self.account = account
        self.region = region
        self.caller = caller
        self.incidentID = incidentID
        self.changes = changes
        self.notes = notes
    }

    /// The changes that actually change something.
    public var pendingChanges: [PlannedChange] { changes.filter(\.isChange) }

    /// True when applying would change nothing.
    public var isEmpty: Bool { pendingChanges.isEmpty }
}
