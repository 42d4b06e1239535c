import S3HoundCore

/// An event detection that says, for each event it keeps, why in one phrase (the signal), and reports a
/// finding per run of such events listing those phrases: a grant to the public, a trail stopped, a
/// ransom note uploaded. The detection supplies the phrase; grouping, counts and wording are shared.
public protocol SignalDetection: EventDetection {
    /// Why the event matters, as a phrase naming the call ("PutBucketVersioning suspends versioning on
    /// customer-records"), or nil when it does not.
    func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String?
    /// What a principal's events are grouped by (default: the bucket).
    func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String
    /// Runs whose calls all failed: reported as attempts (one level lower) or skipped.
    static var failedRuns: FailedRunHandling { get }
    /// The sentence after the signals: why it matters.
    static var consequence: String { get }
    /// The calls counted, and what did not happen when they failed: ("calls", "nothing changed").
    static var attemptWords: (calls: String, nothing: String) { get }
    /// Adjusts a finding (evidence, severity) after the shared parts are filled in.
    func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration)
}

extension SignalDetection {
    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String { event.bucketName ?? "" }
    public static var failedRuns: FailedRunHandling { .reportAsAttempt }
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "nothing changed") }
    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {}

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration) -> Bool {
        signal(event, configuration: configuration) != nil
    }

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        signalFindings(in: activity, windows: windows)
    }

    /// One finding per run of kept events, listing their signals (what `findings` returns unless a detection refines it).
    public func signalFindings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let configuration = activity.configuration
        return runs(in: activity, windows: windows, failedRuns: Self.failedRuns) { subject(of: $0, configuration: configuration) }
            .map { run in
                var counts: [String: Int] = [:]
                var order: [String] = []
                for event in run.events {
                    let phrase = signal(event, configuration: configuration) ?? event.eventName
                    if counts[phrase] == nil { order.append(phrase) }
                    counts[phrase, default: 0] += 1
                }
                let shown = order.prefix(5).map { phrase in counts[phrase]! > 1 ? "\(phrase) (\(ByteCount.grouped(counts[phrase]!)) calls)" : phrase }
                let more = order.count > 5 ? "; and \(order.count - 5) other kind(s) of call" : ""
                let words = Self.attemptWords
                let explanation = shown.joined(separator: "; ") + more + ", \(run.span). " + Self.consequence
                    + run.attemptsNote(words.calls, nothing: words.nothing)
                var finding = finding(for: run, explanation: explanation)
                finding.buckets = bucketImpact(of: run)
                finding.bytesOut = finding.buckets.values.reduce(0) { $0 + $1.bytesOut }
                finding.evidence["subject"] = run.subject
                finding.evidence["signals"] = order.prefix(5).joined(separator: " | ")
                finding.evidence["calls"] = run.operationSummary
                finding.evidence["failedCalls"] = String(run.failedCount)
                refine(&finding, run: run, configuration: configuration)
                return finding
            }
            .sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension EventRun {
    /// "3 GetObject, 1 ListBuckets": calls by name, most frequent first.
    public var operationSummary: String {
        var counts: [String: Int] = [:]
        for event in events { counts[event.eventName, default: 0] += 1 }
        let ordered: [(key: String, value: Int)] = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ordered.map { "\(ByteCount.grouped($0.value)) \($0.key)" }.joined(separator: ", ")
    }
}
