import S3HoundCore

/// The investigation report laid out for a terminal (the default `hunt` output): aligned
/// `Label: value` lines and indented lists, every value through `SafeText.terminal`, so it reads
/// well in `less` and no log value can move the cursor or recolour the screen.
public enum TextReport {
    /// Renders a hunt report; `minimumSeverity` names the threshold in the "no incidents" section.
    public static func render(_ report: HuntReport, minimumSeverity: Severity? = nil) -> String {
        var writer = TextWriter()
        for block in ReportComposer(report: report, minimumSeverity: minimumSeverity).blocks() { writer.write(block) }
        return AccessKeyScrubber(report).scrub(writer.output)
    }
}

/// Lays out report blocks as plain text; indentation follows the heading level.
private struct TextWriter {
    var output = ""
    private var indent = 0
    /// True right after a heading: the next block follows it without a blank line.
    private var attached = false

    mutating func write(_ block: ReportBlock) {
        switch block {
        case .title(let text):
            let line = text.terminal.uppercased()
            emit([line, String(repeating: "=", count: line.count)], at: 0)
            indent = 0
        case .heading(let text):
            let line = text.terminal
            emit([line, String(repeating: "=", count: line.count)], at: 0, gap: 2)
            indent = 0
        case .subheading(let text):
            emit([text.terminal, String(repeating: "-", count: text.terminal.count)], at: 0)
            indent = 2
            attached = true
        case .minorHeading(let text):
            emit([text.terminal], at: 2)
            indent = 5
            attached = true
        case .fields(let fields):
            let width = (fields.map(\.label.count).max() ?? 0) + 2
            emit(fields.map { pad($0.label + ":", width) + $0.value.terminal }, at: indent)
        case .bullets(let items):
            emit(items.map { "- " + $0.terminal }, at: indent)
        case .paragraph(let text):
            emit([text.terminal], at: indent)
        case .timeline(let entries):
            let width = (entries.map(\.when.count).max() ?? 0) + 2
            let sourceWidth = (entries.map { SafeText.terminal($0.sourceName).count }.max() ?? 0) + 2
            let lines = entries.map { entry in
                pad(entry.when, width) + pad(SafeText.terminal(entry.sourceName), sourceWidth) + entry.text.terminal
                    + (entry.eventID.map { " — event " + SafeText.terminal($0) } ?? "")
            }
            emit(lines.isEmpty ? ["No events."] : lines, at: indent)
        case .charts:
            break
        case .table(let table):
            emit([table.caption + ":"] + layout(table).map { "  " + $0 }, at: indent)
        case .checklist(let steps):
            for (index, step) in steps.enumerated() {
                let number = "\(index + 1). "
                var lines = ["[ ] " + number + step.titleText.terminal]
                let hang = String(repeating: " ", count: 4 + number.count)
                lines.append(hang + step.whyText.terminal)
                lines += step.commands.map { hang + "  " + SafeText.terminal($0) }
                emit(lines, at: indent)
            }
        }
    }

    private func layout(_ table: ReportBlock.Table) -> [String] {
        let cells = [table.headers] + table.rows.map { $0.map(\.terminal) }
        let widths = table.headers.indices.map { column in cells.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return cells.map { row in
            row.indices.map { column in
                let isLast = column == row.count - 1
                let cell = row[column]
                if table.numeric.contains(column) { return String(repeating: " ", count: widths[column] - cell.count) + cell }
                return isLast ? cell : pad(cell, widths[column])
            }.joined(separator: "  ")
        }
    }

    private mutating func emit(_ lines: [String], at indent: Int, gap: Int = 1) {
        let compact = attached
        attached = false
        if !output.isEmpty { output += String(repeating: "\n", count: compact ? 0 : gap) }
        let prefix = String(repeating: " ", count: indent)
        for line in lines { output += prefix + line + "\n" }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
