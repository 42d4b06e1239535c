import S3HoundCore

/// Calls whose user agent names a penetration-testing system (Kali, Parrot, Pentoo), an AWS attack or audit
/// tool (Pacu, ScoutSuite, Prowler) or a bulk-download client (rclone, s3cmd, S3 Browser, Cyberduck).
public struct ToolUserAgent: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.tool-user-agent",
        title: "Calls from attack tooling or bulk-download clients",
        severity: .medium,
        techniques: [.t1078_004, .t1530],
        guardDutyEquivalent: "PenTest:S3/KaliLinux, PenTest:S3/ParrotLinux, PenTest:S3/PentooLinux",
        falsePositives: [
            "Staff who use these clients on purpose (Cyberduck, rclone): suppress the principal or the user agent",
            "Authorised penetration tests and audits (ScoutSuite, Prowler): suppress the tester's principal for the engagement",
        ],
        triage: "Does the principal normally use this client? A service key or a role suddenly calling from Kali or rclone is stolen until proven otherwise.")

    /// Creates the detection.
    public init() {}

    public static let consequence = "The user agent is the caller's own claim, so its absence proves nothing; its presence is rarely faked."
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "nothing read or changed") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard !event.identity.isAWSService, let agent = event.userAgent, let tool = configuration.toolUserAgents.firstMatch(in: agent) else { return nil }
        return "calls with the user agent \"\(agent.prefix(200))\" (matches '\(tool)')"
    }

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration, terms: EventTermCache) -> Bool {
        guard !event.identity.isAWSService, let agent = event.userAgent else { return false }
        return terms.toolMatch(agent, configuration: configuration) != nil
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String {
        event.userAgent.flatMap { configuration.toolUserAgents.firstMatch(in: $0) } ?? ""
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        finding.evidence["tool"] = run.subject
        finding.evidence["userAgent"] = run.first.userAgent ?? ""
    }
}

extension ToolUserAgent {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:47:00Z")
        func read(_ agent: String, errorCode: String? = nil) -> ActivityEvent {
            var event = CaseEvents.getObject(at, by: jane, from: "185.220.101.47", bucket: "customer-records", errorCode: errorCode)
            event.userAgent = agent
            return event
        }
        var tuned = DetectionConfiguration()
        tuned.toolUserAgents = tuned.toolUserAgents.adding(["evil-sync/"])
        return [
            .fires("the AWS CLI on Kali Linux", [read("aws-cli/2.13.5 Python/3.11.4 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/s3.cp")]),
            .fires("rclone, denied: an attempt", [read("rclone/v1.65.0", errorCode: "AccessDenied")]),
            .fires("a client added to the list", configuration: tuned, [read("Evil-Sync/0.3 (linux)")]),
            .quiet("the AWS CLI on Amazon Linux", [read("aws-cli/2.15.30 Python/3.11.8 Linux/5.10.210-201.852.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/s3.sync")]),
            .quiet("the S3 console", [read("[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.219-186.866.amzn2int.x86_64]")]),
        ]
    }
}
