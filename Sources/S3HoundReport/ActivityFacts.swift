import Foundation
import S3HoundCore

/// An incident's activity against the principal's usual: busiest minute, usual rate, hours of day.
struct ActivityFacts {
    /// Minutes with activity, in time order.
    let minutes: [MinuteActivity]
    /// The principal's usual rate per active minute, when it has a baseline.
    let usual: UsualRate?
    /// Requests by hour of day, incident against baseline.
    let hours: HourComparison?

    init(_ story: IncidentStory) {
        minutes = story.minutes.sorted { $0.minute < $1.minute }
        usual = story.usualPerMinute
        hours = story.hours
    }

    /// True when there is nothing to show.
    var isEmpty: Bool { minutes.isEmpty && hours == nil }

    /// The minute with most requests (the earliest of equals).
    var busiest: MinuteActivity? { minutes.max { $0.requests != $1.requests ? $0.requests < $1.requests : $0.minute > $1.minute } }

    /// The activity section's lines.
    func fields() -> [ReportBlock.Field] {
        var fields: [ReportBlock.Field] = []
        if let busiest {
            let failed: Prose = busiest.failed > 0 ? " (\(busiest.failed) failed)" : ""
            fields.append(.init(label: "Busiest minute", value: "\(busiest.minute): \(busiest.requests) requests\(failed), \(bytes: busiest.bytesOut)"))
            let requests = minutes.reduce(0) { $0 + $1.requests }
            fields.append(.init(label: "Minutes active", value: "\(minutes.count), \(requests) requests in all"))
        }
        if let usual {
            fields.append(.init(label: "Usual for this principal", value: "\(trusted: Self.decimal(usual.requests)) requests and \(bytes: Int64(usual.bytesOut.rounded())) per active minute (baseline)"))
            if let busiest, usual.requests > 0 {
                var text: Prose = "\(trusted: Self.multiple(Double(busiest.requests) / usual.requests)) the usual request rate"
                if usual.bytesOut > 0, busiest.bytesOut > 0 {
                    text = text + "; \(trusted: Self.multiple(Double(busiest.bytesOut) / usual.bytesOut)) the usual bytes"
                }
                fields.append(.init(label: "Busiest minute against usual", value: text))
            }
        } else if !minutes.isEmpty {
            fields.append(.init(label: "Usual for this principal", value: "unknown (no baseline history)"))
        }
        if let hours {
            let incident = Self.activeHours(hours.incident)
            let baseline = Self.activeHours(hours.baseline)
            let new = hours.incident.indices.filter { hours.incident[$0] > 0 && hours.baseline[$0] == 0 }
            var text: Prose = "this incident \(trusted: Self.hourList(incident)); baseline \(trusted: baseline.isEmpty ? "none" : Self.hourList(baseline))"
            if !new.isEmpty, !baseline.isEmpty { text = text + "; never active at \(trusted: Self.hourList(new)) before" }
            fields.append(.init(label: "Hours active (UTC)", value: text))
        }
        return fields
    }

    /// Hours (0–23) with any requests.
    static func activeHours(_ counts: [Int]) -> [Int] { counts.indices.filter { counts[$0] > 0 } }

    /// `02–04, 09` for 2, 3, 4, 9: consecutive hours as ranges.
    static func hourList(_ hours: [Int]) -> String {
        guard !hours.isEmpty else { return "none" }
        var runs: [(Int, Int)] = []
        for hour in hours.sorted() {
            if let last = runs.last, last.1 == hour - 1 { runs[runs.count - 1].1 = hour } else { runs.append((hour, hour)) }
        }
        func two(_ h: Int) -> String { h < 10 ? "0\(h)" : "\(h)" }
        return runs.map { $0.0 == $0.1 ? two($0.0) : "\(two($0.0))–\(two($0.1))" }.joined(separator: ", ")
    }

    /// `129×` or `2.5×`.
    static func multiple(_ value: Double) -> String {
        value >= 10 ? "\(ByteCount.grouped(Int(value.rounded())))×" : "\(decimal(value))×"
    }

    /// One decimal place: `3.2`.
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
