import ArgumentParser
import Foundation
import S3HoundCore
import S3HoundHunt
import S3HoundSources

/// `s3hound findings`: GuardDuty and Macie findings from the account.
struct Findings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with GuardDuty and Macie findings from the account.",
        subcommands: [Pull.self])

    /// `s3hound findings pull`.
    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch GuardDuty's S3 findings and Macie's findings, to save or summarise.",
            discussion: """
            GuardDuty: ListFindings on every detector with the runbook's S3 finding types \
            (Exfiltration:S3/*, Discovery:S3/*, Impact:S3/*, UnauthorizedAccess:S3/*, PenTest:S3/*, \
            Policy:S3/*, Stealth:S3/*, AttackSequence:S3/CompromisedData, instance-credential \
            exfiltration), then GetFindings. Macie: ListFindings and GetFindings. Only findings \
            updated since --since.

            With --save DIR the findings are written as get-findings documents that `s3hound hunt` \
            reads beside the logs; `hunt --pull-findings` fetches them into a hunt directly.

            Examples:
              s3hound findings pull --since 7d --save ./evidence/findings --profile ir
              s3hound hunt ./AWSLogs ./evidence/findings --since 2d
            Needs guardduty:ListDetectors, guardduty:ListFindings, guardduty:GetFindings, \
            macie2:ListFindings, macie2:GetFindings.
            """)

        @Option(help: ArgumentHelp("Only findings updated since this time (ISO-8601 or 24h, 7d).", valueName: "time"))
        var since: String?

        @Option(help: ArgumentHelp("Write the findings into this folder (never over existing files).", valueName: "dir"))
        var save: String?

        @Option(help: ArgumentHelp("AWS profile (default: AWS_PROFILE, the AWS_* keys, or 'default').", valueName: "name"))
        var profile: String?

        @Option(help: ArgumentHelp("AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's).", valueName: "region"))
        var region: String?

        @Flag(help: "Skip GuardDuty.") var noGuardduty = false
        @Flag(help: "Skip Macie.") var noMacie = false

        func validate() throws {
            if let since, TimeExpression.parse(since, now: EventTime(Date())) == nil {
                throw ValidationError("--since '\(since)' is not a time: use 2026-02-22, 2026-02-22T03:00:00Z, or 24h / 7d.")
            }
            if noGuardduty && noMacie { throw ValidationError("--no-guardduty and --no-macie leave nothing to pull: drop one.") }
        }

        func run() throws {
            let start = since.flatMap { TimeExpression.parse($0, now: EventTime(Date())) }
            let pulled: FindingsPuller.Pulled
            do {
                pulled = try FindingsPuller.pull(profile: profile, region: region, since: start, guardDuty: !noGuardduty, macie: !noMacie)
            } catch {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            for note in pulled.notes { Terminal.error("s3hound: warning: \(SafeText.terminal(note))") }
            let outcome = pulled.serviceFindings(options: .init(includeArchived: true, includeSamples: true))
            var lines = ["\(pulled.guardDuty.count) GuardDuty and \(pulled.macie.count) Macie finding(s)."]
            for finding in outcome.findings.sorted(by: { $0.severity != $1.severity ? $0.severity > $1.severity : $0.createdAt < $1.createdAt }) {
                let who = finding.accessKeyId.map(AccessKeyMask.mask) ?? finding.principalARN ?? "-"
                let buckets = (finding.buckets + finding.objects.map(\.bucket)).uniquedInOrder().joined(separator: ",")
                lines.append([finding.createdAt.reportMinute, finding.severity.rawValue, finding.type, who, buckets.isEmpty ? "-" : buckets]
                    .map(SafeText.terminal).joined(separator: "  "))
            }
            Terminal.output(lines.joined(separator: "\n") + "\n")
            if let save {
                do {
                    for path in try pulled.save(to: save) { Terminal.error("s3hound: wrote \(SafeText.terminal(path))") }
                } catch {
                    Terminal.error("s3hound: error: \(error)")
                    throw ExitCode(ExitStatus.couldNotRun)
                }
            }
        }
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniquedInOrder() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
