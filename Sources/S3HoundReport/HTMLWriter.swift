import S3HoundCore

/// Lays out report blocks as HTML: every value through `SafeText.html`, charts as inline SVG.
struct HTMLWriter {
    private(set) var output = ""

    mutating func write(_ blocks: [ReportBlock]) { for block in blocks { write(block) } }

    mutating func write(_ block: ReportBlock) {
        switch block {
        case .title(let text): output += "<h1>\(text.html)</h1>\n"
        case .heading(let text): output += "<h2>\(text.html)</h2>\n"
        case .subheading(let text): output += "<h3>\(text.html)</h3>\n"
        case .minorHeading(let text): output += "<h4>\(text.html)</h4>\n"
        case .fields(let fields):
            output += "<dl class=\"fields\">" + fields.map { "<dt>\(SafeText.html($0.label))</dt><dd>\($0.value.html)</dd>" }.joined() + "</dl>\n"
        case .bullets(let items): output += "<ul class=\"notes\">" + items.map { "<li>\($0.html)</li>" }.joined() + "</ul>\n"
        case .paragraph(let text): output += "<p>\(text.html)</p>\n"
        case .timeline(let entries): output += timeline(entries)
        case .table(let table): output += Self.table(table)
        case .checklist(let steps): output += checklist(steps)
        case .charts(let charts): output += Self.charts(charts)
        }
    }

    private func timeline(_ entries: [TimelineLine]) -> String {
        guard !entries.isEmpty else { return "<p>No events.</p>\n" }
        var out = "<div class=\"table-wrap\"><table class=\"timeline\"><thead><tr><th>When</th><th>Source</th><th>What happened</th><th>Event</th></tr></thead><tbody>"
        for entry in entries {
            let sourceClass = entry.source.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ? entry.source : "other"
            out += "<tr><td class=\"when\">\(SafeText.html(entry.when))</td>"
            out += "<td><span class=\"source \(sourceClass)\">\(SafeText.html(entry.sourceName))</span></td>"
            out += "<td>\(entry.text.html)</td><td class=\"mono\">\(SafeText.html(entry.eventID ?? ""))</td></tr>"
        }
        return out + "</tbody></table></div>\n"
    }

    static func table(_ table: ReportBlock.Table) -> String {
        func cls(_ column: Int) -> String { table.numeric.contains(column) ? " class=\"num\"" : "" }
        var out = "<div class=\"table-wrap\"><table><caption>\(SafeText.html(table.caption))</caption><thead><tr>"
        out += table.headers.enumerated().map { "<th\(cls($0.offset))>\(SafeText.html($0.element))</th>" }.joined()
        out += "</tr></thead><tbody>"
        for row in table.rows {
            out += "<tr>" + row.enumerated().map { "<td\(cls($0.offset))>\($0.element.html)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table></div>\n"
    }

    private func checklist(_ steps: [ContainmentStep]) -> String {
        var out = "<ol class=\"checklist\">"
        for step in steps {
            out += "<li><label><input type=\"checkbox\"> <span>\(step.titleText.html)</span></label><p>\(step.whyText.html)</p>"
            if !step.commands.isEmpty {
                out += "<pre><code>" + step.commands.map(SafeText.html).joined(separator: "\n") + "</code></pre>"
            }
            out += "</li>"
        }
        return out + "</ol>\n"
    }

    static func charts(_ charts: IncidentCharts) -> String {
        var figures: [String] = []
        if let svg = ActivityChart(minutes: charts.minutes, usual: charts.usual).svg() {
            let bin = ActivityChart.binMinutes(Int((charts.minutes.last?.minute.minuteIndex ?? 0) - (charts.minutes.first?.minute.minuteIndex ?? 0) + 1))
            let per = bin == 1 ? "one minute" : "\(bin) minutes"
            let usual = charts.usual == nil ? "This principal has no baseline, so its usual rate is unknown."
                : "The dashed line is what this principal usually does in a minute it is active, from its baseline."
            figures.append(figure(svg, caption: "Each bar is \(per) of this incident (minutes without requests are empty). \(usual)"))
        }
        if let svg = BucketChart(buckets: charts.buckets).svg() {
            let more = charts.buckets.count > BucketChart.limit ? " The \(BucketChart.limit) largest of \(charts.buckets.count) buckets are shown; the table below lists all." : ""
            figures.append(figure(svg, caption: "What each bucket sent out in this incident; a configuration label follows the bucket's name in brackets.\(more)"))
        }
        if let hours = charts.hours {
            figures.append(figure(HourHeatMap(hours: hours).svg(), caption: "Hours of day (UTC) of this incident's requests, against the hours this principal was active in its baseline."))
        }
        guard !figures.isEmpty else { return "" }
        return "<div class=\"charts\">" + figures.joined() + "</div>\n"
    }

    private static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(SafeText.html(caption))</figcaption></figure>"
    }
}
