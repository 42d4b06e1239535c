import ArgumentParser
import Foundation
import S3HoundHunt
import S3HoundCore
import S3HoundResponse

/// `s3hound contain`: plan, apply (with a backup) and verify containment of an incident.
struct Contain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Contain an incident: deactivate its access key, deny reads from outside your VPC endpoint, restrict the endpoint.",
        discussion: """
        Without --apply it only plans: it reads the current state and prints exactly \
        what would change (a diff of every policy, access keys masked) and changes \
        nothing. With --apply it first saves everything it will replace into a backup \
        file in --backup-dir, then makes each change and reads it back.

        The changes, merged into what is there (no statement is dropped or rewritten):
          - the access key: Inactive (IAM UpdateAccessKey; kept for the investigation)
          - each bucket policy: statement S3HoundContainDenyOutsideVpce denies
            s3:GetObject and s3:GetObjectVersion unless the request comes via --vpce
          - the endpoint policy: statement S3HoundContainDenyUnapprovedBuckets denies
            S3 through it except to --approved-bucket buckets and the contained ones
        From a report, the incident's masked key (AKIA…WXYZ) is matched among its \
        user's keys and its buckets are restricted when --vpce is given. Running it \
        again changes nothing.

        It refuses plans that would lock everyone out: a bucket deny without --vpce, \
        an endpoint restricted to no approved buckets, or deactivating the key you \
        are signed in with (unless --allow-own-key).

        Examples:
          s3hound hunt ./AWSLogs --format json > report.json
          s3hound contain --incident INC-20260223-4f2a9c --report report.json \\
              --vpce vpce-0abc1234def567890 --approved-bucket app-data
          s3hound contain --incident INC-20260223-4f2a9c --report report.json \\
              --vpce vpce-0abc1234def567890 --approved-bucket app-data --apply
          s3hound contain --access-key AKIAIOSFODNN7EXAMPLE --apply
          s3hound rollback BACKUP --apply     # BACKUP: the file --apply printed

        Credentials and region: --profile and --region, else the AWS CLI's \
        environment and files (AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_REGION, \
        ~/.aws/config). The plan goes to standard output, progress and problems to \
        standard error. Exit status: 0 nothing to change (or applied), 1 a plan with \
        changes was printed and nothing was changed, 2 could not run or refused.
        """)

    @Option(help: ArgumentHelp("The incident to contain (needs --report).", valueName: "id"))
    var incident: String?

    @Option(help: ArgumentHelp("A report saved with s3hound hunt --format json, holding the incident.", valueName: "file"))
    var report: String?

    @Option(name: .customLong("access-key"), help: ArgumentHelp("An access key id to deactivate (AKIA…); its user is found with IAM. Repeatable.", valueName: "id"))
    var accessKeys: [String] = []

    @Option(name: .customLong("bucket"), help: ArgumentHelp("A bucket whose object reads must come through --vpce. Repeatable; the incident's buckets are added when --vpce is given.", valueName: "name"))
    var buckets: [String] = []

    @Option(name: .customLong("vpce"), help: ArgumentHelp("The S3 VPC endpoint legitimate readers use (vpce-…). Repeatable.", valueName: "id"))
    var endpoints: [String] = []

    @Option(name: .customLong("approved-bucket"), help: ArgumentHelp("A bucket the endpoint may still reach. Repeatable; needed with --vpce unless --keep-endpoint-policy.", valueName: "name"))
    var approvedBuckets: [String] = []

    @Flag(help: "Leave the VPC endpoint's own policy alone; only bucket policies name the endpoint.")
    var keepEndpointPolicy = false

    @Flag(help: "Allow deactivating the access key these credentials sign with (you will be cut off).")
    var allowOwnKey = false

    @OptionGroup var change: ChangeOptions

    @OptionGroup var aws: AWSOptions

    func validate() throws {
        if (incident == nil) != (report == nil) {
            throw ValidationError("--incident and --report go together: the incident is read from the saved report (s3hound hunt … --format json > report.json).")
        }
    }

    func run() throws {
        var request = ContainmentRequest(accessKeys: accessKeys, buckets: buckets, endpoints: endpoints,
                                         approvedBuckets: approvedBuckets, keepEndpointPolicy: keepEndpointPolicy,
                                         allowOwnKey: allowOwnKey)
        do {
            if let incident, let report {
                let data = report == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: report))
                request.incident = try IncidentReference.load(id: incident, fromReport: data, source: report)
            }
            try request.validate()
        } catch {
            Terminal.error("s3hound: error: \(ResponseCLI.describe(error))")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        let command = "s3hound contain"
        let finalRequest = request
        try ResponseCLI.execute(change, aws, command: command) { backend in
            try await ContainmentPlanner(backend: backend, region: backend.region).plan(finalRequest)
        }
    }
}

/// `--profile`, `--region`: which account and region the AWS calls go to.
struct AWSOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The AWS profile (default: AWS_PROFILE, else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else 'default').", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("The AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region).", valueName: "region"))
    var region: String?
}

/// `--apply`, `--backup-dir`, `--format`: shared by the commands that change AWS resources.
struct ChangeOptions: ParsableArguments {
    @Flag(help: "Make the changes, after saving what they replace to a backup file. Without it, only print the plan.")
    var apply = false

    @Option(help: ArgumentHelp("Where --apply saves backups (never overwriting one).", valueName: "dir"))
    var backupDir: String = BackupStore.defaultDirectory

    @Option(help: "How to print the plan.")
    var format: PlanFormat = .text
}

/// `--format` of a plan.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Runs a plan-then-apply command: connects, plans, prints, applies with a backup, reports how to undo.
enum ResponseCLI {
    /// Plans with `makePlan` and applies when asked; throws `ExitCode` 1 (plan with changes) or 2 (failed).
    static func execute(_ change: ChangeOptions, _ aws: AWSOptions, region: String? = nil, command: String,
                        plan makePlan: @escaping @Sendable (LiveResponseBackend) async throws -> ResponsePlan) throws {
        let status: Int32 = blocking {
            do {
                let backend = try await LiveResponseBackend.connect(profile: aws.profile, region: aws.region ?? region)
                let plan = try await makePlan(backend)
                Terminal.output(change.format == .json ? plan.json.prettyText + "\n" : plan.text)
                guard !plan.isEmpty else {
                    Terminal.error("s3hound: nothing to change: everything is already in place.")
                    return 0
                }
                guard change.apply else {
                    Terminal.error("s3hound: this is a plan: nothing was changed. To make these \(plan.pendingChanges.count) change(s), run \(command) again with --apply (what they replace is saved to \(change.backupDir) first).")
                    return ExitStatus.foundIncidents
                }
                let executor = PlanExecutor(backend: backend, backups: BackupStore(directory: change.backupDir))
                let outcome = try await executor.apply(plan) { Terminal.error("s3hound: " + SafeTerminal.text($0)) }
                Terminal.error("s3hound: applied \(outcome.applied.count) change(s). The state before is saved in \(outcome.backupPath ?? "?"); undo with: s3hound rollback \(outcome.backupPath ?? "BACKUP") --apply")
                return 0
            } catch {
                Terminal.error("s3hound: error: \(describe(error))")
                return ExitStatus.couldNotRun
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// An error's message, terminal-safe.
    static func describe(_ error: any Error) -> String {
        SafeTerminal.text(String(describing: error))
    }

    /// Runs async work to completion from a synchronous command (the root command is not async), on the
    /// shared blocking bridge (its own executor, so it never waits on the cooperative pool it blocks).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        BlockingAsync.run(body)
    }
}

/// Terminal-safe text that keeps its line breaks.
enum SafeTerminal {
    /// Each line made terminal-safe (control characters and bidi overrides escaped).
    static func text(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.terminal(String($0)) }.joined(separator: "\n")
    }
}
