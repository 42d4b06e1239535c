import S3HoundCore

/// The S3 delivery layout of CloudTrail, `[prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>`,
/// read from paths so whole folders and files outside a time range are skipped before they are opened.
public struct DeliveryLayout: Sendable {
    /// The time range records must fall in; nil bounds are open.
    public var range: TimeWindow
    /// How long after an event CloudTrail may deliver it (file names and day folders carry delivery time).
    public var deliveryDelaySeconds: Int64

    /// Creates a pruner for a range of event times.
    public init(range: TimeWindow, deliveryDelaySeconds: Int64 = 3600) {
        self.range = range; self.deliveryDelaySeconds = deliveryDelaySeconds
    }

    /// What a path says about delivery times: the span of delivery instants it can hold.
    public struct Span: Equatable, Sendable {
        /// First possible delivery time (inclusive).
        public var start: EventTime
        /// End of possible delivery times (exclusive).
        public var end: EventTime
    }

    /// For a folder below `CloudTrail/<region>/` (or `vpcflowlogs/<region>/`), the delivery span its `YYYY[/MM[/DD]]` names; nil elsewhere.
    public static func folderSpan(_ components: [Substring]) -> Span? {
        guard let anchor = components.lastIndex(where: { $0 == "CloudTrail" || $0 == "vpcflowlogs" }), anchor + 1 < components.count else { return nil }
        let dateParts = components[(anchor + 2)...]
        guard !dateParts.isEmpty, dateParts.count <= 3 else { return nil }
        let numbers = dateParts.map { Int($0) }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        let year = numbers[0]!
        let parts = Array(dateParts)
        guard parts[0].count == 4 else { return nil }
        if numbers.count == 1 {
            return Span(start: day(year, 1, 1), end: day(year + 1, 1, 1))
        }
        let month = numbers[1]!
        guard (1...12).contains(month) else { return nil }
        if numbers.count == 2 {
            return Span(start: day(year, month, 1), end: month == 12 ? day(year + 1, 1, 1) : day(year, month + 1, 1))
        }
        let dayOfMonth = numbers[2]!
        guard CivilTime(year: year, month: month, day: dayOfMonth).isValid else { return nil }
        let start = day(year, month, dayOfMonth)
        return Span(start: start, end: start.adding(seconds: 86_400))
    }

    /// For a CloudTrail file name (`<acct>_CloudTrail_<region>_YYYYMMDDTHHMMZ_<id>.json.gz`), its delivery minute.
    public static func fileDeliveryTime(_ name: Substring) -> EventTime? {
        guard let marker = name.range(of: "_CloudTrail_") else { return nil }
        let rest = name[marker.upperBound...].split(separator: "_")
        guard rest.count >= 2 else { return nil }
        let stamp = Array(rest[1].utf8)
        guard stamp.count == 14, stamp[8] == UInt8(ascii: "T"), stamp[13] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: stamp[range], as: UTF8.self)) }
        guard let y = number(0..<4), let mo = number(4..<6), let d = number(6..<8), let h = number(9..<11), let mi = number(11..<13) else { return nil }
        let civil = CivilTime(year: y, month: mo, day: d, hour: h, minute: mi)
        guard civil.isValid else { return nil }
        return EventTime(secondsSinceEpoch: civil.secondsSinceEpoch)
    }

    /// True when every event delivered within `span` falls outside the range.
    public func excludes(_ span: Span) -> Bool {
        // Events are delivered after they happen, up to `deliveryDelaySeconds` later.
        if let start = range.start, span.end <= start { return true }
        if let end = range.end, span.start.adding(seconds: -deliveryDelaySeconds) >= end { return true }
        return false
    }

    /// True when a file delivered at `delivery` can only hold events outside the range.
    public func excludesFile(deliveredAt delivery: EventTime) -> Bool {
        excludes(Span(start: delivery, end: delivery.adding(seconds: 60)))
    }

    private static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> EventTime {
        EventTime(secondsSinceEpoch: CivilTime.daysSinceEpoch(year: year, month: month, day: dayOfMonth) * 86_400)
    }
}
