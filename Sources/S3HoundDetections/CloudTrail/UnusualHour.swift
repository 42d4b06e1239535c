import S3HoundCore

/// A principal active at an hour of day (UTC) it was never active at in its baseline history.
public struct UnusualHour: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.unusual-hour",
        title: "Principal active at an hour it never works",
        severity: .low,
        techniques: [.t1078_004],
        guardDutyEquivalent: nil,
        falsePositives: [
            "On-call work, releases, a user in a new time zone",
            "Jobs that run monthly or on demand: give more history",
        ],
        triage: "Did the owner work then? Is the source IP one they use? What did the principal do in that hour?")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        var findings: [Finding] = []
        for (profile, facts) in judgedPrincipals(activity, windows: windows) {
            var usualHours: Set<Int> = []
            for (hour, tally) in profile.hours where windows.isBaseline(tally.first.time) { usualHours.insert(Int(hour % 24)) }
            if let learned = windows.learnedProfile(profile.principal) {
                for hour in 0..<24 where learned.knowsHour(hour) { usualHours.insert(hour) }
            }
            let unusual = profile.hours
                .filter { windows.window.contains($0.value.last.time) && !usualHours.contains(Int($0.key % 24)) }
                .sorted { $0.key < $1.key }
            // Adjacent clock hours form one run.
            var runs: [[(key: Int64, value: Tally)]] = []
            for entry in unusual {
                if let last = runs.last?.last, entry.key - last.key <= 1 { runs[runs.count - 1].append(entry) } else { runs.append([entry]) }
            }
            for run in runs {
                var total = run[0].value
                for entry in run.dropFirst() { total.merge(entry.value) }
                let hours = run.map { Int($0.key % 24) }
                var finding = finding(principal: profile.principal, first: total.first, last: total.last, requests: total.count, explanation: "")
                finding.failedCount = total.failed
                finding.arns = profile.arns.sorted()
                finding.accessKeyIds = profile.accessKeysByUse
                finding.accountId = profile.accountId
                let span = "\(HourOfDay.label(hours.first!)):00–\(HourOfDay.label(hours.last!)):59 UTC"
                finding.explanation = "\(ByteCount.grouped(total.count)) requests at \(span) on \(total.first.time.dayString); in \(facts.activeDays) days of baseline this principal was active only at \(Self.describe(usualHours))."
                finding.evidence = ["hours": hours.map(HourOfDay.label).joined(separator: ","), "usualHours": usualHours.sorted().map(HourOfDay.label).joined(separator: ","),
                                    "baselineDays": String(facts.activeDays)]
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }

    /// `08–12, 14 UTC` style text for a set of hours.
    static func describe(_ hours: Set<Int>) -> String {
        let sorted = hours.sorted()
        var parts: [String] = []
        var start = sorted.first
        var previous = sorted.first
        for hour in sorted.dropFirst() + [Int.max] {
            if let p = previous, hour == p + 1 { previous = hour; continue }
            if let s = start, let p = previous { parts.append(s == p ? HourOfDay.label(s) : "\(HourOfDay.label(s))–\(HourOfDay.label(p))") }
            start = hour
            previous = hour
        }
        return parts.joined(separator: ", ") + " UTC"
    }
}

extension UnusualHour {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let window = "2026-02-23T00:00:00Z"
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: Array(8...17)) {
            CaseEvents.getObject($0, by: jane, from: "203.0.113.10")
        }
        return [
            .fires("developer-jane, office hours for a week, then reads at 03:00", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T03:05:00Z"), by: jane, from: "203.0.113.10")]),
            .quiet("developer-jane reading at 11:00 as every day", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T11:05:00Z"), by: jane, from: "203.0.113.10")]),
            .quiet("two days of history are too few to call an hour unusual", windowStart: window,
                   Array(history.suffix(20)) + [CaseEvents.getObject(CaseEvents.time("2026-02-23T03:05:00Z"), by: jane, from: "203.0.113.10")]),
        ]
    }
}
