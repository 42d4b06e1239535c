import ArgumentParser

/// The `s3hound` command.
struct S3Hound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3hound",
        abstract: "Find and stop data exfiltration from Amazon S3.",
        discussion: """
        S3Hound reads CloudTrail logs (S3 data and management events), finds bulk downloads, \
        unusual callers and cross-account copies, groups them into incidents and writes the \
        investigation report a responder would write by hand.

        Start with:
          s3hound simulate --scenario bulk-download --out /tmp/demo
          s3hound hunt /tmp/demo

        Exit status: 0 nothing found at or above --fail-on, 1 incidents found, 2 could not run.
        """,
        version: "0.1.0",
        subcommands: [Hunt.self, Simulate.self, Detections.self, Baseline.self, Config.self, Findings.self, Setup.self, Contain.self, Rollback.self])
}

/// Exit statuses shared by subcommands.
enum ExitStatus {
    /// Ran, found incidents at or above `--fail-on`.
    static let foundIncidents: Int32 = 1
    /// Could not run.
    static let couldNotRun: Int32 = 2
}
