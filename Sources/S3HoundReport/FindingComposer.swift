import S3HoundCore

/// Builds the blocks of one finding: heading, figures, explanation.
struct FindingComposer {
    let finding: Finding
    let number: Int

    func blocks() -> [ReportBlock] {
        var fields: [ReportBlock.Field] = [
            .init(label: "Detection", value: "\(finding.detectionID)"),
            .init(label: "ATT&CK", value: finding.techniques.isEmpty ? "none" : finding.techniques.map(ReportFacts.technique).joined(separator: ", ")),
            .init(label: "First event", value: "\(trusted: finding.firstEvent.time.iso8601), event \(finding.firstEvent.eventID)"),
            .init(label: "Last event", value: "\(trusted: finding.lastEvent.time.iso8601), event \(finding.lastEvent.eventID)"),
            .init(label: "Requests", value: "\(finding.requestCount) (\(finding.failedCount) failed)"),
        ]
        if finding.distinctKeys > 0 { fields.append(.init(label: "Distinct objects", value: "\(finding.distinctKeys)")) }
        if finding.bytesOut > 0 { fields.append(.init(label: "Bytes out", value: "\(bytes: finding.bytesOut)")) }
        if !finding.sourceIPs.isEmpty {
            let ips = finding.sourceIPs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) (\($0.value))" as Prose }
            fields.append(.init(label: "Source IPs", value: ips.joined(separator: ", ")))
        }
        if !finding.buckets.isEmpty {
            let buckets = finding.buckets.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.requests) requests, \(bytes: $0.value.bytesOut))" as Prose }
            fields.append(.init(label: "Buckets", value: buckets.joined(separator: ", ")))
        }
        if !finding.accessKeyIds.isEmpty {
            fields.append(.init(label: "Access keys", value: finding.accessKeyIds.map(ReportFacts.describeKey).joined(separator: ", ")))
        }
        if !finding.evidence.isEmpty {
            let evidence = finding.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" as Prose }
            fields.append(.init(label: "Evidence", value: evidence.joined(separator: ", ")))
        }
        return [.minorHeading("\(number). \(finding.title) — \(trusted: TimeText.severity(finding.severity))"), .fields(fields), .paragraph("\(finding.explanation)")]
    }
}
