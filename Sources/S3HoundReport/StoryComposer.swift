import S3HoundCore

/// Builds what the other evidence sources add to an incident: GuardDuty and Macie findings joined
/// to it, and the network egress flow logs tie to it.
struct StoryComposer {
    let facts: IncidentFacts

    func blocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if !facts.guardDutyFindings.isEmpty || !facts.macieFindings.isEmpty {
            blocks.append(.subheading("GuardDuty and Macie findings"))
            if !facts.guardDutyFindings.isEmpty { blocks.append(.table(guardDutyTable())) }
            if !facts.macieFindings.isEmpty { blocks.append(.table(macieTable())) }
        }
        if !facts.incident.story.egress.isEmpty {
            blocks.append(.subheading("Network egress"))
            blocks.append(.table(egressTable()))
        }
        return blocks
    }

    private func guardDutyTable() -> ReportBlock.Table {
        let rows = facts.guardDutyFindings.map { finding -> [Prose] in
            ["\(finding.type)", Self.severity(finding), "\(finding.count)", "\(trusted: TimeText.span(finding.activityStart, finding.activityEnd))",
             Self.caller(finding), Self.resources(finding), "\(finding.id)"]
        }
        return .init(caption: "GuardDuty findings", headers: ["Type", "Severity", "Count", "Seen", "Caller", "Resources", "Finding id"],
                     rows: rows, numeric: [2])
    }

    private func macieTable() -> ReportBlock.Table {
        let rows = facts.macieFindings.map { finding -> [Prose] in
            let hits = finding.objects.flatMap(\.sensitiveData)
            let objects = finding.objects.compactMap(\.key)
            let buckets = (finding.buckets + finding.objects.map(\.bucket)).uniqued()
            var detail: Prose = hits.isEmpty ? "" : SensitiveDataText.summary(hits)
            if !finding.exposure.isEmpty { detail = (detail.isEmpty ? "" : detail + "; ") + "\(finding.exposure.joined(separator: "; "))" }
            return ["\(finding.type)", Self.severity(finding), "\(buckets.joined(separator: ", "))",
                    objects.isEmpty ? "—" : Self.keys(objects), detail.isEmpty ? "—" : detail,
                    "\(finding.createdAt)", "\(finding.id)"]
        }
        return .init(caption: "Macie findings", headers: ["Type", "Severity", "Bucket", "Objects", "Sensitive data or exposure", "Created", "Finding id"], rows: rows)
    }

    private func egressTable() -> ReportBlock.Table {
        let rows = facts.incident.story.egress.map { egress -> [Prose] in
            let from = [egress.instanceId, egress.interfaceId, egress.sourceAddress].compactMap { $0 }
            return ["\(egress.destination)", from.isEmpty ? "—" : "\(from.joined(separator: " / "))", "\(bytes: egress.bytes)",
                    "\(Int(clamping: egress.packets))", "\(egress.flows)", "\(trusted: TimeText.span(egress.first, egress.last))", "\(egress.tie)"]
        }
        return .init(caption: "Traffic to outside addresses (VPC Flow Logs)",
                     headers: ["Destination", "From (instance / interface / address)", "Bytes", "Packets", "Flows", "When", "Tied to the incident by"],
                     rows: rows, numeric: [2, 3, 4])
    }

    /// `High (8.0)`: S3Hound's reading of the label or score, with the service's own number.
    static func severity(_ finding: ServiceFinding) -> Prose {
        let label = finding.severityLabel.map(SensitiveDataText.capitalized) ?? TimeText.severity(finding.severity)
        guard let score = finding.severityScore else { return "\(label)" }
        return "\(label) (\(trusted: ActivityFacts.decimal(score)))"
    }

    /// Who the service saw: principal, masked key, addresses with their organisation and country.
    static func caller(_ finding: ServiceFinding) -> Prose {
        var parts: [Prose] = []
        if let who = finding.principalARN ?? finding.userName { parts.append("\(who)") }
        if let key = finding.accessKeyId { parts.append(ReportFacts.describeKey(key)) }
        if !finding.sourceIPs.isEmpty {
            let place = [finding.sourceOrganization, finding.sourceCountry].compactMap { $0 }
            let suffix: Prose = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
            parts.append("\(finding.sourceIPs.joined(separator: ", "))\(suffix)")
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    /// Buckets and instance the finding names.
    static func resources(_ finding: ServiceFinding) -> Prose {
        var parts: [Prose] = finding.buckets.map { "\($0)" }
        if let instance = finding.instanceId { parts.append("\(instance)") }
        if !finding.apiCalls.isEmpty { parts.append("API \(finding.apiCalls.joined(separator: ", "))") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }

    /// The first two keys and how many more.
    private static func keys(_ keys: [String]) -> Prose {
        let shown: Prose = "\(keys.prefix(2).joined(separator: ", "))"
        return keys.count > 2 ? shown + " and \(keys.count - 2) more" : shown
    }
}
