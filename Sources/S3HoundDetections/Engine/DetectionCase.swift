import S3HoundCore

/// One example a detection must fire or stay quiet on, with its events.
public struct DetectionCase: Sendable {
    /// Whether the detection must fire.
    public enum Expectation: String, Sendable { case fires, quiet }

    /// What the case shows, in a sentence.
    public var name: String
    /// Fire or stay quiet.
    public var expectation: Expectation
    /// The events, history first.
    public var events: [ActivityEvent]
    /// Start of the detection window; events before it are baseline. Nil: everything is window, no baseline.
    public var windowStart: EventTime?
    /// Tunables for the case.
    public var configuration: DetectionConfiguration

    /// A case that must produce at least one finding.
    public static func fires(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(), _ events: [ActivityEvent]) -> DetectionCase {
        DetectionCase(name: name, expectation: .fires, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
    }

    /// A case that must produce no finding.
    public static func quiet(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(), _ events: [ActivityEvent]) -> DetectionCase {
        DetectionCase(name: name, expectation: .quiet, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
    }

    /// Runs the case against a detection and returns its findings.
    public func run(_ detection: any Detection) -> [Finding] {
        let eventDetections = (detection as? any EventDetection).map { [$0] } ?? []
        let streamDetections = (detection as? any StreamDetection).map { [$0] } ?? []
        let accumulator = ActivityAccumulator(configuration: configuration, eventDetections: eventDetections, streamDetections: streamDetections)
        for event in events { accumulator.add(event) }
        let windows = windowStart.map { AnalysisWindows(window: TimeWindow(start: $0), baseline: TimeWindow(end: $0)) }
            ?? AnalysisWindows(window: .unbounded, baseline: nil)
        return detection.findings(in: accumulator, windows: windows)
    }

    /// True when the detection behaves as the case expects.
    public func passes(_ detection: any Detection) -> Bool {
        let fired = !run(detection).isEmpty
        return fired == (expectation == .fires)
    }
}
