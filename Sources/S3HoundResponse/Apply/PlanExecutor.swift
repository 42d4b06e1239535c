/// Applies a plan: saves a backup of everything it will replace, then makes each change, checking first that
/// the resource is still as planned and afterwards that it reads back as written.
public struct PlanExecutor: Sendable {
    /// Where the changes are made.
    public var backend: any ResponseBackend
    /// Where the backup is saved.
    public var backups: BackupStore

    /// Creates an executor.
    public init(backend: any ResponseBackend, backups: BackupStore) {
        self.backend = backend
        self.backups = backups
    }

    /// What an apply did.
    public struct Outcome: Sendable {
        /// The backup file, or nil when there was nothing to change (and so nothing saved).
        public var backupPath: String?
        /// The changes made, in order.
        public var applied: [PlannedChange]
    }

    /// An apply that stopped part-way: what was done, where the backup is, and why it stopped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The backup file holding the state before any change.
        public var backupPath: String
        /// The changes made before the failure.
        public var applied: [PlannedChange]
        /// The change that failed.
        public var failed: PlannedChange
        /// The error.
        public var underlying: any Error

        /// What failed, what was already changed, and how to undo it.
        public var description: String {
            var text = "\(failed.target.displayName): \(underlying)"
            if applied.isEmpty {
                text += "\nNothing was changed before this failure."
            } else {
                text += "\nAlready changed: " + applied.map(\.target.displayName).joined(separator: "; ") + "."
            }
            text += "\nThe state before the apply is saved in \(backupPath); undo what was changed with: s3hound rollback \(backupPath) --apply"
            return text
        }
    }

    /// Saves the backup, then applies each pending change in order, reporting each one through `progress`.
    /// Throws `Failure` when a change fails (earlier ones stay applied; the backup undoes them).
    public func apply(_ plan: ResponsePlan, progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        let pending = plan.pendingChanges
        guard !pending.isEmpty else { return Outcome(backupPath: nil, applied: []) }
        let path = try backups.save(Backup(plan: plan))
        progress("saved the current state to \(path)")
        var applied: [PlannedChange] = []
        for change in pending {
            do {
                let current = try await change.target.currentState(in: backend)
                guard change.target.sameState(current, change.before) else {
                    throw ResponseError.drift("it changed since the plan was made (someone else is editing it?): nothing was written to it. Plan again and review the new diff")
                }
                try await change.target.write(change.after, replacing: current, in: backend)
                let readBack = try await change.target.currentState(in: backend)
                guard change.target.holds(change.after, actual: readBack) else {
                    throw ResponseError.verification("it was written but reads back differently: \(readBack?.compactText ?? "absent"). Check it by hand")
                }
                applied.append(change)
                progress("\(change.target.displayName): \(change.summary), verified")
            } catch {
                throw Failure(backupPath: path, applied: applied, failed: change, underlying: error)
            }
        }
        return Outcome(backupPath: path, applied: applied)
    }
}
