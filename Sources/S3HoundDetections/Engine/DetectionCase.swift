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
    /// VPC flow-log records of the case (for detections over network egress).
    public var flows: [FlowRecord] = []
    /// GuardDuty/Macie findings of the case.
    public var serviceFindings: [ServiceFinding] = []

    /// A case that must produce at least one finding.
    public static func fires(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(), _ events: [ActivityEvent]) -> DetectionCase {
        DetectionCase(name: name, expectation: .fires, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
    }

    /// A case that must produce no finding.
    public static func quiet(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(), _ events: [ActivityEvent]) -> DetectionCase {
        DetectionCase(name: name, expectation: .quiet, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
    }

    /// A case over flow records and service findings (and optionally events) that must produce a finding.
    public static func fires(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(),
                             events: [ActivityEvent] = [], flows: [FlowRecord] = [], serviceFindings: [ServiceFinding] = []) -> DetectionCase {
        var value = DetectionCase(name: name, expectation: .fires, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
        value.flows = flows; value.serviceFindings = serviceFindings
        return value
    }

    /// A case over flow records and service findings (and optionally events) that must produce no finding.
    public static func quiet(_ name: String, windowStart: String? = nil, configuration: DetectionConfiguration = .init(),
                             events: [ActivityEvent] = [], flows: [FlowRecord] = [], serviceFindings: [ServiceFinding] = []) -> DetectionCase {
        var value = DetectionCase(name: name, expectation: .quiet, events: events, windowStart: windowStart.flatMap(EventTime.init(iso8601:)), configuration: configuration)
        value.flows = flows; value.serviceFindings = serviceFindings
        return value
    }

    /// Runs the case against a detection and returns its findings.
    public func run(_ detection: any Detection) -> [Finding] {
        let eventDetections = (detection as? any EventDetection).map { [$0] } ?? []
        let streamDetections = (detection as? any StreamDetection).map { [$0] } ?? []
        let accumulator = ActivityAccumulator(configuration: configuration, eventDetections: eventDetections, streamDetections: streamDetections)
        for event in events { accumulator.add(event) }
        for flow in flows { accumulator.add(flow) }
        for finding in serviceFindings { accumulator.add(finding) }
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
