import S3HoundCore

/// A GuardDuty finding fed in with the logs: reported as a finding of its own and joined to the incident
/// of the same principal, access key, address, instance or bucket.
public struct GuardDutyFinding: Detection {
    public static let metadata = DetectionMetadata(
        id: "guardduty.finding",
        title: "GuardDuty finding",
        severity: .medium,
        techniques: [.t1530],
        guardDutyEquivalent: "any (this is GuardDuty's own finding)",
        falsePositives: [
            "Archived and sample findings are skipped unless asked (--include-archived-findings, --include-sample-findings)",
            "GuardDuty's anomaly findings learn for days after S3 protection is enabled; early ones may be benign: check the baseline S3Hound reports",
        ],
        triage: "Read GuardDuty's own finding (id in the evidence), then the S3Hound findings joined to it: they show which events and how much data.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let minimum = activity.configuration.serviceFindingMinimumSeverity
        return activity.serviceFindings.values
            .filter { $0.service == .guardDuty && $0.severity >= minimum && windows.window.overlaps(from: $0.activityStart, to: $0.activityEnd) }
            .map(Self.finding)
            .sorted { $0.firstEvent < $1.firstEvent }
    }

    /// The S3Hound finding for one GuardDuty finding.
    static func finding(_ source: ServiceFinding) -> Finding {
        let score = source.severityScore.map { String(format: "%.1f", $0) } ?? (source.severityLabel ?? "unknown")
        var explanation = "GuardDuty raised \(source.type) (severity \(score))"
        if source.count > 1 { explanation += ", seen \(ByteCount.grouped(source.count)) times" }
        explanation += ", \(source.activityStart.reportMinute) to \(source.activityEnd.reportMinute) UTC"
        if let title = source.title, !title.isEmpty { explanation += ": \(title)" }
        if !explanation.hasSuffix(".") { explanation += "." }
        var finding = Finding(detectionID: metadata.id, title: "GuardDuty: \(source.type)", severity: source.severity,
                              techniques: techniques(for: source.type).map(\.id), principal: principal(of: source),
                              arns: source.principalARN.map { [$0] } ?? [], accessKeyIds: source.accessKeyId.map { [$0] } ?? [],
                              accountId: source.accountId,
                              sourceIPs: Dictionary(source.sourceIPs.map { ($0, source.count) }, uniquingKeysWith: +),
                              firstEvent: EventReference(time: source.activityStart, eventID: "guardduty:" + source.id),
                              lastEvent: EventReference(time: source.activityEnd, eventID: "guardduty:" + source.id),
                              requestCount: source.count, explanation: explanation)
        for bucket in source.buckets { finding.buckets[bucket] = BucketImpact() }
        finding.evidence = ["guardDutyType": source.type, "findingId": source.id, "severityScore": score]
        if let instance = source.instanceId { finding.evidence["instanceId"] = instance }
        if let organization = source.sourceOrganization { finding.evidence["sourceOrganization"] = organization }
        if !source.apiCalls.isEmpty { finding.evidence["apiCalls"] = source.apiCalls.joined(separator: ", ") }
        return finding
    }

    /// The principal a service finding is about: its caller, else its access key, instance or first bucket.
    static func principal(of source: ServiceFinding) -> String {
        if let arn = source.principalARN, !arn.isEmpty { return arn }
        if let key = source.accessKeyId, !key.isEmpty { return "access-key:" + key }
        if let instance = source.instanceId, !instance.isEmpty { return "ec2-instance:" + instance }
        if let bucket = source.buckets.first { return "bucket:" + bucket }
        return "\(source.service.rawValue):\(source.id)"
    }

    /// ATT&CK techniques for a GuardDuty finding type, by its threat purpose.
    static func techniques(for type: String) -> [AttackTechnique] {
        let purpose = type.split(separator: ":").first.map(String.init) ?? ""
        switch purpose {
        case "Exfiltration": return type.contains("S3/") ? [.t1530, .t1537] : [.t1048]
        case "Discovery", "Recon": return [.t1619]
        case "Impact": return [.t1485]
        case "UnauthorizedAccess", "CredentialAccess": return type.contains("InstanceCredentialExfiltration") ? [.t1552_005] : [.t1078_004]
        case "PenTest": return [.t1595]
        case "Policy", "Persistence", "PrivilegeEscalation": return [.t1098]
        case "Stealth", "DefenseEvasion": return [.t1562_008]
        case "AttackSequence": return [.t1530, .t1078_004]
        default: return [.t1530]
        }
    }
}

extension GuardDutyFinding {
    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T02:47:00Z")
        func guardDuty(_ type: String, severity: Double, archived: Bool = false) -> ServiceFinding {
            ServiceFinding(service: .guardDuty, id: "b2c4" + String(type.count), type: type, title: "Anomalous reads from customer-records",
                           severityScore: severity, accountId: CaseEvents.account, region: "us-east-1", createdAt: at.adding(seconds: 900),
                           firstSeen: at, lastSeen: at.adding(seconds: 600), count: 12, archived: archived,
                           principalARN: "arn:aws:iam::123456789012:user/developer-jane", userName: "developer-jane",
                           principalType: "IAMUser", accessKeyId: "AKIA5Q2R7HNB3KQTWXYZ", sourceIPs: ["185.220.101.47"],
                           buckets: ["customer-records"], apiCalls: ["GetObject"])
        }
        var strict = DetectionConfiguration()
        strict.serviceFindingMinimumSeverity = .high
        return [
            .fires("Exfiltration:S3/AnomalousBehavior for developer-jane's key", serviceFindings: [guardDuty("Exfiltration:S3/AnomalousBehavior", severity: 8)]),
            .quiet("a low finding when only high ones count", configuration: strict, serviceFindings: [guardDuty("Discovery:S3/AnomalousBehavior", severity: 2)]),
            .quiet("a finding outside the window", windowStart: "2026-02-24T00:00:00Z", serviceFindings: [guardDuty("Exfiltration:S3/AnomalousBehavior", severity: 8)]),
            .quiet("a Macie finding is not GuardDuty's", serviceFindings: [
                ServiceFinding(service: .macie, id: "m1", type: "SensitiveData:S3Object/Personal", severityLabel: "High", createdAt: at),
            ]),
        ]
    }
}
