import Foundation

/// A point in time with millisecond precision, as logs record it (UTC, no time zone).
public struct EventTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64

    /// Creates a time from milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    /// Creates a time from seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = secondsSinceEpoch * 1000 }

    /// Creates a time from a Foundation date.
    public init(_ date: Date) { self.millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The same instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000) }

    /// Whole seconds since the epoch (rounded down).
    public var secondsSinceEpoch: Int64 { millisecondsSinceEpoch.floorDiv(1000) }

    /// Whole minutes since the epoch (rounded down).
    public var minuteIndex: Int64 { millisecondsSinceEpoch.floorDiv(60_000) }

    /// Whole hours since the epoch (rounded down).
    public var hourIndex: Int64 { millisecondsSinceEpoch.floorDiv(3_600_000) }

    /// Whole days since the epoch (UTC, rounded down).
    public var dayIndex: Int64 { millisecondsSinceEpoch.floorDiv(86_400_000) }

    /// Hour of day in UTC, 0–23.
    public var hourOfDay: Int { Int(millisecondsSinceEpoch.floorDiv(3_600_000) - millisecondsSinceEpoch.floorDiv(86_400_000) * 24) }

    /// This time moved by a number of seconds.
    public func adding(seconds: Int64) -> EventTime { EventTime(millisecondsSinceEpoch: millisecondsSinceEpoch + seconds * 1000) }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool { lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch }

    /// ISO-8601 in UTC, e.g. `2026-02-23T02:47:12Z` (milliseconds only when non-zero).
    public var iso8601: String {
        let civil = CivilTime(millisecondsSinceEpoch: millisecondsSinceEpoch)
        let ms = Int(millisecondsSinceEpoch - millisecondsSinceEpoch.floorDiv(1000) * 1000)
        var text = "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T\(pad(civil.hour, 2)):\(pad(civil.minute, 2)):\(pad(civil.second, 2))"
        if ms != 0 { text += ".\(pad(ms, 3))" }
        return text + "Z"
    }

    /// `YYYY-MM-DD HH:MM UTC`, the way incident reports write times.
    public var reportMinute: String {
        let c = CivilTime(millisecondsSinceEpoch: millisecondsSinceEpoch)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)) UTC"
    }

    /// `YYYY-MM-DD` in UTC.
    public var dayString: String {
        let c = CivilTime(millisecondsSinceEpoch: millisecondsSinceEpoch)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso8601 }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = EventTime(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 time: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Int64 {
    /// Division rounding towards negative infinity.
    @inlinable public func floorDiv(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
