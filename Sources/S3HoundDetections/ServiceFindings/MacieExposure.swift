import S3HoundCore

/// A Macie policy finding: a bucket made public, shared or replicated outside, or left unencrypted.
/// (Macie's sensitive-data findings are not findings here: they tell correlation what data a read took.)
public struct MacieExposure: Detection {
    public static let metadata = DetectionMetadata(
        id: "macie.bucket-exposure",
        title: "Macie: bucket exposed",
        severity: .medium,
        techniques: [.t1098, .t1537],
        guardDutyEquivalent: "Policy:S3/BucketBlockPublicAccessDisabled, Policy:S3/BucketPublicAccessGranted",
        falsePositives: [
            "Buckets meant to be public (websites): suppress the bucket in configuration",
            "Replication to a DR account: add the account to trusted_accounts; Macie still reports it",
        ],
        triage: "Who changed the bucket (the actor in the evidence), and was data read through the exposure? Check the incident's reads from new or anonymous callers.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let minimum = activity.configuration.serviceFindingMinimumSeverity
        return activity.serviceFindings.values
            .filter { $0.service == .macie && $0.type.hasPrefix("Policy:") && $0.severity >= minimum && windows.window.overlaps(from: $0.activityStart, to: $0.activityEnd) }
            .map { source in
                var finding = GuardDutyFinding.finding(source)
                finding.detectionID = Self.metadata.id
                finding.title = "Macie: \(source.type)"
                finding.techniques = Self.metadata.techniques.map(\.id)
                let facts = source.exposure.isEmpty ? "" : " — " + source.exposure.joined(separator: "; ")
                let buckets = source.buckets.isEmpty ? "" : " on " + source.buckets.joined(separator: ", ")
                finding.explanation = "Macie raised \(source.type) (\(source.severityLabel ?? "severity unknown"))\(buckets), \(source.activityEnd.reportMinute) UTC\(facts)."
                finding.evidence["macieType"] = source.type
                finding.evidence["guardDutyType"] = nil
                if !source.exposure.isEmpty { finding.evidence["exposure"] = source.exposure.joined(separator: "; ") }
                return finding
            }
            .sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension MacieExposure {
    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T03:10:00Z")
        let publicBucket = ServiceFinding(service: .macie, id: "9d1f", type: "Policy:IAMUser/S3BucketPublic", severityLabel: "High",
                                          accountId: CaseEvents.account, createdAt: at, principalARN: "arn:aws:iam::123456789012:user/developer-jane",
                                          buckets: ["customer-records"], exposure: ["bucket is publicly accessible"])
        let sensitive = ServiceFinding(service: .macie, id: "7a2e", type: "SensitiveData:S3Object/Personal", severityLabel: "High",
                                       createdAt: at, buckets: ["customer-records"],
                                       objects: [ServiceFindingObject(bucket: "customer-records", key: "2026/records-0001.csv",
                                                                      sensitiveData: [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "USA_SOCIAL_SECURITY_NUMBER", count: 40)])])
        return [
            .fires("customer-records made public", serviceFindings: [publicBucket]),
            .quiet("sensitive data found is context, not a finding", serviceFindings: [sensitive]),
        ]
    }
}
