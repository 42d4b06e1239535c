import S3HoundCore
import S3HoundDetections

/// Turns the aggregates of a scan into per-principal histories and profiles, optionally only from a time window
/// (a clock hour of calls is taken when its first event falls inside the window; object reads one by one).
public struct ProfileBuilder: Sendable {
    /// Only activity inside this window is taken.
    public var window: TimeWindow

    /// Creates a builder for a window (everything by default).
    public init(window: TimeWindow = .unbounded) { self.window = window }

    /// Per-principal histories, sorted by principal. AWS services acting on their own are not principals here.
    public func histories(from activity: ActivityAccumulator) -> [PrincipalHistory] {
        var histories: [String: PrincipalHistory] = [:]
        for (principal, tallies) in activity.principals {
            var history = PrincipalHistory(principal: principal, identityType: tallies.identityType, accountId: tallies.accountId)
            for (hour, tally) in tallies.hours where window.contains(tally.first.time) {
                history.hours[hour] = TermHistory(tally)
            }
            guard !history.hours.isEmpty else { continue }
            add(tallies.ips, as: .sourceIP, to: &history)
            add(tallies.agents, as: .userAgentFamily, to: &history)
            histories[principal] = history
        }
        activity.forEachRead { stream, read in
            guard histories[stream.principal] != nil, window.contains(read.time) else { return }
            let hour = read.time.hourIndex
            if !read.failed { histories[stream.principal]!.reads[hour, default: Volume()] += Volume(requests: 1, bytes: read.bytesOut) }
            guard read.bucket != ReadLedger.unknownBucket else { return }
            let key = TermDay(kind: .bucket, term: read.bucket, day: ClockHour.day(of: hour))
            let seen = TermHistory(firstSeen: read.time, lastSeen: read.time, count: 1)
            histories[stream.principal]!.terms[key] = histories[stream.principal]!.terms[key].map { $0.merging(seen) } ?? seen
        }
        return histories.values.sorted { $0.principal < $1.principal }
    }

    /// Per-principal profiles, sorted by principal.
    public func profiles(from activity: ActivityAccumulator) -> [PrincipalProfile] {
        histories(from: activity).compactMap(\.profile)
    }

    /// Bucket → principal → that principal's GetObject reads of the bucket.
    public func readers(from activity: ActivityAccumulator) -> [String: [String: TermHistory]] {
        InMemoryBaseline.readers(of: profiles(from: activity))
    }

    /// An in-memory baseline of the activity in the window (for a hunt's baseline from its own input).
    public func baseline(from activity: ActivityAccumulator) -> InMemoryBaseline {
        InMemoryBaseline(profiles: profiles(from: activity))
    }

    private func add(_ terms: [String: TermActivity], as kind: TermKind, to history: inout PrincipalHistory) {
        for (term, use) in terms {
            for (hour, tally) in use.hours where window.contains(tally.first) {
                let termDay = TermDay(kind: kind, term: term, day: ClockHour.day(of: hour))
                let seen = TermHistory(firstSeen: tally.first, lastSeen: tally.last, count: tally.count)
                history.terms[termDay] = history.terms[termDay].map { $0.merging(seen) } ?? seen
            }
        }
    }
}

extension TermHistory {
    /// The history of a tally: its first and last event and its count.
    init(_ tally: Tally) {
        self.init(firstSeen: tally.first.time, lastSeen: tally.last.time, count: tally.count)
    }
}
