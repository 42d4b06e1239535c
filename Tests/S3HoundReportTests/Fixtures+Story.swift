import S3HoundCore
@testable import S3HoundReport

/// The stories joined to the fixture incidents: what GuardDuty, Macie and flow logs add.
extension Fixtures {
    /// Macie's view of the buckets jane read.
    static let janeSensitive = [
        SensitiveDataImpact(bucket: "customer-records", objectsFlagged: 2_900, objectsRead: 2_870,
                            types: [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 1_204),
                                    SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "EMAIL_ADDRESS", count: 9_872)],
                            macieSeverity: "High", findingIds: ["macie-0001", "macie-0002"]),
        SensitiveDataImpact(bucket: "finance-exports", objectsFlagged: 800, objectsRead: 790,
                            types: [SensitiveDataHit(category: "FINANCIAL_INFORMATION", type: "CREDIT_CARD_NUMBER", count: 311)],
                            macieSeverity: "Critical", findingIds: ["macie-0003"]),
    ]

    /// GuardDuty's finding about the burst.
    static var janeGuardDuty: ServiceFinding {
        ServiceFinding(service: .guardDuty, id: "gd-5ac8f1e2b7", type: "Exfiltration:S3/ObjectRead.Unusual",
                       title: "Unusual S3 object reads by developer-jane", severityScore: 8.0, accountId: account, region: "us-east-1",
                       createdAt: time("2026-02-23T04:15:00Z"), firstSeen: time("2026-02-23T02:47:12Z"), lastSeen: time("2026-02-23T04:12:40Z"),
                       count: 37, principalARN: janeARN, userName: "developer-jane", principalType: "IAMUser", accessKeyId: janeKey,
                       sourceIPs: [torIP], sourceOrganization: "Tor exit relay", sourceCountry: "DE",
                       buckets: ["sensitive-data-bucket", "customer-records"], apiCalls: ["GetObject"])
    }

    /// Macie's classification finding on customer-records.
    static var janeMacie: ServiceFinding {
        ServiceFinding(service: .macie, id: "macie-0001", type: "SensitiveData:S3Object/Personal", severityLabel: "High",
                       accountId: account, region: "us-east-1", createdAt: time("2026-02-20T11:00:00Z"),
                       buckets: ["customer-records"],
                       objects: [ServiceFindingObject(bucket: "customer-records", key: "exports/2026/customers-0001.csv",
                                                      sensitiveData: [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 1_204)])])
    }

    /// 86 minutes of reads, 02:47–04:12, about 150 a minute.
    static var janeMinutes: [MinuteActivity] {
        let start = time("2026-02-23T02:47:00Z")
        return (0..<86).map { index in
            let requests = index == 86 - 1 ? 106 : 150 + (index % 7) * 3 - 9  // 12,847 in all
            return MinuteActivity(minute: start.adding(seconds: Int64(index * 60)), requests: requests, failed: index == 30 ? 2 : 0,
                                  bytesOut: Int64(requests) * 392_000)
        }
    }

    static func janeStory() -> IncidentStory {
        var hours = [Int](repeating: 0, count: 24)
        for minute in janeMinutes { hours[minute.minute.hourOfDay] += minute.requests }
        var baseline = [Int](repeating: 0, count: 24)
        baseline[9] = 140; baseline[14] = 95; baseline[10] = 30
        return IncidentStory(
            timeline: [
                TimelineEntry(time: burstStart.time, source: "cloudTrail", kind: "first-anomalous-request", summary: "First GetObject from 185.220.101.47"),
                TimelineEntry(time: time("2026-02-23T04:15:00Z"), source: "guardDuty", kind: "guardduty",
                              summary: "GuardDuty Exfiltration:S3/ObjectRead.Unusual (8.0) on sensitive-data-bucket, customer-records"),
                TimelineEntry(time: time("2026-02-20T11:00:00Z"), source: "macie", kind: "macie",
                              summary: "Macie SensitiveData:S3Object/Personal (High) in customer-records"),
            ],
            minutes: janeMinutes, usualPerMinute: UsualRate(requests: 2.4, bytesOut: 1_250_000),
            hours: HourComparison(incident: hours, baseline: baseline),
            serviceFindings: [janeGuardDuty, janeMacie], sources: ["cloudTrail", "guardDuty", "macie"])
    }

    static func roleStory() -> IncidentStory {
        let start = time("2026-02-23T03:10:00Z")
        let minutes = (0..<16).map { MinuteActivity(minute: start.adding(seconds: Int64($0 * 60)), requests: $0 % 2 == 0 ? 3 : 2) }
        var hours = [Int](repeating: 0, count: 24)
        hours[3] = 40
        var baseline = [Int](repeating: 0, count: 24)
        baseline[1] = 400; baseline[2] = 380
        let guardDuty = ServiceFinding(
            service: .guardDuty, id: "gd-77e0", type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
            severityScore: 8.0, accountId: account, region: "eu-west-1", createdAt: time("2026-02-23T03:40:00Z"),
            firstSeen: time("2026-02-23T03:10:00Z"), lastSeen: time("2026-02-23T03:25:30Z"), count: 40,
            principalARN: "arn:aws:sts::123456789012:assumed-role/etl-runner/i-0abc", principalType: "AssumedRole",
            accessKeyId: "ASIAEXAMPLEKEY0001", sourceIPs: ["45.133.1.77"], instanceId: "i-0abc", buckets: ["customer-records"], apiCalls: ["CopyObject"])
        let macie = ServiceFinding(
            service: .macie, id: "macie-0007", type: "SensitiveData:S3Object/Personal", severityLabel: "Medium", accountId: account,
            region: "eu-west-1", createdAt: time("2026-02-21T08:00:00Z"), buckets: ["customer-records"],
            objects: [ServiceFindingObject(bucket: "customer-records", key: "crm/contacts.csv",
                                           sensitiveData: [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "EMAIL_ADDRESS", count: 4_410)])])
        return IncidentStory(
            timeline: [
                TimelineEntry(time: time("2026-02-23T03:12:00Z"), source: "vpcFlowLogs", kind: "egress",
                              summary: "i-0abc sent 1.1 GB to 45.133.1.77:443 over 14 minutes"),
                TimelineEntry(time: time("2026-02-23T03:40:00Z"), source: "guardDuty", kind: "guardduty",
                              summary: "GuardDuty UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS (8.0)"),
            ],
            minutes: minutes, usualPerMinute: UsualRate(requests: 0.4, bytesOut: 2_048),
            hours: HourComparison(incident: hours, baseline: baseline),
            egress: [NetworkEgress(interfaceId: "eni-0f1e2d", instanceId: "i-0abc", sourceAddress: "10.0.1.23", destination: "45.133.1.77",
                                   bytes: 1_181_116_006, packets: 812_400, flows: 28, first: time("2026-02-23T03:11:00Z"),
                                   last: time("2026-02-23T03:25:00Z"), tie: "same instance as the role session i-0abc")],
            serviceFindings: [guardDuty, macie], instances: ["i-0abc"], sources: ["cloudTrail", "vpcFlowLogs", "guardDuty", "macie"])
    }
}
