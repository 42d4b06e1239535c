import S3HoundCore

/// One line of an incident's report timeline: when, which evidence source says so, what, and the
/// event that shows it.
struct TimelineLine: Hashable, Sendable {
    /// When it started.
    var time: EventTime
    /// When it ended, for spans (a burst, a copy window).
    var end: EventTime?
    /// The evidence source key (`cloudTrail`, `guardDuty` …, or `s3hound` for the report itself).
    var source: String
    /// What kind of moment (`first-anomalous-request`, `burst`, `finding`, `guardduty`, `report` …).
    var kind: String
    /// What happened.
    var text: Prose
    /// The `eventID` of the event that marks it, when there is one.
    var eventID: String?

    /// `2026-02-23 02:47 UTC`, or a span `2026-02-23 02:47–04:12 UTC`.
    var when: String { TimeText.span(time, end) }
    /// The source as a reader names it: `CloudTrail`, `GuardDuty`, `VPC Flow Logs` …
    var sourceName: String { EvidenceSource.name(source) }
}

/// How reports write times and spans.
enum TimeText {
    /// A single minute, or a span; the date is written once when both ends share it.
    static func span(_ start: EventTime, _ end: EventTime?) -> String {
        guard let end, end.minuteIndex != start.minuteIndex else { return start.reportMinute }
        if start.dayIndex == end.dayIndex {
            let clock = String(end.reportMinute.dropFirst(11))  // "HH:MM UTC"
            return String(start.reportMinute.dropLast(4)) + "–" + clock
        }
        return String(start.reportMinute.dropLast(4)) + " – " + end.reportMinute
    }

    /// A time window: `2026-02-22 00:00 UTC – 2026-02-23 00:00 UTC`, with open ends named.
    static func window(_ window: TimeWindow) -> String {
        let start = window.start?.reportMinute ?? "start of input"
        let end = window.end?.reportMinute ?? "end of input"
        return "\(start) – \(end)"
    }

    /// `Critical` for `.critical`.
    static func severity(_ severity: Severity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }
}
