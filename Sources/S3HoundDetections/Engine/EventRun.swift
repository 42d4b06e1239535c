import S3HoundCore

/// Events an event detection matched, of one principal about one subject (a bucket, a trail, a list),
/// none further from the previous one than the incident gap: what one finding is about.
public struct EventRun: Sendable {
    /// The principal (role for sessions, else the ARN).
    public var principal: String
    /// What the events were grouped by, as the detection named it.
    public var subject: String
    /// The events, in time order.
    public var events: [ActivityEvent]

    /// Calls that succeeded.
    public var succeeded: [ActivityEvent] { events.filter { !$0.failed } }
    /// Calls that failed (`errorCode` set): attempts.
    public var failedCount: Int { events.reduce(0) { $0 + ($1.failed ? 1 : 0) } }
    /// True when every call failed: only attempts, nothing done.
    public var allFailed: Bool { events.allSatisfy(\.failed) }
    /// The first event.
    public var first: ActivityEvent { events[0] }
    /// The last event.
    public var last: ActivityEvent { events[events.count - 1] }

    /// "at 2026-02-23 03:10 UTC" or "between … and …".
    public var span: String {
        first.time.reportMinute == last.time.reportMinute ? "at \(first.time.reportMinute)"
            : "between \(first.time.reportMinute) and \(last.time.reportMinute)"
    }

    /// The sentence about failed calls: `calls` names them ("calls", "policy changes"), `nothing` says what
    /// did not happen ("no data taken"). Empty when nothing failed.
    public func attemptsNote(_ calls: String = "calls", nothing: String = "nothing changed") -> String {
        let failed = failedCount
        guard failed > 0 else { return "" }
        let codes = Set(events.compactMap(\.errorCode)).sorted().joined(separator: ", ")
        if failed == events.count {
            return " All \(ByteCount.grouped(failed)) \(calls) failed (\(codes)): attempts only, \(nothing)."
        }
        return " \(ByteCount.grouped(failed)) further \(calls) failed (\(codes)): attempts, \(nothing)."
    }
}

/// What to do with a run in which every call failed.
public enum FailedRunHandling: Sendable {
    /// No finding: failed calls of this kind are background noise (anonymous scanners, denied copies).
    case skip
    /// A finding one severity level lower, saying that only attempts were seen.
    case reportAsAttempt
}

extension EventDetection {
    /// This detection's matched events inside the window, grouped by principal and `subject`, split where
    /// two events are further apart than the incident gap; runs in which every call failed are dropped
    /// when `failedRuns` is `.skip`. Runs come in time order.
    public func runs(in activity: ActivityAccumulator, windows: AnalysisWindows, failedRuns: FailedRunHandling,
                     subject: (ActivityEvent) -> String) -> [EventRun] {
        let events = (activity.matches[Self.metadata.id] ?? []).filter { windows.window.contains($0.time) }
        let gap = activity.configuration.incidentGapSeconds * 1000
        var runs: [EventRun] = []
        for (key, group) in Dictionary(grouping: events, by: { RunKey(principal: $0.identity.principal, subject: subject($0)) }) {
            var current: [ActivityEvent] = []
            for event in group.sorted(by: { $0.reference < $1.reference }) {
                if let last = current.last, event.time.millisecondsSinceEpoch - last.time.millisecondsSinceEpoch > gap {
                    runs.append(EventRun(principal: key.principal, subject: key.subject, events: current))
                    current = []
                }
                current.append(event)
            }
            if !current.isEmpty { runs.append(EventRun(principal: key.principal, subject: key.subject, events: current)) }
        }
        if failedRuns == .skip { runs.removeAll { $0.allFailed } }
        return runs.sorted { $0.first.reference != $1.first.reference ? $0.first.reference < $1.first.reference : $0.subject < $1.subject }
    }

    /// A finding for a run with what every run shows filled in: first and last event, requests and failures,
    /// distinct keys of the successful calls, caller ARNs, access keys, account and source IPs. A run of
    /// failed calls only is reported one severity level lower.
    public func finding(for run: EventRun, explanation: String) -> Finding {
        var finding = finding(principal: run.principal, first: run.first.reference, last: run.last.reference,
                              requests: run.events.count, explanation: explanation)
        let succeeded = run.succeeded
        finding.failedCount = run.events.count - succeeded.count
        finding.distinctKeys = Set(succeeded.compactMap(\.objectKey)).count
        finding.arns = Array(Set(run.events.compactMap(\.identity.arn))).sorted()
        finding.accessKeyIds = Array(Set(run.events.compactMap(\.identity.accessKeyId))).sorted()
        finding.accountId = run.first.identity.accountId
        finding.sourceIPs = Dictionary(run.events.map { ($0.sourceIPAddress ?? "", 1) }, uniquingKeysWith: +)
        if succeeded.isEmpty { finding.severity = finding.severity.raised(by: -1) }
        return finding
    }

    /// Per bucket: requests, bytes sent out by successful calls, and the owner from `resources[]`.
    public func bucketImpact(of run: EventRun) -> [String: BucketImpact] {
        var buckets: [String: BucketImpact] = [:]
        for event in run.events {
            guard let bucket = event.bucketName, !bucket.isEmpty else { continue }
            let owner = event.resources.first { $0.type == "AWS::S3::Bucket" && $0.bucketName == bucket }?.accountId
            buckets[bucket, default: BucketImpact(ownerAccountId: owner)].requests += 1
            if !event.failed { buckets[bucket]!.bytesOut += event.bytesTransferredOut ?? 0 }
        }
        return buckets
    }
}

private struct RunKey: Hashable {
    var principal: String
    var subject: String
}
