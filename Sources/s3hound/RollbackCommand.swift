import ArgumentParser
import Foundation
import S3HoundResponse

/// `s3hound rollback BACKUP`: put back what a `contain --apply` or `setup --apply` replaced.
struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore what s3hound contain --apply or setup --apply replaced, from its backup file.",
        discussion: """
        BACKUP is the file --apply saved before changing anything (it prints the \
        path). Each resource goes back to exactly what it was, last change first:
          - a bucket that had no policy gets its policy deleted
          - a key gets its old status back (reactivating it: only once it is safe)
          - an endpoint, a trail, a detector get their old policy or settings back
          - what setup created (filter, alarm, rule, topic) is deleted

        Without --apply it only plans and prints the diff. A resource someone edited \
        since the apply is flagged: restoring it also undoes those edits. With \
        --apply the state it replaces is saved too, so a rollback can be undone.

        Examples:
          s3hound rollback s3hound-backups/s3hound-contain-INC-20260223-4f2a9c-….json
          s3hound rollback s3hound-backups/s3hound-setup-20260223T042500Z.json --apply

        The backup names its account and region: use credentials for that account \
        (--profile); the region defaults to the backup's. Exit status: 0 nothing to \
        change (or restored), 1 a plan with changes was printed and nothing was \
        changed, 2 could not run or refused.
        """)

    @Argument(help: ArgumentHelp("The backup file saved by --apply.", valueName: "backup"))
    var backup: String

    @OptionGroup var change: ChangeOptions

    @OptionGroup var aws: AWSOptions

    func run() throws {
        let path = backup
        let saved: Backup
        do {
            saved = try BackupStore.load(path: path)
        } catch {
            Terminal.error("s3hound: error: \(ResponseCLI.describe(error))")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        try ResponseCLI.execute(change, aws, region: saved.region, command: "s3hound rollback") { backend in
            try await RollbackPlanner(backend: backend, region: backend.region).plan(saved, path: path)
        }
    }
}
