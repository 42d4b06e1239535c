import S3HoundCore

/// Requests and bytes per minute over an incident against the principal's usual rate: two bar
/// panels on one time axis, as inline SVG. Long incidents are drawn in bins of several minutes
/// (the panel titles say so, and the usual line is scaled to the bin).
struct ActivityChart {
    let minutes: [MinuteActivity]
    let usual: UsualRate?

    private static let width = 960.0
    private static let left = 78.0
    private static let right = 110.0
    private static let panelHeight = 140.0
    private static let legendHeight = 34.0
    private static let panelGap = 52.0
    private static let bottom = 36.0
    private var plotWidth: Double { Self.width - Self.left - Self.right }

    /// The chart, or nil when there are no minutes to draw.
    func svg() -> String? {
        guard let firstMinute = minutes.first?.minute.minuteIndex, let lastMinute = minutes.last?.minute.minuteIndex else { return nil }
        let span = Int(lastMinute - firstMinute + 1)
        let bin = Self.binMinutes(span)
        let count = (span + bin - 1) / bin
        var requests = [Double](repeating: 0, count: count)
        var bytes = [Double](repeating: 0, count: count)
        for minute in minutes {
            let index = min(count - 1, max(0, Int(minute.minute.minuteIndex - firstMinute) / bin))
            requests[index] += Double(minute.requests)
            bytes[index] += Double(minute.bytesOut)
        }
        let per = bin == 1 ? "minute" : "\(bin) minutes"
        let height = Self.legendHeight + 2 * Self.panelHeight + Self.panelGap + 26 + Self.bottom
        let top1 = Self.legendHeight + 20
        let top2 = top1 + Self.panelHeight + Self.panelGap
        let axis = TimeAxis(first: firstMinute, binMinutes: bin, bins: count, left: Self.left, width: plotWidth)
        let label = "Requests and bytes per \(per) in this incident, against the principal's usual rate per active minute"
        var svg = "<svg class=\"chart activity\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SafeText.html(label))\">"
        svg += legend(bin: bin)
        svg += panel(title: "Requests per \(per)", values: requests, usual: usual.map { $0.requests * Double(bin) }, top: top1,
                     colour: SVG.incident, axis: axis, bytes: false, format: { SVG.shortCount($0) }, unit: "requests")
        svg += panel(title: "Bytes out per \(per)", values: bytes, usual: usual.map { $0.bytesOut * Double(bin) }, top: top2,
                     colour: SVG.bytes, axis: axis, bytes: true, format: { ByteCount.format(Int64($0.rounded())) }, unit: "")
        svg += axis.labels(y: top2 + Self.panelHeight + 18)
        svg += "</svg>"
        return svg
    }

    /// Minutes per bar, so that at most 240 bars are drawn.
    static func binMinutes(_ span: Int) -> Int {
        for bin in [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440] where (span + bin - 1) / bin <= 240 { return bin }
        return max(1, (span + 239) / 240)
    }

    private func legend(bin: Int) -> String {
        let y = 16.0
        var out = "<g class=\"legend\">"
        out += "<rect x=\"\(SVG.number(Self.left))\" y=\"\(SVG.number(y - 9))\" width=\"12\" height=\"12\" fill=\"\(SVG.incident.hex)\"/>"
        out += "<text x=\"\(SVG.number(Self.left + 18))\" y=\"\(SVG.number(y + 1))\">requests in this incident</text>"
        out += "<rect x=\"\(SVG.number(Self.left + 190))\" y=\"\(SVG.number(y - 9))\" width=\"12\" height=\"12\" fill=\"\(SVG.bytes.hex)\"/>"
        out += "<text x=\"\(SVG.number(Self.left + 208))\" y=\"\(SVG.number(y + 1))\">bytes out in this incident</text>"
        let lineX = Self.left + 390
        if usual != nil {
            out += "<line x1=\"\(SVG.number(lineX))\" y1=\"\(SVG.number(y - 3))\" x2=\"\(SVG.number(lineX + 28))\" y2=\"\(SVG.number(y - 3))\" stroke=\"\(SVG.usual.hex)\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"
            let scaled = bin == 1 ? "" : ", × \(bin) minutes"
            out += "<text x=\"\(SVG.number(lineX + 36))\" y=\"\(SVG.number(y + 1))\">the principal's usual per active minute (baseline\(scaled))</text>"
        } else {
            out += "<text x=\"\(SVG.number(lineX))\" y=\"\(SVG.number(y + 1))\">no baseline: the principal's usual rate is unknown</text>"
        }
        return out + "</g>"
    }

    private func panel(title: String, values: [Double], usual: Double?, top: Double, colour: SVG.Colour, axis: TimeAxis,
                       bytes: Bool, format: (Double) -> String, unit: String) -> String {
        let height = Self.panelHeight
        let highest = max(values.max() ?? 0, usual ?? 0)
        let (maximum, step) = bytes ? SVG.byteAxis(upTo: highest) : SVG.axis(upTo: highest)
        func y(_ value: Double) -> Double { top + height - value / maximum * height }
        var out = "<g class=\"panel\"><text class=\"panel-title\" x=\"\(SVG.number(Self.left))\" y=\"\(SVG.number(top - 10))\">\(SafeText.html(title))</text>"
        var tick = 0.0
        while tick <= maximum + step / 2 {
            out += "<line class=\"grid\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(y(tick)))\" x2=\"\(SVG.number(Self.left + plotWidth))\" y2=\"\(SVG.number(y(tick)))\"/>"
            out += "<text class=\"tick\" x=\"\(SVG.number(Self.left - 6))\" y=\"\(SVG.number(y(tick) + 4))\" text-anchor=\"end\">\(SafeText.html(format(tick)))</text>"
            tick += step
        }
        out += axis.ticks(top: top, height: height)
        let slot = plotWidth / Double(values.count)
        let barWidth = min(48, slot > 4 ? slot * 0.8 : slot)
        for (index, value) in values.enumerated() where value > 0 {
            let x = Self.left + Double(index) * slot + (slot - barWidth) / 2
            let label = "\(axis.label(bin: index)) UTC: \(format(value))\(unit.isEmpty ? "" : " " + unit)"
            out += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y(value)))\" width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(max(0.5, value / maximum * height)))\" fill=\"\(colour.hex)\"><title>\(SafeText.html(label))</title></rect>"
        }
        if let usual {
            let lineY = y(usual)
            out += "<line class=\"usual\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(lineY))\" x2=\"\(SVG.number(Self.left + plotWidth))\" y2=\"\(SVG.number(lineY))\" stroke=\"\(SVG.usual.hex)\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"
            out += "<text class=\"usual-label\" x=\"\(SVG.number(Self.left + plotWidth + 6))\" y=\"\(SVG.number(lineY + 4))\">usual \(SafeText.html(format(usual)))</text>"
        }
        out += "<line class=\"axis\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(top + height))\" x2=\"\(SVG.number(Self.left + plotWidth))\" y2=\"\(SVG.number(top + height))\"/>"
        return out + "</g>"
    }
}

/// The shared time axis of the activity panels: where bins sit and which clock times are labelled.
private struct TimeAxis {
    let first: Int64
    let binMinutes: Int
    let bins: Int
    let left: Double
    let width: Double

    private var spanMinutes: Int { bins * binMinutes }
    private var withDate: Bool { first / 1440 != (first + Int64(spanMinutes) - 1) / 1440 }

    /// Minutes between labelled ticks: at most 8 labels.
    private var tickMinutes: Int {
        for step in [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080] where spanMinutes / step <= 8 { return step }
        return max(1, spanMinutes / 8)
    }

    private func x(minute: Int64) -> Double { left + Double(minute - first) / Double(spanMinutes) * width }

    private var tickMinutesList: [Int64] {
        let step = Int64(tickMinutes)
        var minute = (first + step - 1) / step * step
        var out: [Int64] = []
        while minute <= first + Int64(spanMinutes) { out.append(minute); minute += step }
        return out
    }

    /// Vertical tick lines across a panel.
    func ticks(top: Double, height: Double) -> String {
        tickMinutesList.map { minute in
            let x = SVG.number(x(minute: minute))
            return "<line class=\"grid-x\" x1=\"\(x)\" y1=\"\(SVG.number(top))\" x2=\"\(x)\" y2=\"\(SVG.number(top + height + 4))\"/>"
        }.joined()
    }

    /// Clock labels under the lower panel.
    func labels(y: Double) -> String {
        var out = tickMinutesList.map { minute in
            "<text class=\"tick\" x=\"\(SVG.number(x(minute: minute)))\" y=\"\(SVG.number(y))\" text-anchor=\"middle\">\(SVG.clock(minute: minute, withDate: withDate))</text>"
        }.joined()
        out += "<text class=\"tick\" x=\"\(SVG.number(left + width))\" y=\"\(SVG.number(y + 16))\" text-anchor=\"end\">time (UTC)</text>"
        return out
    }

    /// `02:47` (or a span `02:45–02:49`) for a bin.
    func label(bin: Int) -> String {
        let start = first + Int64(bin * binMinutes)
        let clock = SVG.clock(minute: start, withDate: withDate)
        return binMinutes == 1 ? clock : clock + "–" + SVG.clock(minute: start + Int64(binMinutes) - 1, withDate: false)
    }
}
