import Foundation

/// Small helpers for the HTML report's inline SVG charts: coordinates, axis scales, colours.
enum SVG {
    /// A colour as red, green and blue components (0–255).
    struct Colour: Equatable {
        var red: Int
        var green: Int
        var blue: Int

        /// `#c62828`.
        var hex: String { "#" + [red, green, blue].map { String(format: "%02x", $0) }.joined() }

        /// The colour `fraction` of the way from `self` to `other`.
        func mixed(with other: Colour, _ fraction: Double) -> Colour {
            let t = min(1, max(0, fraction))
            func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
            return Colour(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
        }
    }

    /// This incident's bars and cells.
    static let incident = Colour(red: 0xC6, green: 0x28, blue: 0x28)
    /// Bytes bars.
    static let bytes = Colour(red: 0xEF, green: 0x6C, blue: 0x00)
    /// The principal's usual: lines and baseline cells.
    static let usual = Colour(red: 0x15, green: 0x65, blue: 0xC0)
    /// Buckets Macie flagged.
    static let sensitive = Colour(red: 0x6A, green: 0x1B, blue: 0x9A)
    /// Empty cells.
    static let empty = Colour(red: 0xF2, green: 0xF2, blue: 0xF2)

    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// A step of 1, 2 or 5 × 10ⁿ near `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// An axis from 0 that holds `value`, with about `ticks` gridlines; integral steps for counts.
    static func axis(upTo value: Double, ticks: Int = 4, integral: Bool = true) -> (max: Double, step: Double) {
        var step = niceStep(max(value, 1) / Double(ticks))
        if integral { step = max(1, step.rounded(.up)) }
        let top = max(step, (max(value, 0) / step).rounded(.up) * step)
        return (top, step)
    }

    /// An axis from 0 for byte counts, with steps of 1, 2 or 5 × 10ⁿ of a binary unit (KB, MB, GB …)
    /// so that ticks read `50.0 MB`, not `47.7 MB`.
    static func byteAxis(upTo value: Double, ticks: Int = 4) -> (max: Double, step: Double) {
        var unit = 1.0
        while value / unit >= 1024, unit < pow(1024, 5) { unit *= 1024 }
        let scaled = axis(upTo: value / unit, ticks: ticks, integral: unit == 1)
        return (scaled.max * unit, scaled.step * unit)
    }

    /// `HH:MM` of a minute index, with `MM-DD ` in front when `withDate`.
    static func clock(minute: Int64, withDate: Bool) -> String {
        let text = EventTimeText.reportMinute(minute: minute)  // YYYY-MM-DD HH:MM UTC
        let clock = String(text.dropFirst(11).prefix(5))
        return withDate ? String(text.dropFirst(5).prefix(5)) + " " + clock : clock
    }

    /// `940`, `1.4k`, `12k`: counts short enough for a heat-map cell.
    static func cellCount(_ value: Int) -> String {
        switch value {
        case ..<1_000: return String(value)
        case ..<10_000: return number(Double(value) / 1_000) + "k"
        case ..<1_000_000: return String(value / 1_000) + "k"
        default: return String(value / 1_000_000) + "M"
        }
    }

    /// `1.2k`, `3.4M`: short counts for axis labels.
    static func shortCount(_ value: Double) -> String {
        switch value {
        case 1_000_000...: return number(value / 1_000_000) + "M"
        case 10_000...: return number(value / 1_000) + "k"
        default: return number(value)
        }
    }
}
