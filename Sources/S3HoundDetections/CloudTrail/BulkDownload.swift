import S3HoundCore

/// Many objects or many bytes read by one principal from one source within a sliding window.
public struct BulkDownload: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.bulk-download",
        title: "Bulk download of S3 objects",
        severity: .high,
        techniques: [.t1530],
        guardDutyEquivalent: "Exfiltration:S3/ObjectRead.Unusual",
        falsePositives: [
            "Backup and analytics jobs: quiet once their own history is in the baseline (they are judged against their busiest hour)",
            "A first full sync by a new tool or user: raise --bulk-objects/--bulk-bytes or give more history",
        ],
        triage: "Is the source IP one this principal uses? Were the objects sensitive? Compare with the principal's usual hours and volume.")

    /// Rebuild every minute of every stream from the ledger, instead of only the hours that could exceed the
    /// floor: slower and heavier, the same findings. The reference the pruned path is tested against.
    public var exhaustive = false

    /// Creates the detection.
    public init(exhaustive: Bool = false) { self.exhaustive = exhaustive }

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let configuration = activity.configuration
        let windowMinutes = max(1, configuration.bulkWindowSeconds / 60)
        // Hour counters say where a window could exceed the floor; only those hours (and the hours the
        // baseline starts and ends in) are rebuilt minute by minute from the ledger.
        let candidates = exhaustive ? activity.readStreams.mapValues { Set($0.hours.keys) }
            : candidateHours(activity, windowMinutes: windowMinutes)
        // In the exhaustive mode every hour is judged minute by minute, as if it were an edge.
        let edges = exhaustive ? Set(activity.readStreams.values.flatMap(\.hours.keys)) : windows.baselineEdgeHours
        let detail = activity.readMinutes { stream -> ((Int64) -> Bool)? in
            let hours = candidates[stream]
            guard hours != nil || activity.readStreams[stream]?.hours.keys.contains(where: edges.contains) == true else { return nil }
            return { minute in
                let hour = minute.floorDiv(60)
                return hours?.contains(hour) == true || edges.contains(hour)
            }
        }
        let peaks = baselinePeaks(activity, windows: windows, edges: edges, detail: detail)
        var findings: [Finding] = []
        for (stream, hours) in candidates {
            guard let readStream = activity.readStreams[stream] else { continue }
            let minutes = (detail[stream] ?? [:])
                .filter { hours.contains($0.key.floorDiv(60)) && windows.window.contains(EventTime(secondsSinceEpoch: $0.key * 60 + 59)) }
                .sorted { $0.key < $1.key }
            guard !minutes.isEmpty else { continue }
            let facts = activity.principals[stream.principal].map { BaselineFacts($0, windows: windows, configuration: configuration) }
            var peak = peaks[stream.principal] ?? HourPeak()
            if let learned = windows.learnedProfile(stream.principal)?.peakHourlyReads {
                peak.reads = max(peak.reads, learned.requests)
                peak.bytes = max(peak.bytes, learned.bytes)
            }
            let threshold = Threshold(configuration: configuration, peak: peak, hasBaseline: facts?.hasBaseline ?? false,
                                      activeDays: facts?.activeDays ?? 0)
            for segment in segments(minutes, of: readStream, candidates: hours) {
                for burst in bursts(segment, windowMinutes: windowMinutes, threshold: threshold) {
                    findings.append(makeFinding(stream: stream, burst: burst, threshold: threshold, activity: activity,
                                                windowSeconds: configuration.bulkWindowSeconds))
                }
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }

    /// Per stream, the clock hours some window of `windowMinutes` could exceed the floor in: the hours of every
    /// run of consecutive hours a window can touch whose reads or bytes together exceed it. (Thresholds are never
    /// below the floor, so no window outside these hours can exceed its threshold.)
    func candidateHours(_ activity: ActivityAccumulator, windowMinutes: Int64) -> [ReadStreamKey: Set<Int64>] {
        let configuration = activity.configuration
        let span = (windowMinutes - 1) / 60 + 2
        var candidates: [ReadStreamKey: Set<Int64>] = [:]
        for (key, stream) in activity.readStreams {
            let hours = stream.hours.sorted { $0.key < $1.key }
            var chosen: Set<Int64> = []
            for start in hours.indices {
                var reads = 0, bytes: Int64 = 0
                var end = start
                while end < hours.count, hours[end].key < hours[start].key + span {
                    reads += hours[end].value.reads
                    bytes += hours[end].value.bytesOut
                    end += 1
                }
                if reads > configuration.bulkObjectThreshold || bytes > configuration.bulkByteThreshold {
                    for index in start..<end { chosen.insert(hours[index].key) }
                }
            }
            if !chosen.isEmpty { candidates[key] = chosen }
        }
        return candidates
    }

    /// The sorted minutes of candidate hours, cut wherever reads outside them lay between: a sliding window
    /// over all of a stream's minutes never spans such a cut while over the threshold, and bursts must not be
    /// joined across it.
    private func segments(_ minutes: [(key: Int64, value: ReadMinute)], of stream: ReadStream, candidates: Set<Int64>) -> [[(key: Int64, value: ReadMinute)]] {
        var segments: [[(key: Int64, value: ReadMinute)]] = []
        var current: [(key: Int64, value: ReadMinute)] = []
        for minute in minutes {
            if let previous = current.last,
               stream.hasReads(between: previous.key.floorDiv(60), and: minute.key.floorDiv(60), outside: candidates) {
                segments.append(current)
                current = []
            }
            current.append(minute)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// The busiest clock hour of each principal in the baseline.
    private func baselinePeaks(_ activity: ActivityAccumulator, windows: AnalysisWindows, edges: Set<Int64>,
                               detail: [ReadStreamKey: [Int64: ReadMinute]]) -> [String: HourPeak] {
        var hourly: [String: [Int64: HourPeak]] = [:]
        activity.forEachBaselineRead(windows: windows, edges: edges, detail: detail) { stream, hour, counts in
            hourly[stream.principal, default: [:]][hour, default: HourPeak()].add(reads: counts.reads, bytes: counts.bytesOut)
        }
        return hourly.mapValues { hours in
            hours.values.reduce(into: HourPeak()) { peak, hour in
                peak.reads = max(peak.reads, hour.reads)
                peak.bytes = max(peak.bytes, hour.bytes)
            }
        }
    }

    /// Runs of minutes where some window of `windowMinutes` exceeded the threshold.
    private func bursts(_ minutes: [(key: Int64, value: ReadMinute)], windowMinutes: Int64, threshold: Threshold) -> [Burst] {
        var ranges: [Burst] = []
        var low = 0
        var reads = 0
        var bytes: Int64 = 0
        for high in minutes.indices {
            reads += minutes[high].value.reads
            bytes += minutes[high].value.bytesOut
            while minutes[high].key - minutes[low].key >= windowMinutes {
                reads -= minutes[low].value.reads
                bytes -= minutes[low].value.bytesOut
                low += 1
            }
            guard reads > threshold.reads || bytes > threshold.bytes else { continue }
            // Windows over the threshold are one burst when they share minutes, or follow on with less than a
            // window of silence between them (not hours later, however quiet the hours between).
            if var last = ranges.last, last.endIndex >= low || (last.endIndex == low - 1 && minutes[low].key - minutes[last.endIndex].key < windowMinutes) {
                last.endIndex = high
                last.peakReads = max(last.peakReads, reads)
                last.peakBytes = max(last.peakBytes, bytes)
                ranges[ranges.count - 1] = last
            } else {
                ranges.append(Burst(startIndex: low, endIndex: high, peakReads: reads, peakBytes: bytes, minutes: []))
            }
        }
        return ranges.map { burst in
            var burst = burst
            burst.minutes = minutes[burst.startIndex...burst.endIndex].map(\.value)
            return burst
        }
    }

    private func makeFinding(stream: ReadStreamKey, burst: Burst, threshold: Threshold, activity: ActivityAccumulator, windowSeconds: Int64) -> Finding {
        var total = burst.minutes[0]
        for minute in burst.minutes.dropFirst() { total.merge(minute) }
        let principal = activity.principals[stream.principal]
        var finding = finding(principal: stream.principal, first: total.first, last: total.last,
                              requests: total.reads + total.failed, explanation: "")
        finding.failedCount = total.failed
        finding.distinctKeys = total.keyHashes.count
        finding.bytesOut = total.bytesOut
        finding.buckets = total.buckets
        finding.sourceIPs = [stream.sourceIP: total.reads + total.failed]
        finding.accessKeyIds = total.accessKeys.sorted { $0.value > $1.value }.map(\.key)
        finding.arns = principal.map { Array($0.arns).sorted() } ?? []
        finding.accountId = principal?.accountId
        let window = TimeExpression.formatDuration(windowSeconds)
        var text = "\(ByteCount.grouped(total.reads)) GetObject requests (\(ByteCount.grouped(total.keyHashes.count)) distinct objects, \(ByteCount.format(total.bytesOut))) from \(stream.sourceIP) between \(total.first.time.reportMinute) and \(total.last.time.reportMinute); the busiest \(window) held \(ByteCount.grouped(burst.peakReads)) requests and \(ByteCount.format(burst.peakBytes)), over the threshold of \(ByteCount.grouped(threshold.reads)) requests or \(ByteCount.format(threshold.bytes)) per \(window) (\(threshold.reason))."
        if total.failed > 0 {
            text += " \(ByteCount.grouped(total.failed)) further requests failed: attempts, no data taken."
        }
        finding.explanation = text
        finding.evidence = [
            "windowSeconds": String(windowSeconds),
            "thresholdRequests": String(threshold.reads),
            "thresholdBytes": String(threshold.bytes),
            "peakWindowRequests": String(burst.peakReads),
            "peakWindowBytes": String(burst.peakBytes),
            "baselinePeakHourRequests": String(threshold.peak.reads),
            "baselinePeakHourBytes": String(threshold.peak.bytes),
            "baselineDays": String(threshold.activeDays),
            "sourceIP": stream.sourceIP,
        ]
        return finding
    }
}

/// Reads and bytes in one clock hour (or the busiest one).
struct HourPeak: Hashable {
    var reads = 0
    var bytes: Int64 = 0
    mutating func add(reads: Int, bytes: Int64) { self.reads += reads; self.bytes += bytes }
}

/// The limits a principal's window is held to, and why.
private struct Threshold {
    let reads: Int
    let bytes: Int64
    let peak: HourPeak
    let activeDays: Int
    let reason: String

    init(configuration: DetectionConfiguration, peak: HourPeak, hasBaseline: Bool, activeDays: Int) {
        self.peak = peak
        self.activeDays = activeDays
        let k = configuration.baselineMultiplier
        if hasBaseline {
            let baselineReads = Int((Double(peak.reads) * k).rounded(.up))
            let baselineBytes = Int64((Double(peak.bytes) * k).rounded(.up))
            reads = max(configuration.bulkObjectThreshold, baselineReads)
            bytes = max(configuration.bulkByteThreshold, baselineBytes)
            reason = "the larger of the floor (\(ByteCount.grouped(configuration.bulkObjectThreshold)) requests, \(ByteCount.format(configuration.bulkByteThreshold))) and \(k)× this principal's busiest hour in \(activeDays) days of baseline (\(ByteCount.grouped(peak.reads)) requests, \(ByteCount.format(peak.bytes)))"
        } else {
            reads = configuration.bulkObjectThreshold
            bytes = configuration.bulkByteThreshold
            reason = activeDays == 0
                ? "absolute floor: no baseline history for this principal"
                : "absolute floor: only \(activeDays) day(s) of baseline history, \(configuration.minimumHistoryDays) needed to judge against its own volume"
        }
    }
}

/// A run of minutes over the threshold.
private struct Burst {
    var startIndex: Int
    var endIndex: Int
    var peakReads: Int
    var peakBytes: Int64
    var minutes: [ReadMinute]
}

extension BulkDownload {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let backup = CaseEvents.role("nightly-backup")
        let window = "2026-02-23T00:00:00Z"
        let burstStart = CaseEvents.time("2026-02-23T02:47:00Z")
        let janeHistory = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [9, 14]) {
            CaseEvents.getObject($0, by: jane, from: "203.0.113.10")
        }
        // The backup job reads 2,500 objects between 01:00 and 01:50 every night.
        func backupNight(_ start: EventTime) -> [ActivityEvent] {
            CaseEvents.series(2500, from: start, every: 1) { i, t in
                CaseEvents.getObject(t, by: backup, from: "10.0.2.15", bucket: "customer-records", key: "records/\(i).json", bytes: 400_000)
            }
        }
        var backupNights: [ActivityEvent] = []
        for day in 0..<8 {
            backupNights += backupNight(CaseEvents.time("2026-02-16T01:00:00Z").adding(seconds: Int64(day) * 86_400))
        }
        return [
            .fires("developer-jane reads 1,500 objects in 40 minutes at 3 AM after a quiet week", windowStart: window,
                   janeHistory + CaseEvents.series(1500, from: burstStart, every: 1) { i, t in
                       CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "pii/customer-\(i).csv")
                   }),
            .fires("a principal with no history reads 1,200 objects in an hour", CaseEvents.series(1200, from: burstStart, every: 2) { i, t in
                CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "pii/customer-\(i).csv")
            }),
            .fires("600 objects of 2 MB (1.1 GB) in an hour cross the bytes threshold", CaseEvents.series(600, from: burstStart, every: 5) { i, t in
                CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "dumps/part-\(i).bin", bytes: 2_000_000)
            }),
            .quiet("900 objects in an hour stay under the floor of 1,000", CaseEvents.series(900, from: burstStart, every: 3) { i, t in
                CaseEvents.getObject(t, by: jane, from: "203.0.113.10", key: "reports/\(i).csv")
            }),
            .quiet("1,500 objects spread over a day never reach 1,000 in an hour", CaseEvents.series(1500, from: burstStart, every: 57) { i, t in
                CaseEvents.getObject(t, by: jane, from: "203.0.113.10", key: "reports/\(i).csv")
            }),
            .quiet("the nightly backup reading 2,500 objects, as it does every night", windowStart: window, backupNights),
            .quiet("1,200 GetObject denied with AccessDenied are attempts, not a download", CaseEvents.series(1200, from: burstStart, every: 2) { i, t in
                CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "pii/customer-\(i).csv", errorCode: "AccessDenied")
            }),
        ]
    }
}
