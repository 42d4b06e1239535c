import Foundation

/// `--since`/`--until` values: absolute ISO-8601 (`2026-02-22`, `2026-02-22T03:00Z`) or relative to now (`24h`, `7d`, `30m`, `2w`).
public enum TimeExpression {
    /// Parses a time expression; relative values count back from `now`.
    public static func parse(_ text: String, now: EventTime) -> EventTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = parseDuration(trimmed) { return now.adding(seconds: -seconds) }
        return EventTime(iso8601: trimmed)
    }

    /// Parses a duration such as `90s`, `30m`, `24h`, `7d`, `2w` into seconds.
    public static func parseDuration(_ text: String) -> Int64? {
        guard let unit = text.last, let value = Int64(text.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        case "w": return value * 604_800
        default: return nil
        }
    }

    /// Writes seconds back as the largest whole unit up to days: `3600` → `1h`, `604800` → `7d`.
    public static func formatDuration(_ seconds: Int64) -> String {
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
