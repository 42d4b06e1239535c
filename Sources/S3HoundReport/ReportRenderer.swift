import S3HoundCore

/// Renders a hunt report in a chosen format.
public enum ReportRenderer {
    /// The report as text, Markdown or JSON; `minimumSeverity` is the reporting threshold, named
    /// when there are no incidents (and recorded in JSON).
    public static func render(_ report: HuntReport, as format: ReportFormat, minimumSeverity: Severity? = nil) throws -> String {
        switch format {
        case .text: return TextReport.render(report, minimumSeverity: minimumSeverity)
        case .markdown: return MarkdownReport.render(report, minimumSeverity: minimumSeverity)
        case .json: return try JSONReport.render(report, minimumSeverity: minimumSeverity)
        }
    }
}
