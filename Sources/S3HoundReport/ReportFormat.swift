/// The formats `hunt` can write its report in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal or a pager (the default).
    case text
    /// GitHub-flavoured Markdown, for tickets and wikis.
    case markdown
    /// The `s3hound.hunt.v1` JSON document (see docs/report-json.md), for machines.
    case json
}
