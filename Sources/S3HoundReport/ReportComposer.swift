import S3HoundCore

/// Builds the format-independent blocks of a hunt report: run header, then one section per incident.
struct ReportComposer {
    let report: HuntReport
    /// The reporting threshold, when the caller knows it.
    let minimumSeverity: Severity?

    /// Every block, in order.
    func blocks() -> [ReportBlock] {
        var blocks = headerBlocks()
        if report.incidents.isEmpty {
            blocks += noIncidents()
        } else {
            for facts in incidentFacts() { blocks += IncidentComposer(facts: facts).blocks() }
        }
        return blocks
    }

    /// The title, the run's fields and its notes.
    func headerBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.title("S3 data exfiltration investigation report"), .fields(header())]
        if !report.summary.notes.isEmpty { blocks.append(.bullets(report.summary.notes.map { "Note: \($0)" })) }
        return blocks
    }

    /// The facts of each incident, in report order.
    func incidentFacts() -> [IncidentFacts] {
        report.incidents.map { IncidentFacts($0, generatedAt: report.summary.generatedAt) }
    }

    /// "the reporting threshold" or "medium".
    var thresholdText: String { minimumSeverity?.rawValue ?? "the reporting threshold" }

    private func header() -> [ReportBlock.Field] {
        let s = report.summary
        var fields: [ReportBlock.Field] = [
            .init(label: "Investigation date", value: "\(trusted: s.generatedAt.dayString)"),
            .init(label: "Accounts", value: s.accounts.isEmpty ? "none seen" : "\(s.accounts.joined(separator: ", "))"),
            .init(label: "Detection source", value: "\(trusted: detectionSources.joined(separator: ", "))"),
            .init(label: "Detection window", value: "\(trusted: TimeText.window(s.detectionWindow))"),
            .init(label: "Baseline", value: s.baselineWindow.map { "\(trusted: TimeText.window($0))" } ?? "none (no history before the window)"),
        ]
        if let start = s.inputStart, let end = s.inputEnd {
            fields.append(.init(label: "Input covers", value: "\(start) – \(end)"))
        }
        fields.append(.init(label: "Files", value: filesText(s)))
        fields.append(.init(label: "Records", value: recordsText(s)))
        fields.append(.init(label: "Findings", value: findingsText(s)))
        let shown = report.incidents.count
        var incidents: Prose = "\(shown) at or above \(trusted: thresholdText)"
        if s.incidentsBelowThreshold > 0 { incidents = incidents + "; \(s.incidentsBelowThreshold) below, not shown" }
        fields.append(.init(label: "Incidents", value: incidents))
        return fields
    }

    /// The evidence sources the incidents drew on, CloudTrail when none says otherwise.
    private var detectionSources: [String] {
        let keys = report.incidents.flatMap(IncidentFacts.sources(of:)).uniqued().filter { $0 != EvidenceSource.s3hound }
        return (keys.isEmpty ? [EvidenceSource.cloudTrail] : keys).map(EvidenceSource.detectionSourceName)
    }

    private func filesText(_ s: RunSummary) -> Prose {
        var text: Prose = "\(s.filesRead) read (\(bytes: s.bytesRead) of log text)"
        if s.filesPruned > 0 { text = text + "; \(s.filesPruned) outside the time range skipped unopened" }
        if s.filesWithErrors > 0 { text = text + "; \(s.filesWithErrors) could not be read to the end" }
        return text
    }

    private func recordsText(_ s: RunSummary) -> Prose {
        var text: Prose = "\(s.records) read; \(s.recordsSkipped) skipped as malformed"
        if s.recordsOutsideWindow > 0 { text = text + "; \(s.recordsOutsideWindow) outside the time range, ignored" }
        return text
    }

    private func findingsText(_ s: RunSummary) -> Prose {
        let counts = Severity.allCases.reversed().compactMap { severity -> Prose? in
            guard let count = s.findingsBySeverity[severity.rawValue], count > 0 else { return nil }
            return "\(count) \(trusted: severity.rawValue)"
        }
        return counts.isEmpty ? "none" : counts.joined(separator: ", ")
    }

    /// The section that says nothing was found, and what was looked at.
    func noIncidents() -> [ReportBlock] {
        let s = report.summary
        let detections: Prose = s.detections.isEmpty ? "no detections" : "\(s.detections.joined(separator: ", "))"
        var text: Prose = "S3Hound read \(s.records) records from \(s.filesRead) files, judged the detection window \(trusted: TimeText.window(s.detectionWindow)) with \(detections), and found no incident at or above \(trusted: thresholdText)."
        if s.incidentsBelowThreshold > 0 {
            text = text + " \(s.incidentsBelowThreshold) incident(s) below the threshold were counted but not shown; lower the threshold (--min-severity) to see them."
        }
        if s.records == 0 { text = text + " No records were read: check that the path holds CloudTrail logs with S3 data events." }
        return [.heading("No incidents at or above \(trusted: thresholdText)"), .paragraph(text)]
    }
}
