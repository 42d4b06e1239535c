/// Plans putting back what a backup saved: each resource, last changed first, from its state now to its
/// state before the apply ("no policy" deletes the policy, a key gets its old status back).
public struct RollbackPlanner: Sendable {
    /// Where the resources are read.
    public var backend: any ResponseBackend
    /// The region the backend works in.
    public var region: String

    /// Creates a planner.
    public init(backend: any ResponseBackend, region: String) {
        self.backend = backend
        self.region = region
    }

    /// The plan restoring `backup` (read from `path`, for the title). Refuses a backup of another account.
    public func plan(_ backup: Backup, path: String) async throws -> ResponsePlan {
        let caller = try await backend.callerIdentity()
        if let account = backup.account, account != caller.account {
            throw ResponseError.refused("\(path) was saved in account \(account), but these credentials are for account \(caller.account): use --profile for account \(account)")
        }
        if backup.region != region {
            throw ResponseError.refused("\(path) was saved in region \(backup.region), not \(region): run with --region \(backup.region)")
        }
        var plan = ResponsePlan(kind: .rollback, title: "Rollback of \(backup.title) (backup \(path), saved \(backup.createdAt))",
                                account: caller.account, region: region, caller: caller.arn, incidentID: backup.incidentID)
        for entry in backup.entries.reversed() {
            let current = try await entry.target.currentState(in: backend)
            if entry.target.sameState(current, entry.before) {
                plan.changes.append(.unchanged(entry.target, "already as saved", state: current))
                continue
            }
            var warnings: [String] = []
            if !entry.target.sameState(current, entry.applied) {
                warnings.append("it changed after S3Hound applied the backup's change: restoring the saved state also undoes those later edits (see the diff)")
            }
            if case .accessKey = entry.target, entry.before?["Status"]?.stringValue == "Active" {
                warnings.append("this reactivates the key: do it only once you are sure it is no longer in the wrong hands (rotate it instead if in doubt)")
            }
            plan.changes.append(PlannedChange(target: entry.target, summary: Self.summary(entry), before: current,
                                              after: entry.before, warnings: warnings))
        }
        return plan
    }

    private static func summary(_ entry: Backup.Entry) -> String {
        switch (entry.target, entry.before) {
        case (.accessKey, let before?): "set status back to \(before["Status"]?.stringValue ?? "?")"
        case (.bucketPolicy, nil): "delete the bucket policy (the bucket had none)"
        case (.endpointPolicy, nil): "reset to the default full-access policy (it had none)"
        case (.alertTopic, nil): "delete the topic S3Hound created"
        case (.eventRuleTargets, nil): "remove the targets S3Hound added"
        case (_, nil): "delete what S3Hound created"
        default: "restore the saved state"
        }
    }
}
