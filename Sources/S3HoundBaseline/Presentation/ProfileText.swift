import S3HoundCore
import S3HoundDetections

/// A profile as text for a terminal: every value from the logs made terminal-safe.
public enum ProfileText {
    /// Renders `profile`; lists of terms are sorted by count and cut at `limit` entries.
    public static func render(_ profile: PrincipalProfile, limit: Int = 20) -> String {
        var lines: [String] = []
        let days = profile.activeDayIndexes.sorted()
        lines.append("Principal     \(SafeText.terminal(profile.principal))")
        var type = SafeText.terminal(profile.identityType ?? "unknown type")
        if let account = profile.accountId { type += " in account \(SafeText.terminal(account))" }
        lines.append("Identity      \(type)")
        lines.append("First seen    \(profile.firstSeen.reportMinute)")
        lines.append("Last seen     \(profile.lastSeen.reportMinute)")
        if let first = days.first, let last = days.last {
            lines.append("Active days   \(days.count) (\(day(first)) to \(day(last)))")
        }
        lines.append("")
        lines += terms("Source IPs", profile.sourceIPs, unit: "events", limit: limit)
        lines += terms("User-agent families", profile.userAgentFamilies, unit: "events", limit: limit)
        lines += terms("Buckets read", profile.buckets, unit: "reads", limit: limit)
        lines += histogram(profile.hourOfDay)
        lines += volumes(profile)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func day(_ index: Int64) -> String { EventTime(secondsSinceEpoch: index * 86_400).dayString }

    private static func terms(_ title: String, _ terms: [String: TermHistory], unit: String, limit: Int) -> [String] {
        var lines = ["\(title) (\(terms.count))"]
        if terms.isEmpty { lines.append("  none"); lines.append(""); return lines }
        let sorted = terms.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let width = min(40, sorted.prefix(limit).map { SafeText.terminal($0.key).count }.max() ?? 0)
        for (term, history) in sorted.prefix(limit) {
            let name = SafeText.terminal(term)
            let padded = name.count < width ? name + String(repeating: " ", count: width - name.count) : name
            lines.append("  \(padded)  first \(history.firstSeen.reportMinute)  last \(history.lastSeen.reportMinute)  \(ByteCount.grouped(history.count)) \(unit)")
        }
        if sorted.count > limit { lines.append("  … and \(sorted.count - limit) more (--format json lists all)") }
        lines.append("")
        return lines
    }

    /// The hour-of-day histogram as bars of `#`, 40 wide at the busiest hour.
    static func histogram(_ hours: [Int]) -> [String] {
        var lines = ["Events by hour of day (UTC)"]
        let peak = max(1, hours.max() ?? 1)
        for (hour, count) in hours.enumerated() {
            let bar = String(repeating: "#", count: count == 0 ? 0 : max(1, count * 40 / peak))
            let padded = bar + String(repeating: " ", count: 40 - bar.count)
            lines.append("  \(HourOfDay.label(hour)) |\(padded) \(ByteCount.grouped(count))")
        }
        lines.append("")
        return lines
    }

    private static func volumes(_ profile: PrincipalProfile) -> [String] {
        var lines = ["Object reads (successful GetObject; hours and days with reads: \(profile.hourlyReads.count) and \(profile.dailyReads.count))"]
        guard !profile.hourlyReads.isEmpty else { lines.append("  none"); return lines }
        lines.append("                      p50          p95          max")
        let rows: [(String, VolumeMeasure, Bool)] = [("per hour, requests", .hourlyRequests, false), ("per hour, bytes   ", .hourlyBytes, true),
                                                     ("per day, requests ", .dailyRequests, false), ("per day, bytes    ", .dailyBytes, true)]
        for (label, measure, bytes) in rows {
            let cells = [50.0, 95.0, 100.0].map { p -> String in
                let value = profile.percentile(p, of: measure) ?? 0
                let text = bytes ? ByteCount.format(Int64(value.rounded())) : ByteCount.grouped(Int(value.rounded()))
                return String(repeating: " ", count: max(0, 11 - text.count)) + text
            }
            lines.append("  \(label)  " + cells.joined(separator: "  "))
        }
        return lines
    }
}
