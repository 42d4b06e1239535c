import S3HoundCore

/// Builds the blocks of one incident: summary, timeline, principal, data impact, findings, checklist.
struct IncidentComposer {
    let facts: IncidentFacts
    private var incident: Incident { facts.incident }

    init(facts: IncidentFacts) { self.facts = facts }

    func blocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("\(incident.id) — \(trusted: TimeText.severity(incident.severity))"), .fields(summary())]
        blocks.append(.subheading("Timeline"))
        blocks.append(.timeline(facts.timeline))
        blocks.append(.subheading("Compromised principal"))
        blocks += principal()
        blocks.append(.subheading("Data impact"))
        blocks += impact()
        blocks.append(.subheading("Findings"))
        for (index, finding) in facts.findings.enumerated() { blocks += FindingComposer(finding: finding, number: index + 1).blocks() }
        blocks.append(.subheading("Containment checklist"))
        blocks.append(.checklist(facts.plan.steps))
        return blocks
    }

    private func summary() -> [ReportBlock.Field] {
        let sources = facts.detectionSources
        return [
            .init(label: incident.accounts.count == 1 ? "Account" : "Accounts",
                  value: incident.accounts.isEmpty ? "unknown" : "\(incident.accounts.joined(separator: ", "))"),
            .init(label: "Detection source", value: "CloudTrail S3 data events — " + sources.joined(separator: "; ")),
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
        var blocks: [ReportBlock] = [.fields(fields)]
        if !incident.sourceIPs.isEmpty {
            let rows = incident.sourceIPs.map { ip -> [Prose] in
                ["\(ip.ip)", "\(ip.requests)", "\(ip.failed)", ReportFacts.whatItIs(ip)]
            }
            blocks.append(.table(.init(caption: "Source IPs", headers: ["Source IP", "Requests", "Failed", "What it is"], rows: rows, numeric: [1, 2])))
        }
        return blocks
    }

    /// `3`, or `4 (3 sent data)` when some buckets only saw failed or empty requests.
    private var bucketCount: Prose {
        let withData = facts.buckets.filter { $0.impact.bytesOut > 0 }.count
        guard withData > 0, withData < facts.buckets.count else { return "\(facts.buckets.count)" }
        return "\(facts.buckets.count) (\(withData) sent data)"
    }

    private func impact() -> [ReportBlock] {
        let impact = incident.impact
        var fields: [ReportBlock.Field] = [
            .init(label: "Buckets accessed", value: bucketCount),
            .init(label: "Objects read", value: "\(impact.objectsRead) (\(impact.distinctKeys) distinct keys)"),
            .init(label: "Total data", value: "\(bytes: impact.bytesOut) (\(Int(clamping: impact.bytesOut)) bytes)"),
            .init(label: "Failed attempts", value: impact.failedAttempts > 0 ? "\(impact.failedAttempts) attempts, no data taken" : "none"),
        ]
        if impact.objectsCopiedOut > 0 || !facts.copies.isEmpty {
            let into = facts.copies.map { "\($0.bucket) (account \($0.account))" as Prose }.joined(separator: ", ")
            fields.append(.init(label: "Objects copied out", value: "\(impact.objectsCopiedOut), into \(into)"))
        } else {
            fields.append(.init(label: "Objects copied out", value: "none"))
        }
        if !impact.destinationAccounts.isEmpty {
            fields.append(.init(label: "Destination accounts", value: "\(impact.destinationAccounts.joined(separator: ", "))"))
        }
        fields.append(.init(label: "Sensitive data types", value: "not assessed (add Macie findings)"))
        fields.append(.init(label: "Macie severity", value: "not assessed"))
        var blocks: [ReportBlock] = [.fields(fields)]
        if !facts.buckets.isEmpty {
            let rows = facts.buckets.map { row -> [Prose] in
                ["\(row.name)", "\(row.impact.ownerAccountId ?? "unknown")", "\(row.impact.requests)", "\(bytes: row.impact.bytesOut)"]
            }
            blocks.append(.table(.init(caption: "Buckets", headers: ["Bucket", "Owner account", "Requests", "Bytes out"], rows: rows, numeric: [2, 3])))
        }
        return blocks
    }
}
