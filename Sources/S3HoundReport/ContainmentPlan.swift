import S3HoundCore

/// The containment checklist for one incident: ordered steps with the concrete commands a
/// responder runs for it — cut off the credentials, keep the evidence, close the buckets and the
/// paths the data left by, look for persistence and for where the key leaked.
///
/// Every value taken from the logs (user, role and bucket names, ARNs, addresses) is shell-quoted
/// and terminal-safe in the commands; access keys appear only masked or as their last four
/// characters inside a query that selects them.
public struct ContainmentPlan: Hashable, Sendable {
    /// The incident the plan is for.
    public var incidentID: String
    /// The steps, most urgent first.
    public var steps: [ContainmentStep]

    /// Plans containment for an incident.
    public init(for incident: Incident) {
        let target = ContainmentTarget(incident)
        incidentID = incident.id
        steps = Self.credentialSteps(target)
            + [Self.evidenceStep(target)]
            + Self.instanceSteps(target)
            + Self.bucketSteps(target)
            + Self.endpointSteps(target)
            + Self.crossAccountSteps(target)
            + Self.sourceAddressSteps(target)
            + Self.persistenceSteps(target)
            + Self.leakedKeySteps(target)
            + Self.sensitiveDataSteps(target)
            + Self.reportAccountSteps(target)
    }

    /// Copies the logs covering the incident and hashes them.
    static func evidenceStep(_ t: ContainmentTarget) -> ContainmentStep {
        let folder = "evidence/" + ShellQuote.fileName(t.incident.id)
        var commands = [
            "# Find your trail's bucket and prefix, and use it for TRAIL_BUCKET below:",
            "aws cloudtrail describe-trails --query 'trailList[].[Name,S3BucketName,S3KeyPrefix]' --output table",
            "mkdir -p \(ShellQuote.quote(folder))",
        ]
        let days = dayPaths(from: t.first, to: t.last)
        let includes = days.map { "--include " + ShellQuote.quote("*/\($0)/*") }.joined(separator: " ")
        for account in t.ownAccountsOrPlaceholder {
            let source = "s3://TRAIL_BUCKET/AWSLogs/\(SafeText.terminal(account))/CloudTrail/"
            let destination = "\(folder)/cloudtrail/\(ShellQuote.fileName(account))/"
            commands.append("aws s3 sync \(ShellQuote.quote(source)) \(ShellQuote.quote(destination)) --exclude '*' \(includes)")
        }
        commands.append("find \(ShellQuote.quote(folder)) -type f -exec sha256sum {} + > \(ShellQuote.quote(folder + ".sha256"))")
        let dates = days.map { $0.replacingOccurrences(of: "/", with: "-") }
        let span: Prose = dates.isEmpty ? "the incident's days"
            : dates.count == 1 ? "\(trusted: dates[0])" : "\(trusted: dates.first!) to \(trusted: dates.last!)"
        return ContainmentStep(
            "Preserve the evidence for \(t.incident.id)",
            why: "Copy the CloudTrail logs of \(span) before retention, lifecycle rules or the attacker remove them, and hash the copy so it holds up later. Keep this report with them (its JSON form has every event id).",
            commands: commands)
    }

    /// `YYYY/MM/DD` for each UTC day from `first` to `last` (at most 31).
    static func dayPaths(from first: EventTime?, to last: EventTime?) -> [String] {
        guard let first, let last else { return [] }
        let firstDay = first.dayIndex
        let lastDay = min(last.dayIndex, firstDay + 30)
        guard lastDay >= firstDay else { return [] }
        return (firstDay...lastDay).map { EventTime(secondsSinceEpoch: $0 * 86_400).dayString.replacingOccurrences(of: "-", with: "/") }
    }
}
