import Testing
import S3HoundCore
@testable import S3HoundDetections

/// Incidents join findings from every source on principal, access key, outside address and instance.
@Suite("Correlation across sources")
struct CorrelationTests {
    let jane = CaseEvents.user("developer-jane")
    let start = CaseEvents.time("2026-02-23T02:47:00Z")
    let torIP = "185.220.101.47"

    /// 1,500 reads of customer-records (keys k0…k1499) by jane from the Tor exit, one every 2 s.
    func burst() -> [ActivityEvent] {
        CaseEvents.series(1500, from: start, every: 2) { i, t in
            CaseEvents.getObject(t, by: jane, from: torIP, bucket: "customer-records", key: "k\(i)", bytes: 1_000_000)
        }
    }

    func guardDuty(principal: String? = nil, key: String? = "AKIA5Q2R7HNB3KQTWXYZ", ips: [String] = ["185.220.101.47"], buckets: [String] = ["customer-records"]) -> ServiceFinding {
        ServiceFinding(service: .guardDuty, id: "gd-1", type: "Exfiltration:S3/AnomalousBehavior", title: "Anomalous reads",
                       severityScore: 8, accountId: CaseEvents.account, createdAt: start.adding(seconds: 1800),
                       firstSeen: start.adding(seconds: 60), lastSeen: start.adding(seconds: 1200), count: 40,
                       principalARN: principal, accessKeyId: key, sourceIPs: ips, buckets: buckets)
    }

    func macie(keys: [String]) -> ServiceFinding {
        ServiceFinding(service: .macie, id: "mc-1", type: "SensitiveData:S3Object/Personal", severityLabel: "High",
                       createdAt: start.adding(seconds: -86_400), buckets: ["customer-records"],
                       objects: keys.map { ServiceFindingObject(bucket: "customer-records", key: $0, sensitiveData: [
                           SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 10),
                       ]) })
    }

    func run(events: [ActivityEvent], flows: [FlowRecord] = [], serviceFindings: [ServiceFinding] = [],
             configuration: DetectionConfiguration = .init()) -> [Incident] {
        let accumulator = ActivityAccumulator(configuration: configuration)
        for event in events { accumulator.add(event) }
        for flow in flows { accumulator.add(flow) }
        for finding in serviceFindings { accumulator.add(finding) }
        let windows = AnalysisWindows(window: .unbounded, baseline: nil)
        let findings = DetectionCatalog.all.flatMap { $0.findings(in: accumulator, windows: windows) }
        return IncidentBuilder(configuration: configuration).incidents(from: findings, activity: accumulator, windows: windows)
    }

    @Test("a GuardDuty finding naming only jane's access key joins her bulk-download incident, and says GuardDuty agrees")
    func guardDutyJoinsByAccessKey() throws {
        let incidents = run(events: burst(), serviceFindings: [guardDuty(principal: nil)])
        let incident = try #require(incidents.first)
        #expect(incidents.count == 1)
        #expect(incident.principal == "arn:aws:iam::123456789012:user/developer-jane")
        #expect(Set(incident.findings.map(\.detectionID)).isSuperset(of: ["cloudtrail.bulk-download", "guardduty.finding"]))
        #expect(incident.severityReasons.contains("+1 level: GuardDuty agrees"))
        #expect(incident.story.serviceFindings.map(\.id) == ["gd-1"])
        #expect(incident.story.sources.contains("guardDuty"))
        #expect(incident.story.timeline.contains { $0.kind == "guardduty" && $0.time == start.adding(seconds: 1800) })
    }

    @Test("a GuardDuty finding about someone else from an unrelated address stays its own incident")
    func unrelatedGuardDutyStaysApart() {
        let other = guardDuty(principal: "arn:aws:iam::123456789012:user/ci-deployer", key: "AKIAOTHERKEY00000000", ips: ["198.51.100.9"], buckets: [])
        let incidents = run(events: burst(), serviceFindings: [other])
        #expect(incidents.count == 2)
    }

    @Test("a bucket-only Macie exposure finding joins the incident that read the bucket; a caller's bucket never pulls in another caller")
    func bucketJoinOnlyForCallerless() {
        let exposure = ServiceFinding(service: .macie, id: "mp-1", type: "Policy:IAMUser/S3BucketPublic", severityLabel: "High",
                                      createdAt: start.adding(seconds: 600), buckets: ["customer-records"], exposure: ["bucket is publicly accessible"])
        let joined = run(events: burst(), serviceFindings: [exposure])
        #expect(joined.count == 1)
        #expect(joined.first?.findings.contains { $0.detectionID == "macie.bucket-exposure" } == true)

        let raj = CaseEvents.user("developer-raj", key: "AKIARAJKEY0000000000")
        let rajBurst = CaseEvents.series(1500, from: start, every: 2) { i, t in
            CaseEvents.getObject(t, by: raj, from: "198.51.100.77", bucket: "customer-records", key: "r\(i)", bytes: 10)
        }
        #expect(run(events: burst() + rajBurst).count == 2)
    }

    @Test("Macie's flagged keys that were read become sensitive data in the impact, and raise the severity")
    func sensitiveDataJoinedOnKeys() throws {
        let incident = try #require(run(events: burst(), serviceFindings: [macie(keys: ["k1", "k2", "k3", "never-read"])]).first)
        let row = try #require(incident.impact.sensitive.first)
        #expect(row.bucket == "customer-records")
        #expect(row.objectsFlagged == 4)
        #expect(row.objectsRead == 3)
        #expect(row.types == [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 30)])
        #expect(row.macieSeverity == "High")
        #expect(incident.severityReasons.contains { $0.contains("3 object(s) read hold sensitive data") })
        #expect(incident.story.sources.contains("macie"))
    }

    @Test("flow-log egress from an instance to the caller's address is tied to the incident and joins its egress finding")
    func egressTiedByAddress() throws {
        let flows = (0..<10).map { minute -> FlowRecord in
            let t = start.adding(seconds: Int64(minute) * 60)
            return FlowRecord(version: 5, accountId: CaseEvents.account, interfaceId: "eni-0a1b2c3d4e5f60718", sourceAddress: "10.0.1.25",
                              destinationAddress: torIP, bytes: 200 << 20, start: t, end: t.adding(seconds: 60), action: "ACCEPT",
                              instanceId: "i-0fedcba9876543210", flowDirection: "egress")
        }
        let incidents = run(events: burst(), flows: flows)
        let incident = try #require(incidents.first)
        #expect(incidents.count == 1)
        #expect(incident.findings.contains { $0.detectionID == "flowlogs.large-egress" })
        let egress = try #require(incident.story.egress.first)
        #expect(egress.destination == torIP)
        #expect(egress.bytes == 2000 << 20)
        #expect(egress.instanceId == "i-0fedcba9876543210")
        #expect(incident.story.instances == ["i-0fedcba9876543210"])
        #expect(incident.story.sources.contains("vpcFlowLogs"))
    }

    @Test("the story has per-minute reads, a burst in the timeline, and the first and last request")
    func storyTimeline() throws {
        let incident = try #require(run(events: burst()).first)
        #expect(incident.story.minutes.reduce(0) { $0 + $1.requests } == 1500)
        #expect(incident.story.minutes.first?.minute == start)
        let kinds = incident.story.timeline.map(\.kind)
        #expect(kinds.first == "first-anomalous-request")
        #expect(kinds.contains("burst"))
        #expect(kinds.last == "last-request")
        #expect(incident.story.timeline == incident.story.timeline.sorted())
    }

    @Test("bucket sensitivity labels from configuration are carried for the buckets touched")
    func bucketLabels() throws {
        var configuration = DetectionConfiguration()
        configuration.bucketLabels = ["customer-records": "pii", "unrelated": "financial"]
        let incident = try #require(run(events: burst(), configuration: configuration).first)
        #expect(incident.impact.bucketLabels == ["customer-records": "pii"])
    }
}
