/// The formats `hunt` can write its report in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal or a pager (the default).
    case text
    /// GitHub-flavoured Markdown, for tickets and wikis.
    case markdown
    /// The `s3hound.hunt.v1` JSON document (see docs/report-json.md), for machines.
    case json
    /// One self-contained HTML page with charts: no script, nothing fetched from the network.
    case html
    /// JSON lines: one `s3hound.finding.v1` object per finding, with its incident.
    case jsonl
    /// JSON lines: one OCSF 1.1.0 Detection Finding (class 2004) per finding.
    case ocsf
    /// JSON lines: Security Hub BatchImportFindings bodies of at most 100 ASFF findings each.
    case asff
}
