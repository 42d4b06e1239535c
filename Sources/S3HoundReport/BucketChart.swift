import S3HoundCore

/// Bytes out per bucket as horizontal bars (requests when no bucket sent bytes), as inline SVG;
/// buckets Macie flagged are drawn in their own colour, configuration labels follow the name.
struct BucketChart {
    let buckets: [IncidentCharts.BucketBar]

    /// At most this many buckets are drawn; the caption says how many were left out.
    static let limit = 12
    private static let width = 960.0
    private static let labelWidth = 330.0
    private static let row = 26.0
    private static let top = 30.0

    /// The chart, or nil when there are no buckets.
    func svg() -> String? {
        guard !buckets.isEmpty else { return nil }
        let byBytes = buckets.contains { $0.bytesOut > 0 }
        let shown = Array(buckets.sorted { byBytes ? $0.bytesOut > $1.bytesOut : $0.requests > $1.requests }.prefix(Self.limit))
        func value(_ bar: IncidentCharts.BucketBar) -> Double { Double(byBytes ? bar.bytesOut : Int64(bar.requests)) }
        func text(_ bar: IncidentCharts.BucketBar) -> String {
            byBytes ? ByteCount.format(bar.bytesOut) + " (\(ByteCount.grouped(bar.requests)) requests)" : ByteCount.grouped(bar.requests) + " requests"
        }
        let maximum = max(1, shown.map(value).max() ?? 1)
        let plot = Self.width - Self.labelWidth - 200
        let height = Self.top + Double(shown.count) * Self.row + 12
        let title = byBytes ? "Bytes out per bucket" : "Requests per bucket (no bytes were sent out)"
        var svg = "<svg class=\"chart buckets\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SafeText.html(title))\">"
        svg += "<text class=\"panel-title\" x=\"0\" y=\"16\">\(SafeText.html(title))</text>"
        if shown.contains(where: \.sensitive) {
            svg += "<rect x=\"\(SVG.number(Self.width - 250))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(SVG.sensitive.hex)\"/>"
            svg += "<text x=\"\(SVG.number(Self.width - 232))\" y=\"16\">Macie found sensitive data</text>"
        }
        for (index, bar) in shown.enumerated() {
            let y = Self.top + Double(index) * Self.row
            let width = max(1, value(bar) / maximum * plot)
            let name = Self.shortened(bar.name) + (bar.label.map { " [\(Self.shortened($0, to: 16))]" } ?? "")
            let colour = bar.sensitive ? SVG.sensitive : SVG.incident
            svg += "<text class=\"bucket\" x=\"\(SVG.number(Self.labelWidth - 8))\" y=\"\(SVG.number(y + 15))\" text-anchor=\"end\">\(SafeText.html(name))</text>"
            svg += "<rect x=\"\(SVG.number(Self.labelWidth))\" y=\"\(SVG.number(y + 3))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(Self.row - 8))\" fill=\"\(colour.hex)\"><title>\(SafeText.html(bar.name + ": " + text(bar)))</title></rect>"
            svg += "<text class=\"value\" x=\"\(SVG.number(Self.labelWidth + width + 6))\" y=\"\(SVG.number(y + 15))\">\(SafeText.html(text(bar)))</text>"
        }
        return svg + "</svg>"
    }

    /// The name cut to `length` characters with `…`, so long names do not run into the bars.
    static func shortened(_ name: String, to length: Int = 44) -> String {
        name.count <= length ? name : String(name.prefix(length - 1)) + "…"
    }
}
