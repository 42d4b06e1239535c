import Testing
import S3HoundCore
@testable import S3HoundDetections

@Suite("What findings say")
struct DetectionDetailTests {
    @Test("a bulk download reports its counts, bytes, threshold and first/last events")
    func bulkExplains() throws {
        let jane = CaseEvents.user("developer-jane")
        let start = CaseEvents.time("2026-02-23T02:47:00Z")
        var events = CaseEvents.series(1500, from: start, every: 2) { i, t in
            CaseEvents.getObject(t, by: jane, from: "185.220.101.47", bucket: (i % 1400) % 3 == 0 ? "finance-reports" : "customer-records", key: "k\(i % 1400)", bytes: 1000)
        }
        events += CaseEvents.series(5, from: start, every: 60) { _, t in
            CaseEvents.getObject(t, by: jane, from: "185.220.101.47", bucket: "hr", errorCode: "AccessDenied")
        }
        let findings = DetectionCase.fires("x", events).run(BulkDownload())
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.requestCount == 1505)
        #expect(finding.failedCount == 5)
        #expect(finding.bytesOut == 1_500_000)
        #expect(finding.distinctKeys == 1400)
        #expect(finding.firstEvent.time == start)
        #expect(finding.lastEvent.time == start.adding(seconds: 2998))
        #expect(finding.sourceIPs == ["185.220.101.47": 1505])
        #expect(finding.accessKeyIds == ["AKIA5Q2R7HNB3KQTWXYZ"])
        #expect(finding.buckets["finance-reports"]?.requests == 501)
        #expect(finding.buckets["hr"]?.requests == 5)
        #expect(finding.evidence["thresholdRequests"] == "1000")
        #expect(finding.explanation.contains("1,500 GetObject requests"))
        #expect(finding.explanation.contains("threshold of 1,000 requests"))
        #expect(finding.explanation.contains("5 further requests failed: attempts, no data taken"))
    }

    @Test("incidents join a principal's findings and raise severity when detections agree")
    func incidents() throws {
        let testCase = BulkDownload.cases[0]
        let accumulator = ActivityAccumulator(configuration: testCase.configuration)
        for event in testCase.events { accumulator.add(event) }
        let start = try #require(testCase.windowStart)
        let windows = AnalysisWindows(window: TimeWindow(start: start), baseline: TimeWindow(end: start))
        let findings = DetectionCatalog.all.flatMap { $0.findings(in: accumulator, windows: windows) }
        #expect(Set(findings.map(\.detectionID)) == ["cloudtrail.bulk-download", "cloudtrail.new-source-ip", "cloudtrail.unusual-hour"])
        let incidents = IncidentBuilder(configuration: testCase.configuration).incidents(from: findings, activity: accumulator)
        let incident = try #require(incidents.first)
        #expect(incidents.count == 1)
        #expect(incident.severity == .critical)
        #expect(incident.severityReasons.count == 3)
        #expect(incident.impact.objectsRead == 1500)
        #expect(incident.impact.distinctKeys == 1500)
        #expect(incident.sourceIPs.first?.ip == "185.220.101.47")
        #expect(incident.sourceIPs.first?.newForPrincipal == true)
        #expect(incident.id.hasPrefix("INC-20260223-"))
        #expect(incident.id == IncidentBuilder.incidentID(principal: incident.principal, start: incident.firstEvent.time))
    }

    @Test("a copy source may be URL-encoded, versioned or start with a slash")
    func copySource() {
        #expect(CrossAccountCopy.bucket(fromCopySource: "customer-records/a/b.csv") == "customer-records")
        #expect(CrossAccountCopy.bucket(fromCopySource: "/customer-records/a%20b.csv?versionId=3") == "customer-records")
        #expect(CrossAccountCopy.bucket(fromCopySource: "") == nil)
    }

    @Test("a new address in a known /24 is only informational; a new network is low")
    func newAddressNetworks() throws {
        let jane = CaseEvents.user("developer-jane")
        let window = "2026-02-23T00:00:00Z"
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [9, 14]) {
            CaseEvents.getObject($0, by: jane, from: "203.0.113.10")
        }
        let neighbour = CaseEvents.getObject(CaseEvents.time("2026-02-23T09:00:00Z"), by: jane, from: "203.0.113.77")
        let faraway = CaseEvents.getObject(CaseEvents.time("2026-02-23T10:00:00Z"), by: jane, from: "185.220.101.47")
        let findings = DetectionCase.fires("x", windowStart: window, history + [neighbour, faraway]).run(NewSourceIP())
        #expect(findings.count == 2)
        #expect(findings.first { $0.evidence["sourceIP"] == "203.0.113.77" }?.severity == .info)
        #expect(findings.first { $0.evidence["sourceIP"] == "185.220.101.47" }?.severity == .low)
        #expect(findings.first { $0.evidence["sourceIP"] == "185.220.101.47" }?.evidence["network"] == "185.220.101.0/24")
    }

    @Test("networks: /24 for IPv4, /64 for IPv6 with :: expanded")
    func networks() {
        #expect(AddressNetwork.of("10.1.2.3") == "10.1.2.0/24")
        #expect(AddressNetwork.of("2001:db8::1") == "2001:db8:0:0::/64")
        #expect(AddressNetwork.of("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64")
    }

    @Test("stream windows count distinct targets across minutes without double counting")
    func streamWindow() throws {
        let jane = CaseEvents.user("developer-jane")
        let start = CaseEvents.time("2026-02-23T02:00:00Z")
        // The same 9 buckets over and over, then a tenth: exactly the threshold of 10 distinct.
        var events = CaseEvents.series(90, from: start, every: 20) { i, t in
            var e = CaseEvents.getObject(t, by: jane, from: "203.0.113.10", bucket: "b\(i % 9)")
            e.eventName = "ListObjects"
            return e
        }
        var tenth = CaseEvents.getObject(start.adding(seconds: 1900), by: jane, from: "203.0.113.10", bucket: "b9")
        tenth.eventName = "HeadBucket"
        events.append(tenth)
        let findings = DetectionCase.fires("x", events).run(BucketEnumeration())
        let finding = try #require(findings.first)
        #expect(finding.distinctKeys == 10)
        #expect(finding.requestCount == 91)
        #expect(finding.evidence["thresholdTargets"] == "10")
        #expect(DetectionCase.quiet("y", Array(events.dropLast())).run(BucketEnumeration()).isEmpty)
    }

    @Test("day one: with a learned profile, a short dump is judged against the principal's history")
    func learnedBaseline() throws {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:47:00Z")
        let dump = CaseEvents.series(1200, from: at, every: 2) { i, t in
            CaseEvents.getObject(t, by: jane, from: "185.220.101.47", key: "pii/\(i).csv")
        }
        let accumulator = ActivityAccumulator(configuration: DetectionConfiguration())
        for event in dump { accumulator.add(event) }
        let unjudged = AnalysisWindows(window: .unbounded, baseline: nil)
        #expect(NewSourceIP().findings(in: accumulator, windows: unjudged).isEmpty)
        #expect(UnusualHour().findings(in: accumulator, windows: unjudged).isEmpty)

        let days = Set((0..<10).map { at.dayIndex - 1 - Int64($0) })
        var hours = Array(repeating: 0, count: 24)
        for hour in 9...17 { hours[hour] = 40 }
        let office = TermHistory(firstSeen: CaseEvents.time("2026-02-10T09:00:00Z"), lastSeen: CaseEvents.time("2026-02-20T17:00:00Z"), count: 400)
        let profile = PrincipalProfile(principal: jane.principal, identityType: "IAMUser", accountId: CaseEvents.account,
                                       firstSeen: office.firstSeen, lastSeen: office.lastSeen, activeDayIndexes: days,
                                       sourceIPs: ["203.0.113.10": office], userAgentFamilies: ["aws-cli": office], hourOfDay: hours,
                                       hourlyReads: [at.hourIndex - 100: Volume(requests: 30, bytes: 3_000_000)])
        let judged = AnalysisWindows(window: .unbounded, baseline: nil, store: InMemoryBaseline(profiles: [profile]))
        let newIP = try #require(NewSourceIP().findings(in: accumulator, windows: judged).first)
        #expect(newIP.evidence["sourceIP"] == "185.220.101.47")
        #expect(newIP.evidence["baselineDays"] == "10")
        #expect(!UnusualHour().findings(in: accumulator, windows: judged).isEmpty)
        let bulk = try #require(BulkDownload().findings(in: accumulator, windows: judged).first)
        #expect(bulk.evidence["baselinePeakHourRequests"] == "30")
        #expect(bulk.evidence["thresholdRequests"] == "1000")

        // A store that learned the attack itself does not hide it: only terms first seen before the window count.
        var leaked = profile
        leaked.sourceIPs["185.220.101.47"] = TermHistory(firstSeen: at, lastSeen: at, count: 1)
        let window = AnalysisWindows(window: TimeWindow(start: at), baseline: nil, store: InMemoryBaseline(profiles: [leaked]))
        #expect(NewSourceIP().findings(in: accumulator, windows: window).count == 1)
    }

    @Test("events kept for per-event detections are bounded; the rest are counted")
    func keptEventsBounded() {
        var configuration = DetectionConfiguration()
        configuration.keptEventsPerDetection = 5
        let jane = CaseEvents.user("developer-jane")
        let copies = CaseEvents.series(8, from: CaseEvents.time("2026-02-23T03:10:00Z"), every: 1) { i, t in
            CaseEvents.copyObject(t, by: jane, from: "45.133.1.77", source: "customer-records", destination: "exfil-drop-bucket",
                                  destinationAccount: "999988887777", key: "k\(i)")
        }
        let first = ActivityAccumulator(configuration: configuration, eventDetections: [CrossAccountCopy()], streamDetections: [])
        let second = ActivityAccumulator(configuration: configuration, eventDetections: [CrossAccountCopy()], streamDetections: [])
        for event in copies.prefix(4) { first.add(event) }
        for event in copies.dropFirst(4) { second.add(event) }
        first.merge(second)
        #expect(first.matches["cloudtrail.cross-account-copy"]?.count == 5)
        #expect(first.matchesNotKept["cloudtrail.cross-account-copy"] == 3)
    }
}
