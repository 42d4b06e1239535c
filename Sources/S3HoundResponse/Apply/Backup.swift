import Foundation

/// What an apply replaced, saved before it changed anything: enough for `s3hound rollback` to put every
/// resource back. Holds full access key ids (to restore them), so its file is readable by its owner only.
public struct Backup: Sendable, Hashable, Codable {
    /// The schema of backup files.
    public static let currentSchema = "s3hound.backup.v1"

    /// One resource: its state before the apply and the state the apply gave it.
    public struct Entry: Sendable, Hashable, Codable {
        /// The resource.
        public var target: ChangeTarget
        /// Its state before (nil: absent) — what rollback restores.
        public var before: JSONValue?
        /// The state the apply wrote (nil: deleted) — rollback warns when the resource changed since.
        public var applied: JSONValue?

        /// Creates an entry.
        public init(target: ChangeTarget, before: JSONValue?, applied: JSONValue?) {
            self.target = target
            self.before = before
            self.applied = applied
        }

        enum CodingKeys: String, CodingKey { case target, before, applied }

        /// Reads an entry; `null` states are absent resources.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            target = try container.decode(ChangeTarget.self, forKey: .target)
            before = try container.decodeIfPresent(JSONValue.self, forKey: .before).flatMap { $0 == .null ? nil : $0 }
            applied = try container.decodeIfPresent(JSONValue.self, forKey: .applied).flatMap { $0 == .null ? nil : $0 }
        }

        /// Writes an entry with absent states as explicit `null` ("the bucket had no policy").
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(target, forKey: .target)
            try container.encode(before ?? .null, forKey: .before)
            try container.encode(applied ?? .null, forKey: .applied)
        }
    }

    /// Always `s3hound.backup.v1` for this layout.
    public var schema: String
    /// When it was saved, ISO-8601 UTC.
    public var createdAt: String
    /// The command whose apply it precedes.
    public var kind: ResponsePlan.Kind
    /// The plan's title.
    public var title: String
    /// The account the changes were made in.
    public var account: String?
    /// The region the changes were made in.
    public var region: String
    /// The incident contained, if any.
    public var incidentID: String?
    /// The resources, in the order they were changed.
    public var entries: [Entry]

    /// The backup of a plan's pending changes.
    public init(plan: ResponsePlan, createdAt: Date = Date()) {
        schema = Self.currentSchema
        self.createdAt = Self.timestamp(createdAt)
        kind = plan.kind
        title = plan.title
        account = plan.account
        region = plan.region
        incidentID = plan.incidentID
        entries = plan.pendingChanges.map { Entry(target: $0.target, before: $0.before, applied: $0.after) }
    }

    /// `2026-02-23T04:25:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
