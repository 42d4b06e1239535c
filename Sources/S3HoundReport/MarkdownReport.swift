import S3HoundCore

/// The investigation report as Markdown (GitHub-flavoured): what a responder would write by hand.
///
/// Values from the logs go through `SafeText.markdown` in prose and table cells; commands sit in
/// fences longer than any backtick run they contain, so no value can close a fence.
public enum MarkdownReport {
    /// Renders a hunt report; `minimumSeverity` names the threshold in the "no incidents" section.
    public static func render(_ report: HuntReport, minimumSeverity: Severity? = nil) -> String {
        let blocks = ReportComposer(report: report, minimumSeverity: minimumSeverity).blocks()
        let text = blocks.compactMap(write).joined(separator: "\n\n") + "\n"
        return AccessKeyScrubber(report).scrub(text)
    }

    private static func write(_ block: ReportBlock) -> String? {
        switch block {
        case .title(let text): return "# " + text.markdown
        case .heading(let text): return "## " + text.markdown
        case .subheading(let text): return "### " + text.markdown
        case .minorHeading(let text): return "#### " + text.markdown
        case .fields(let fields): return fields.map { "- **\($0.label):** \($0.value.markdown)" }.joined(separator: "\n")
        case .bullets(let items): return items.map { "- " + $0.markdown }.joined(separator: "\n")
        case .paragraph(let text): return text.markdown
        case .timeline(let entries):
            guard !entries.isEmpty else { return "_No events._" }
            var lines = ["| When | Source | What happened | Event |", "|---|---|---|---|"]
            for entry in entries {
                let event = entry.eventID.map(SafeText.markdown) ?? ""
                lines.append("| \(entry.when) | \(SafeText.markdown(entry.sourceName)) | \(entry.text.markdown) | \(event) |")
            }
            return lines.joined(separator: "\n")
        case .charts: return nil
        case .table(let table): return write(table)
        case .checklist(let steps): return steps.map(write).joined(separator: "\n\n")
        }
    }

    private static func write(_ table: ReportBlock.Table) -> String {
        var lines = ["**\(table.caption)**", ""]
        lines.append("| " + table.headers.joined(separator: " | ") + " |")
        lines.append("|" + table.headers.indices.map { table.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map(\.markdown).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private static func write(_ step: ContainmentStep) -> String {
        var lines = ["- [ ] **\(step.titleText.markdown)**", "", "  " + step.whyText.markdown]
        if !step.commands.isEmpty {
            let body = step.commands.map(SafeText.terminal)
            let fence = fence(for: body)
            lines.append("")
            lines.append("  " + fence + "sh")
            lines += body.map { "  " + $0 }
            lines.append("  " + fence)
        }
        return lines.joined(separator: "\n")
    }

    /// A backtick fence longer than any run of backticks in the content (at least three).
    static func fence(for lines: [String]) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
