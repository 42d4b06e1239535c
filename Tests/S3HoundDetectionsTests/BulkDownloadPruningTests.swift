import Testing
import S3HoundCore
@testable import S3HoundDetections

/// `BulkDownload` rebuilds minutes only for the hours that could exceed the floor. These tests hold it to the
/// exhaustive mode, which rebuilds every minute of every stream (the algorithm before pruning), on activity
/// built to sit at the edges: bursts split by a few stray reads, bursts across hour boundaries, baselines that
/// end mid-hour, windows longer than an hour, failed reads.
@Suite("Bulk download: pruned hours against every minute")
struct BulkDownloadPruningTests {
    typealias Mix = ReadLedgerTests.Mix

    struct Scenario {
        var events: [ActivityEvent] = []
        var configuration = DetectionConfiguration()
        var windows = AnalysisWindows(window: .unbounded, baseline: nil)
    }

    static func scenario(seed: UInt64) -> Scenario {
        var random = Mix(state: seed)
        var scenario = Scenario()
        scenario.configuration.bulkObjectThreshold = [40, 60, 100][Int.random(in: 0..<3, using: &random)]
        scenario.configuration.bulkByteThreshold = [Int64(1) << 30, 20_000_000][Int.random(in: 0..<2, using: &random)]
        scenario.configuration.bulkWindowSeconds = [600, 3600, 5400, 7200][Int.random(in: 0..<4, using: &random)]
        scenario.configuration.minimumHistoryDays = 1
        let start = CaseEvents.time("2026-02-20T00:00:00Z")
        let callers = [CaseEvents.user("jane"), CaseEvents.role("backup"), CaseEvents.user("mallory")]
        let ips = ["203.0.113.10", "10.0.2.15", "185.220.101.47"]
        for _ in 0..<Int.random(in: 3...8, using: &random) {
            let caller = callers[Int.random(in: 0..<callers.count, using: &random)]
            let ip = ips[Int.random(in: 0..<ips.count, using: &random)]
            let burstStart = start.adding(seconds: Int64.random(in: 0..<(3 * 86_400), using: &random))
            let count = Int.random(in: 10...160, using: &random)
            let spacing = Int64.random(in: 1...90, using: &random)
            for i in 0..<count {
                let time = burstStart.adding(seconds: Int64(i) * spacing + Int64.random(in: 0..<3, using: &random))
                let failed = Int.random(in: 0..<12, using: &random) == 0
                scenario.events.append(CaseEvents.getObject(time, by: caller, from: ip, key: "d/\(Int.random(in: 0..<90, using: &random))",
                                                            bytes: Int64.random(in: 0..<600_000, using: &random), errorCode: failed ? "AccessDenied" : nil))
            }
            // Stray reads close to the burst: the cuts between bursts.
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let time = burstStart.adding(seconds: Int64.random(in: -7_200...(Int64(count) * spacing + 7_200), using: &random))
                scenario.events.append(CaseEvents.getObject(time, by: caller, from: ip, key: "stray/\(Int.random(in: 0..<9, using: &random))"))
            }
        }
        // Quiet background reads over the days.
        for _ in 0..<Int.random(in: 20...200, using: &random) {
            let time = start.adding(seconds: Int64.random(in: 0..<(3 * 86_400), using: &random))
            scenario.events.append(CaseEvents.getObject(time, by: callers[Int.random(in: 0..<3, using: &random)],
                                                        from: ips[Int.random(in: 0..<3, using: &random)], key: "bg/\(Int.random(in: 0..<40, using: &random))"))
        }
        scenario.events.shuffle(using: &random)
        if Int.random(in: 0..<3, using: &random) > 0 {
            // A window start anywhere, usually not on an hour or a minute.
            let cut = start.adding(seconds: Int64.random(in: 3_600...(2 * 86_400), using: &random)).adding(seconds: 0)
            let cutPrecise = EventTime(millisecondsSinceEpoch: cut.millisecondsSinceEpoch + Int64.random(in: 0..<60_000, using: &random))
            scenario.windows = AnalysisWindows(window: TimeWindow(start: cutPrecise), baseline: TimeWindow(start: start.adding(seconds: Int64.random(in: 0..<5_000, using: &random)), end: cutPrecise))
        }
        return scenario
    }

    static func findings(_ scenario: Scenario, exhaustive: Bool, spill: Int?) -> [Finding] {
        let activity = ActivityAccumulator(configuration: scenario.configuration, eventDetections: [], streamDetections: [],
                                           readLedger: ReadLedger(spillBytes: spill))
        for event in scenario.events { activity.add(event) }
        return BulkDownload(exhaustive: exhaustive).findings(in: activity, windows: scenario.windows)
    }

    @Test("300 generated scenarios: the pruned path finds exactly what every minute finds")
    func prunedEqualsExhaustive() {
        var fired = 0, split = 0
        for seed in UInt64(1)...300 {
            let scenario = Self.scenario(seed: seed)
            let exhaustive = Self.findings(scenario, exhaustive: true, spill: nil)
            let pruned = Self.findings(scenario, exhaustive: false, spill: seed % 2 == 0 ? 2048 : nil)
            let same = pruned == exhaustive
            #expect(same, "seed \(seed): \(pruned.map(\.explanation)) against \(exhaustive.map(\.explanation))")
            if !exhaustive.isEmpty { fired += 1 }
            if Set(exhaustive.map { "\($0.principal) \($0.sourceIPs.keys.sorted())" }).count < exhaustive.count { split += 1 }
        }
        // The scenarios must exercise both outcomes, and streams with more than one burst.
        #expect(fired > 60 && fired < 290, "fired in \(fired) of 300")
        #expect(split > 10, "\(split) scenarios with a stream bursting twice")
    }

    @Test("two bursts of one stream with a stray read between them stay two findings")
    func strayReadSplitsBursts() {
        var scenario = Scenario()
        scenario.configuration.bulkObjectThreshold = 50
        let jane = CaseEvents.user("jane")
        let day = CaseEvents.time("2026-02-20T01:00:00Z")
        scenario.events = CaseEvents.series(80, from: day, every: 10) { i, t in CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "a/\(i)") }
            + [CaseEvents.getObject(day.adding(seconds: 5 * 3600), by: jane, from: "185.220.101.47", key: "stray")]
            + CaseEvents.series(80, from: day.adding(seconds: 9 * 3600), every: 10) { i, t in CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "b/\(i)") }
        let pruned = Self.findings(scenario, exhaustive: false, spill: nil)
        #expect(pruned.count == 2)
        #expect(pruned.map(\.requestCount) == [80, 80])
        #expect(pruned == Self.findings(scenario, exhaustive: true, spill: nil))
        // Without the stray read the two bursts are still two: nine quiet hours lie between them.
        scenario.events.remove(at: 80)
        #expect(Self.findings(scenario, exhaustive: false, spill: nil).count == 2)
    }

    @Test("only the hours near a possible burst are rebuilt")
    func candidateHoursAreFew() {
        var scenario = Scenario()
        let jane = CaseEvents.user("jane")
        let start = CaseEvents.time("2026-02-20T00:00:00Z")
        // One read an hour for three days, and one hour of 1,500 reads.
        scenario.events = CaseEvents.series(72, from: start, every: 3600) { i, t in CaseEvents.getObject(t, by: jane, from: "203.0.113.10", key: "q/\(i)") }
            + CaseEvents.series(1500, from: start.adding(seconds: 30 * 3600 + 60), every: 2) { i, t in CaseEvents.getObject(t, by: jane, from: "203.0.113.10", key: "p/\(i)") }
        let activity = ActivityAccumulator(configuration: scenario.configuration, eventDetections: [], streamDetections: [])
        for event in scenario.events { activity.add(event) }
        let candidates = BulkDownload().candidateHours(activity, windowMinutes: 60)
        let hour = start.hourIndex + 30
        #expect(candidates.count == 1)
        #expect(candidates.values.first == [hour - 1, hour, hour + 1])
    }
}
