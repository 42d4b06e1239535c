import S3HoundCore

/// Builds an incident's data impact: what was read and copied, from which buckets, how sensitive it was.
struct ImpactComposer {
    let facts: IncidentFacts
    private var impact: DataImpact { facts.incident.impact }

    func blocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.fields(fields())]
        if !facts.buckets.isEmpty { blocks.append(.table(bucketTable())) }
        if !facts.sensitive.isEmpty { blocks.append(.table(sensitiveTable())) }
        return blocks
    }

    /// `3`, or `4 (3 sent data)` when some buckets only saw failed or empty requests.
    private var bucketCount: Prose {
        let withData = facts.buckets.filter { $0.impact.bytesOut > 0 }.count
        guard withData > 0, withData < facts.buckets.count else { return "\(facts.buckets.count)" }
        return "\(facts.buckets.count) (\(withData) sent data)"
    }

    private func fields() -> [ReportBlock.Field] {
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
        fields.append(.init(label: "Sensitive data types", value: sensitiveText))
        fields.append(.init(label: "Macie severity", value: macieSeverityText))
        let labels = facts.buckets.compactMap { row in row.label.map { "\(row.name): \($0)" as Prose } }
        if !labels.isEmpty { fields.append(.init(label: "Bucket labels", value: labels.joined(separator: "; "))) }
        return fields
    }

    private var sensitiveText: Prose {
        if !facts.sensitive.isEmpty {
            let types = facts.sensitiveTypes
            let buckets = facts.sensitive.map(\.bucket)
            let summary = types.isEmpty ? "flagged by Macie (no types given)" : SensitiveDataText.summary(types)
            return summary + " — in \(buckets.joined(separator: ", "))"
        }
        if facts.macieAssessed { return "none found by Macie in the buckets touched" }
        return "not assessed (add Macie findings)"
    }

    private var macieSeverityText: Prose {
        if let label = facts.macieSeverity { return "\(SensitiveDataText.capitalized(label))" }
        return facts.macieAssessed ? "none" : "not assessed"
    }

    private func bucketTable() -> ReportBlock.Table {
        let showLabels = facts.buckets.contains { $0.label != nil }
        let showSensitive = facts.buckets.contains { $0.sensitive != nil }
        var headers = ["Bucket", "Owner account", "Requests", "Bytes out"]
        if showLabels { headers.append("Label") }
        if showSensitive { headers.append("Sensitive data (Macie)") }
        let rows = facts.buckets.map { row -> [Prose] in
            var cells: [Prose] = ["\(row.name)", "\(row.impact.ownerAccountId ?? "unknown")", "\(row.impact.requests)", "\(bytes: row.impact.bytesOut)"]
            if showLabels { cells.append(row.label.map { "\($0)" } ?? "—") }
            if showSensitive { cells.append(row.sensitive.map { SensitiveDataText.shortList($0.types) } ?? "—") }
            return cells
        }
        return .init(caption: "Buckets", headers: headers, rows: rows, numeric: [2, 3])
    }

    private func sensitiveTable() -> ReportBlock.Table {
        let rows = facts.sensitive.map { row -> [Prose] in
            [
                "\(row.bucket)",
                "\(facts.incident.impact.bucketLabels[row.bucket] ?? "—")",
                row.macieSeverity.map { "\(SensitiveDataText.capitalized($0))" } ?? "—",
                "\(row.objectsFlagged)",
                row.objectsRead.map { "\($0)" } ?? "bucket-level",
                row.types.isEmpty ? "—" : SensitiveDataText.summary(row.types),
            ]
        }
        return .init(caption: "Sensitive data (Macie)", headers: ["Bucket", "Label", "Macie severity", "Objects flagged", "Flagged objects read", "Sensitive data types"],
                     rows: rows, numeric: [3, 4])
    }
}
