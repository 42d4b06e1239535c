/// A half-open time range `[start, end)`; a nil bound is open.
public struct TimeWindow: Hashable, Sendable, Codable {
    /// Inclusive start, or nil for "from the beginning".
    public var start: EventTime?
    /// Exclusive end, or nil for "until the end".
    public var end: EventTime?

    /// Creates a window.
    public init(start: EventTime? = nil, end: EventTime? = nil) { self.start = start; self.end = end }

    /// The window with no bounds.
    public static let unbounded = TimeWindow()

    /// True when `time` falls inside.
    public func contains(_ time: EventTime) -> Bool {
        if let start, time < start { return false }
        if let end, time >= end { return false }
        return true
    }

    /// True when `[from, to]` overlaps the window.
    public func overlaps(from: EventTime, to: EventTime) -> Bool {
        if let start, to < start { return false }
        if let end, from >= end { return false }
        return true
    }
}
