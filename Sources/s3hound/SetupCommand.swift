import ArgumentParser
import Foundation
import S3HoundResponse

/// `s3hound setup`: plan, apply or emit as CloudFormation the detection plumbing of the seed runbook.
struct Setup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deploy the detection plumbing: S3 data events on a trail, GuardDuty S3 protection, a GetObject alarm, a findings rule.",
        discussion: """
        Without --apply it only plans: it reads what is there and prints exactly \
        what would change (a diff of each resource) and changes nothing. With --apply \
        it saves what it replaces into a backup file in --backup-dir, makes each \
        change and reads it back (the trail's selectors with GetEventSelectors); \
        s3hound rollback BACKUP --apply undoes it.

        The parts (leave one out with --skip PART):
          data-events    S3 data events for each --bucket on the existing --trail,
                         merged into its classic or advanced selectors
          guardduty      GuardDuty S3 protection (S3_DATA_EVENTS) on the detector
          alarm          a GetObject metric filter on the trail's log group
                         (--log-group) and an alarm above --alarm-threshold an hour
          findings-rule  an EventBridge rule on GuardDuty Exfiltration:S3/ findings
        The alarm and the rule notify --sns-topic, or a topic it creates \
        (--sns-topic-name) with a policy that lets them publish.

        --emit cloudformation writes the same as a CloudFormation template instead, \
        without calling AWS. A stack cannot change a trail it does not own, so the \
        selectors go into the template's Metadata with the command that applies them.

        Examples:
          s3hound setup --trail management-trail --bucket sensitive-data-bucket
          s3hound setup --trail management-trail --bucket sensitive-data-bucket --apply
          s3hound setup --trail management-trail --bucket sensitive-data-bucket \\
              --log-group cloudtrail-logs --emit cloudformation -o detection.yaml
          aws cloudformation deploy --template-file detection.yaml \\
              --stack-name s3hound-detection

        Exit status: 0 nothing to change (or applied, or template written), 1 a plan \
        with changes was printed and nothing was changed, 2 could not run or refused.
        """)

    @Option(help: ArgumentHelp("The existing CloudTrail trail to add S3 data events to.", valueName: "name"))
    var trail: String?

    @Option(name: .customLong("bucket"), help: ArgumentHelp("A bucket whose object reads and writes the trail must record. Repeatable.", valueName: "name"))
    var buckets: [String] = []

    @Option(help: ArgumentHelp("The CloudWatch Logs group the trail delivers to (default: the trail's).", valueName: "name"))
    var logGroup: String?

    @Option(help: ArgumentHelp("An existing SNS topic for the alerts (default: create --sns-topic-name).", valueName: "arn"))
    var snsTopic: String?

    @Option(help: ArgumentHelp("The SNS topic to create when --sns-topic is not given.", valueName: "name"))
    var snsTopicName: String = "s3hound-security-alerts"

    @Option(help: ArgumentHelp("GetObject requests an hour above which the alarm fires (the runbook's 1,000).", valueName: "count"))
    var alarmThreshold: Int = 1000

    @Option(name: .customLong("skip"), help: ArgumentHelp("A part to leave out. Repeatable.", valueName: "part"))
    var skipped: [SetupComponent] = []

    @Option(help: ArgumentHelp("Write the plumbing as a template instead of planning or applying it.", valueName: "kind"))
    var emit: EmitKind?

    @Option(help: "The template's format, with --emit.")
    var templateFormat: CloudFormationTemplate.Format = .yaml

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the template to this file instead of standard output, with --emit.", valueName: "file"))
    var output: String?

    @OptionGroup var change: ChangeOptions

    @OptionGroup var aws: AWSOptions

    /// `--emit` targets.
    enum EmitKind: String, ExpressibleByArgument, CaseIterable {
        case cloudformation
    }

    func validate() throws {
        if emit != nil && change.apply {
            throw ValidationError("--emit writes a template and --apply changes the account: choose one (deploy the template with aws cloudformation deploy).")
        }
        if emit == nil && output != nil {
            throw ValidationError("--output is where --emit cloudformation writes the template: add --emit cloudformation, or drop --output.")
        }
        if alarmThreshold < 1 {
            throw ValidationError("--alarm-threshold must be at least 1 (GetObject requests an hour).")
        }
    }

    var request: SetupRequest {
        SetupRequest(components: Set(SetupComponent.allCases).subtracting(skipped), trail: trail, buckets: buckets,
                     logGroup: logGroup, alertTopicArn: snsTopic, alertTopicName: snsTopicName, alarmThreshold: alarmThreshold)
    }

    func run() throws {
        let request = self.request
        if emit != nil {
            try emitTemplate(request)
            return
        }
        do {
            try request.validate(needsLogGroup: false)
        } catch {
            Terminal.error("s3hound: error: \(ResponseCLI.describe(error))")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        try ResponseCLI.execute(change, aws, command: "s3hound setup") { backend in
            try await SetupPlanner(backend: backend, region: backend.region).plan(request)
        }
    }

    private func emitTemplate(_ request: SetupRequest) throws {
        do {
            let text = try CloudFormationTemplate.render(request, as: templateFormat)
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                Terminal.error("s3hound: wrote the CloudFormation template to \(output); deploy it with: aws cloudformation deploy --template-file \(output) --stack-name s3hound-detection")
            } else {
                Terminal.output(text)
            }
        } catch {
            Terminal.error("s3hound: error: \(ResponseCLI.describe(error))")
            throw ExitCode(ExitStatus.couldNotRun)
        }
    }
}

extension SetupComponent: ExpressibleByArgument {}
extension CloudFormationTemplate.Format: ExpressibleByArgument {}
