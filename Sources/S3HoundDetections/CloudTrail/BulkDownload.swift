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

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let configuration = activity.configuration
        let windowMinutes = max(1, configuration.bulkWindowSeconds / 60)
        let peaks = baselinePeaks(activity, windows: windows)
        var findings: [Finding] = []
        for (stream, minutesByIndex) in activity.readStreams {
            let minutes = minutesByIndex.filter { windows.window.contains(EventTime(secondsSinceEpoch: $0.key * 60 + 59)) }
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
            for burst in bursts(minutes, windowMinutes: windowMinutes, threshold: threshold) {
                findings.append(makeFinding(stream: stream, burst: burst, threshold: threshold, activity: activity,
                                            windowSeconds: configuration.bulkWindowSeconds))
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }

    /// The busiest clock hour of each principal in the baseline.
    private func baselinePeaks(_ activity: ActivityAccumulator, windows: AnalysisWindows) -> [String: HourPeak] {
        var hourly: [String: [Int64: HourPeak]] = [:]
        for (stream, minutes) in activity.readStreams {
            for (minute, tally) in minutes where windows.isBaseline(EventTime(secondsSinceEpoch: minute * 60)) {
                hourly[stream.principal, default: [:]][minute / 60, default: HourPeak()].add(reads: tally.reads, bytes: tally.bytesOut)
            }
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
            if var last = ranges.last, last.endIndex >= low - 1 {
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
