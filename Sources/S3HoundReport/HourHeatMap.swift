import S3HoundCore

/// Requests by hour of day (UTC), this incident against the principal's baseline: 24 cells in two
/// rows, each row shaded against its own busiest hour, as inline SVG. Hours the incident used that
/// the baseline never did are outlined.
struct HourHeatMap {
    let hours: HourComparison

    private static let left = 120.0
    private static let cell = 33.0
    private static let cellHeight = 30.0
    private static let top = 46.0

    /// The heat map.
    func svg() -> String {
        let width = Self.left + 24 * Self.cell + 10
        let height = Self.top + 2 * (Self.cellHeight + 6) + 30
        let label = "Requests by hour of day (UTC): this incident against the principal's baseline"
        var svg = "<svg class=\"chart hours\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SafeText.html(label))\">"
        svg += "<text class=\"panel-title\" x=\"0\" y=\"16\">Requests by hour of day (UTC)</text>"
        svg += "<text class=\"note\" x=\"0\" y=\"34\">darker = more requests, each row against its own busiest hour; outlined = an hour the baseline never used</text>"
        svg += row(title: "This incident", counts: hours.incident, colour: SVG.incident, y: Self.top, outline: true)
        svg += row(title: "Baseline", counts: hours.baseline, colour: SVG.usual, y: Self.top + Self.cellHeight + 6, outline: false)
        let labelY = Self.top + 2 * (Self.cellHeight + 6) + 12
        for hour in 0..<24 {
            let x = Self.left + Double(hour) * Self.cell + Self.cell / 2
            svg += "<text class=\"tick\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(labelY))\" text-anchor=\"middle\">\(hour < 10 ? "0" : "")\(hour)</text>"
        }
        return svg + "</svg>"
    }

    private func row(title: String, counts: [Int], colour: SVG.Colour, y: Double, outline: Bool) -> String {
        let maximum = max(1, counts.max() ?? 0)
        var out = "<text class=\"row-title\" x=\"\(SVG.number(Self.left - 8))\" y=\"\(SVG.number(y + Self.cellHeight / 2 + 4))\" text-anchor=\"end\">\(SafeText.html(title))</text>"
        for hour in 0..<24 {
            let count = hour < counts.count ? counts[hour] : 0
            let fill = count == 0 ? SVG.empty : SVG.empty.mixed(with: colour, 0.2 + 0.8 * Double(count) / Double(maximum))
            let isNew = outline && count > 0 && hours.baseline.indices.contains(hour) && hours.baseline[hour] == 0
            let stroke = isNew ? " stroke=\"#111111\" stroke-width=\"2.5\"" : " stroke=\"#ffffff\" stroke-width=\"1\""
            let x = Self.left + Double(hour) * Self.cell
            let tip = "\(title), \(hour < 10 ? "0" : "")\(hour):00 UTC: \(ByteCount.grouped(count)) requests\(isNew ? " (never in the baseline)" : "")"
            out += "<rect x=\"\(SVG.number(x + 1))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(Self.cell - 2))\" height=\"\(SVG.number(Self.cellHeight))\" fill=\"\(fill.hex)\"\(stroke)><title>\(SafeText.html(tip))</title></rect>"
            if count > 0 {
                let textColour = Double(count) / Double(maximum) > 0.5 ? "#ffffff" : "#222222"
                out += "<text class=\"cell\" x=\"\(SVG.number(x + Self.cell / 2))\" y=\"\(SVG.number(y + Self.cellHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(textColour)\">\(SVG.cellCount(count))</text>"
            }
        }
        return out
    }
}
