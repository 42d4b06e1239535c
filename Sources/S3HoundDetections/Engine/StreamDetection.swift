import S3HoundCore

/// A detection over a principal's stream of similar calls (listings, denials, deletions) in a sliding
/// window: it fires when the count or the number of distinct terms (buckets, keys) crosses a floor and,
/// for a principal with a baseline, a multiple of its own busiest window in the baseline.
public protocol StreamDetection: Detection {
    /// The calls (`eventName`) that can be part of the stream, when only some can: the reading path asks
    /// `streamTerm` about no other event. Nil (the default) for streams of any call.
    static var eventNames: Set<String>? { get }
    /// The term an event adds to the stream (a bucket, a key), or nil when the event is not part of it.
    func streamTerm(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String?
    /// The limits a window is held to.
    func limits(_ configuration: DetectionConfiguration) -> StreamLimits
    /// The sentence that says what happened, given the window's totals (the threshold sentence is added after it).
    func describe(_ burst: StreamBurst) -> String
}

/// Floors and window of a stream detection.
public struct StreamLimits: Sendable {
    /// Events in one window that cross the floor (nil: not judged on counts).
    public var count: Int?
    /// Distinct terms in one window that cross the floor (nil: not judged on distinct terms).
    public var distinctTerms: Int?
    /// Both floors must be crossed (true) or either (false).
    public var requireBoth: Bool
    /// Window length in seconds.
    public var windowSeconds: Int64
    /// Multiple of the principal's busiest baseline window it must also exceed.
    public var baselineMultiplier: Double

    /// Creates limits.
    public init(count: Int?, distinctTerms: Int?, requireBoth: Bool = false, windowSeconds: Int64 = 3600, baselineMultiplier: Double = 3) {
        self.count = count; self.distinctTerms = distinctTerms; self.requireBoth = requireBoth
        self.windowSeconds = windowSeconds; self.baselineMultiplier = baselineMultiplier
    }
}

/// A run of a stream over its limits, with its totals.
public struct StreamBurst: Sendable {
    /// The principal.
    public var principal: String
    /// Totals over the run.
    public var total: StreamMinute
    /// Distinct terms over the run.
    public var distinctTerms: Int
    /// The busiest window: events and distinct terms.
    public var peakCount: Int
    /// Distinct terms in the busiest window.
    public var peakDistinct: Int
    /// The thresholds applied and why.
    public var thresholdText: String
}

extension StreamDetection {
    public static var eventNames: Set<String>? { nil }

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let configuration = activity.configuration
        let limits = limits(configuration)
        let windowMinutes = max(1, limits.windowSeconds / 60)
        var findings: [Finding] = []
        for (key, minutesByIndex) in activity.streams where key.detectionID == Self.metadata.id {
            let all = minutesByIndex.sorted { $0.key < $1.key }
            let baselinePeak = StreamWindowScan.peak(all.filter { windows.isBaseline(EventTime(secondsSinceEpoch: $0.key * 60)) }, windowMinutes: windowMinutes)
            let inWindow = all.filter { windows.window.contains(EventTime(secondsSinceEpoch: $0.key * 60 + 59)) }
            guard !inWindow.isEmpty else { continue }
            let facts = activity.principals[key.principal].map { BaselineFacts($0, windows: windows, configuration: configuration) }
            let hasBaseline = facts?.hasBaseline ?? false
            let countLimit = limits.count.map { hasBaseline ? max($0, Int((Double(baselinePeak.count) * limits.baselineMultiplier).rounded(.up))) : $0 }
            let distinctLimit = limits.distinctTerms.map { hasBaseline ? max($0, Int((Double(baselinePeak.distinct) * limits.baselineMultiplier).rounded(.up))) : $0 }
            let window = TimeExpression.formatDuration(limits.windowSeconds)
            var parts: [String] = []
            if let countLimit { parts.append("more than \(ByteCount.grouped(countLimit)) calls") }
            if let distinctLimit { parts.append("\(ByteCount.grouped(distinctLimit)) or more distinct targets") }
            let basis = hasBaseline
                ? "the larger of the floor and \(limits.baselineMultiplier)× this principal's busiest \(window) in \(facts?.activeDays ?? 0) days of baseline (\(baselinePeak.count) calls, \(baselinePeak.distinct) targets)"
                : "absolute floor: no baseline of \(configuration.minimumHistoryDays)+ days for this principal"
            let thresholdText = "the threshold is \(parts.joined(separator: limits.requireBoth ? " and " : " or ")) per \(window) (\(basis))"
            let runs = StreamWindowScan.runs(inWindow, windowMinutes: windowMinutes) { count, distinct in
                let overCount = countLimit.map { count > $0 }
                let overDistinct = distinctLimit.map { distinct >= $0 }
                let checks = [overCount, overDistinct].compactMap { $0 }
                return limits.requireBoth ? (!checks.isEmpty && checks.allSatisfy { $0 }) : checks.contains(true)
            }
            for run in runs {
                var total = run.minutes[0]
                for minute in run.minutes.dropFirst() { total.merge(minute) }
                let burst = StreamBurst(principal: key.principal, total: total, distinctTerms: total.termHashes.count,
                                        peakCount: run.peakCount, peakDistinct: run.peakDistinct, thresholdText: thresholdText)
                var finding = finding(principal: key.principal, first: total.first, last: total.last, requests: total.count, explanation: "")
                finding.failedCount = total.failed
                finding.distinctKeys = burst.distinctTerms
                finding.sourceIPs = total.sourceIPs.dictionary.filter { !$0.key.isEmpty }
                finding.accessKeyIds = total.accessKeys.dictionary.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
                let profile = activity.principals[key.principal]
                finding.arns = profile.map { $0.arns.sorted() } ?? []
                finding.accountId = profile?.accountId
                finding.explanation = describe(burst) + "; the busiest \(window) held \(ByteCount.grouped(run.peakCount)) calls on \(run.peakDistinct) distinct targets, and " + thresholdText + "."
                finding.evidence = ["windowSeconds": String(limits.windowSeconds), "peakWindowCalls": String(run.peakCount),
                                    "peakWindowTargets": String(run.peakDistinct), "baselinePeakCalls": String(baselinePeak.count),
                                    "baselinePeakTargets": String(baselinePeak.distinct), "sampleTargets": total.sampleTerms.joined(separator: ",")]
                if let countLimit { finding.evidence["thresholdCalls"] = String(countLimit) }
                if let distinctLimit { finding.evidence["thresholdTargets"] = String(distinctLimit) }
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }
}

/// Sliding-window arithmetic over per-minute stream tallies.
enum StreamWindowScan {
    struct Run {
        var minutes: [StreamMinute]
        var peakCount: Int
        var peakDistinct: Int
    }

    /// The busiest window: most calls and most distinct terms (each maximised separately).
    static func peak(_ minutes: [(key: Int64, value: StreamMinute)], windowMinutes: Int64) -> (count: Int, distinct: Int) {
        var best = (count: 0, distinct: 0)
        _ = runs(minutes, windowMinutes: windowMinutes) { count, distinct in
            best.count = max(best.count, count)
            best.distinct = max(best.distinct, distinct)
            return false
        }
        return best
    }

    /// Maximal runs of minutes covered by some window for which `over(count, distinct)` holds.
    static func runs(_ minutes: [(key: Int64, value: StreamMinute)], windowMinutes: Int64, over: (Int, Int) -> Bool) -> [Run] {
        var runs: [(start: Int, end: Int, peakCount: Int, peakDistinct: Int)] = []
        var low = 0
        var count = 0
        var termMinutes: [UInt64: Int] = [:]
        for high in minutes.indices {
            count += minutes[high].value.count
            for term in minutes[high].value.termHashes { termMinutes[term, default: 0] += 1 }
            while minutes[high].key - minutes[low].key >= windowMinutes {
                count -= minutes[low].value.count
                for term in minutes[low].value.termHashes {
                    if let n = termMinutes[term], n > 1 { termMinutes[term] = n - 1 } else { termMinutes[term] = nil }
                }
                low += 1
            }
            guard over(count, termMinutes.count) else { continue }
            if let last = runs.last, last.end >= low - 1 {
                runs[runs.count - 1].end = high
                runs[runs.count - 1].peakCount = max(last.peakCount, count)
                runs[runs.count - 1].peakDistinct = max(last.peakDistinct, termMinutes.count)
            } else {
                runs.append((low, high, count, termMinutes.count))
            }
        }
        return runs.map { Run(minutes: minutes[$0.start...$0.end].map(\.value), peakCount: $0.peakCount, peakDistinct: $0.peakDistinct) }
    }
}
