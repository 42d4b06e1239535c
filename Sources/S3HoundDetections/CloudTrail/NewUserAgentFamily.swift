import S3HoundCore

/// A principal calling with a client (user-agent family) it never used in its baseline.
public struct NewUserAgentFamily: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.new-user-agent",
        title: "Principal used a client it never used before",
        severity: .low,
        techniques: [.t1078_004],
        guardDutyEquivalent: nil,
        falsePositives: [
            "A developer trying a new SDK or tool, a CI image upgrade that changes the client name",
        ],
        triage: "Is the client a tool the owner uses? Did it come from a known address? Attack tooling names itself in the user agent more often than not.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        var findings: [Finding] = []
        for (profile, facts) in judgedPrincipals(activity, windows: windows) {
            let terms = NewTerms(profile.agents.totals, windows: windows, learned: windows.learnedProfile(profile.principal)?.userAgentFamilies)
            for (family, tally) in terms.new {
                var finding = newTermFinding(profile, tally: tally, explanation: "\(ByteCount.grouped(tally.count)) requests with the client '\(family)', first at \(tally.first.time.reportMinute); in \(facts.activeDays) days of baseline this principal used only \(terms.examples(5)).")
                finding.evidence = ["userAgentFamily": family, "knownFamilies": terms.known.sorted().joined(separator: ","), "baselineDays": String(facts.activeDays)]
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension NewUserAgentFamily {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let window = "2026-02-23T00:00:00Z"
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [9, 14]) {
            CaseEvents.getObject($0, by: jane, from: "203.0.113.10")
        }
        var rclone = CaseEvents.getObject(CaseEvents.time("2026-02-23T02:47:00Z"), by: jane, from: "203.0.113.10")
        rclone.userAgent = "rclone/v1.66.0"
        var newerCLI = CaseEvents.getObject(CaseEvents.time("2026-02-23T09:47:00Z"), by: jane, from: "203.0.113.10")
        newerCLI.userAgent = "aws-cli/2.17.1 md/awscrt#0.20.11 ua/2.0 os/linux#6.8 md/arch#x86_64"
        return [
            .fires("developer-jane, a week of aws-cli, then rclone", windowStart: window, history + [rclone]),
            .quiet("developer-jane on a newer aws-cli version: the same family", windowStart: window, history + [newerCLI]),
        ]
    }
}
