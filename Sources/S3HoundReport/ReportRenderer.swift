import Foundation
import S3HoundCore

/// Renders a hunt report in a chosen format.
public enum ReportRenderer {
    /// The report in `format`; `minimumSeverity` is the reporting threshold, named when there are
    /// no incidents (and recorded in JSON). `region` is the Security Hub region of `asff` output;
    /// when nil it is `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the region of a GuardDuty or
    /// Macie finding in the report, else `us-east-1`.
    public static func render(_ report: HuntReport, as format: ReportFormat, minimumSeverity: Severity? = nil, region: String? = nil) throws -> String {
        switch format {
        case .text: return TextReport.render(report, minimumSeverity: minimumSeverity)
        case .markdown: return MarkdownReport.render(report, minimumSeverity: minimumSeverity)
        case .json: return try JSONReport.render(report, minimumSeverity: minimumSeverity)
        case .html: return HTMLReport.render(report, minimumSeverity: minimumSeverity)
        case .jsonl: return try JSONLinesReport.render(report)
        case .ocsf: return try OCSFReport.render(report)
        case .asff: return try ASFFReport.render(report, region: region ?? defaultRegion(for: report, environment: ProcessInfo.processInfo.environment))
        }
    }

    /// The Security Hub region when none is given: the AWS CLI's environment variables, else the
    /// region of a service finding in the report, else `us-east-1`.
    static func defaultRegion(for report: HuntReport, environment: [String: String]) -> String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], isRegion(value) { return value }
        }
        let regions = report.incidents.flatMap { $0.story.serviceFindings.compactMap(\.region) }
        return regions.first(where: isRegion) ?? ASFFReport.defaultRegion
    }

    /// `us-east-1`-shaped: lower-case letters, digits and dashes.
    static func isRegion(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
