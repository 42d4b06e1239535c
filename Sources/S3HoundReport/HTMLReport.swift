import Foundation
import S3HoundCore

/// The investigation report as one self-contained HTML page: inline CSS and inline SVG charts, no
/// script, no external fetch of any kind (a Content-Security-Policy meta tag forbids them), so it
/// opens from a file, an e-mail attachment or a ticket, offline.
///
/// Per incident: activity against the principal's usual (requests and bytes per minute, bytes per
/// bucket, hours against the baseline), then the same evidence tables and containment checklist as
/// the Markdown report. Every value from the logs goes through `SafeText.html`; access keys are masked.
public enum HTMLReport {
    /// The page's Content-Security-Policy: nothing external, inline styles only, `data:` images only.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// Renders a hunt report; `minimumSeverity` names the threshold in the "no incidents" section.
    public static func render(_ report: HuntReport, minimumSeverity: Severity? = nil) -> String {
        let composer = ReportComposer(report: report, minimumSeverity: minimumSeverity)
        let facts = composer.incidentFacts()
        var writer = HTMLWriter()
        writer.write(composer.headerBlocks())
        var body = "<header class=\"run\">\n" + writer.output
        if !facts.isEmpty { body += navigation(facts) }
        body += "</header>\n<main>\n"
        if facts.isEmpty {
            var none = HTMLWriter()
            none.write(composer.noIncidents())
            body += "<section class=\"none\">\n" + none.output + "</section>\n"
        }
        for incident in facts { body += section(incident) }
        body += "</main>\n<footer><p>Written by S3Hound from \(SafeText.html(ByteCount.grouped(report.summary.records))) log records. This page is self-contained: it loads nothing from the network and runs no script.</p></footer>\n"
        let title = "S3 data exfiltration investigation report — \(report.summary.generatedAt.dayString)"
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(SafeText.html(contentSecurityPolicy))">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="S3Hound">
        <title>\(SafeText.html(title))</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
        return AccessKeyScrubber(report).scrub(page)
    }

    /// The list of incidents, linking to each section.
    private static func navigation(_ facts: [IncidentFacts]) -> String {
        let items = facts.map { fact -> String in
            let incident = fact.incident
            return "<li><a href=\"#\(anchor(incident.id))\">\(SafeText.html(incident.id))</a> <span class=\"badge sev-\(incident.severity.rawValue)\">\(TimeText.severity(incident.severity))</span> \(SafeText.html(incident.principal))</li>"
        }
        return "<nav class=\"incidents\" aria-label=\"Incidents\"><strong>Incidents</strong><ul>" + items.joined() + "</ul></nav>\n"
    }

    private static func section(_ facts: IncidentFacts) -> String {
        let incident = facts.incident
        var writer = HTMLWriter()
        writer.write(Array(IncidentComposer(facts: facts).blocks().dropFirst()))  // the heading is written below, with its badge
        let heading = "<h2>\(SafeText.html(incident.id)) <span class=\"badge sev-\(incident.severity.rawValue)\">\(TimeText.severity(incident.severity))</span></h2>\n"
        return "<section class=\"incident sev-\(incident.severity.rawValue)\" id=\"\(anchor(incident.id))\">\n" + heading + writer.output + "</section>\n"
    }

    /// An element id for an incident: letters, digits, `-` and `_` only.
    static func anchor(_ id: String) -> String { "incident-" + ShellQuote.fileName(id).replacingOccurrences(of: ".", with: "_") }
}
