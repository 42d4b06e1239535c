import S3HoundCore

/// Builds the blocks of one incident: summary, activity, timeline, principal, data impact, what
/// GuardDuty, Macie and flow logs add, findings, checklist.
struct IncidentComposer {
    let facts: IncidentFacts
    private var incident: Incident { facts.incident }

    init(facts: IncidentFacts) { self.facts = facts }

    func blocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("\(incident.id) — \(trusted: TimeText.severity(incident.severity))"), .fields(summary())]
        let charts = IncidentCharts(facts)
        if !facts.activity.isEmpty {
            blocks.append(.subheading("Activity"))
            blocks.append(.fields(facts.activity.fields()))
            blocks.append(.charts(charts))
        } else if !charts.isEmpty {
            blocks.append(.charts(charts))
        }
        blocks.append(.subheading("Timeline"))
        blocks.append(.timeline(facts.timeline))
        blocks.append(.subheading("Compromised principal"))
        blocks += principal()
        blocks.append(.subheading("Data impact"))
        blocks += ImpactComposer(facts: facts).blocks()
        blocks += StoryComposer(facts: facts).blocks()
        blocks.append(.subheading("Findings"))
        for (index, finding) in facts.findings.enumerated() { blocks += FindingComposer(finding: finding, number: index + 1).blocks() }
        blocks.append(.subheading("Containment checklist"))
        blocks.append(.checklist(facts.plan.steps))
        return blocks
    }

    private func summary() -> [ReportBlock.Field] {
        [
            .init(label: incident.accounts.count == 1 ? "Account" : "Accounts",
                  value: incident.accounts.isEmpty ? "unknown" : "\(incident.accounts.joined(separator: ", "))"),
            .init(label: "Detection source", value: facts.detectionSourceText),
            .init(label: "Evidence sources", value: "\(facts.sources.map(EvidenceSource.name).joined(separator: ", "))"),
            .init(label: "Severity", value: "\(trusted: TimeText.severity(incident.severity))"),
            .init(label: "Why this severity", value: "\(incident.severityReasons.joined(separator: "; "))"),
        ]
    }

    private func principal() -> [ReportBlock] {
        var fields: [ReportBlock.Field] = [.init(label: "Principal", value: "\(incident.principal)")]
        let callers = incident.arns.filter { $0 != incident.principal }
        if !callers.isEmpty { fields.append(.init(label: "Caller ARNs", value: "\(callers.joined(separator: ", "))")) }
        fields.append(.init(label: "Access keys", value: incident.accessKeyIds.isEmpty ? "none recorded" : incident.accessKeyIds.map(ReportFacts.describeKey).joined(separator: ", ")))
        fields.append(.init(label: "Identity type", value: "\(incident.identityType ?? "unknown")"))
        if !incident.story.instances.isEmpty {
            fields.append(.init(label: "EC2 instances", value: "\(incident.story.instances.joined(separator: ", "))"))
        }
        var blocks: [ReportBlock] = [.fields(fields)]
        if !incident.sourceIPs.isEmpty {
            let rows = incident.sourceIPs.map { ip -> [Prose] in
                ["\(ip.ip)", "\(ip.requests)", "\(ip.failed)", ReportFacts.whatItIs(ip)]
            }
            blocks.append(.table(.init(caption: "Source IPs", headers: ["Source IP", "Requests", "Failed", "What it is"], rows: rows, numeric: [1, 2])))
        }
        return blocks
    }
}
