import S3HoundCore

/// Any read, listing or policy change of a decoy bucket or prefix (configured with `--canary`): nobody has a
/// reason to touch it, so whoever does is exploring. Needs local settings: ships with no canaries, and is quiet.
public struct DecoyTouched: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.decoy-touched",
        title: "Decoy bucket or object touched",
        severity: .high,
        techniques: [.t1530, .t1619],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Needs local settings: quiet until decoys are given with --canary BUCKET[/PREFIX]",
            "Inventory and compliance scanners that list every bucket: suppress their role, or use prefix canaries",
        ],
        triage: "Treat the principal as compromised: a decoy has no legitimate reader. Deactivate its keys and look at everything else it touched.")

    /// Calls that change who may access a bucket.
    public static let policyCalls: Set<String> = ["PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl", "PutObjectAcl", "PutPublicAccessBlock",
                                                  "DeletePublicAccessBlock", "PutBucketOwnershipControls", "PutAccessPointPolicy"]

    /// Creates the detection.
    public init() {}

    public static let consequence = "The decoy has no legitimate use: this is someone exploring the account."
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "but the decoy was still found") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard !configuration.canaries.isEmpty, !event.identity.isAWSService, let canary = Self.canary(for: event, configuration: configuration) else { return nil }
        let object = event.objectKey.map { "\(event.bucketName ?? "?")/\($0)" } ?? event.bucketName ?? "?"
        return "\(event.eventName) on \(object), decoy \(canary)"
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String {
        Self.canary(for: event, configuration: configuration)?.description ?? ""
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        finding.evidence["canary"] = run.subject
        // Data actually read from a decoy: the strongest signal there is.
        if run.succeeded.contains(where: { $0.eventName == "GetObject" }) { finding.severity = .critical }
    }

    /// The decoy an event touches: any read, list or policy change of a whole-bucket decoy; object calls under a prefix decoy.
    static func canary(for event: ActivityEvent, configuration: DetectionConfiguration) -> Canary? {
        // The bucket first: this runs for every event, and almost none is in a decoy bucket.
        guard let bucket = event.bucketName, configuration.canaries.contains(where: { $0.bucket == bucket }) else { return nil }
        let name = event.eventName
        let reads = name.hasPrefix("Get") || name.hasPrefix("Head") || name.hasPrefix("List") || name == "SelectObjectContent" || name == "CopyObject"
        guard reads || Self.policyCalls.contains(name) else { return nil }
        return configuration.canaries.first { canary in
            guard canary.bucket == bucket else { return false }
            guard let prefix = canary.keyPrefix else { return true }
            return event.objectKey?.hasPrefix(prefix) ?? false
        }
    }
}

extension DecoyTouched {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:55:00Z")
        var decoys = DetectionConfiguration()
        decoys.canaries = [Canary(bucket: "payroll-backup-2019"), Canary(bucket: "finance-reports", keyPrefix: "restricted/board/")]
        return [
            .fires("developer-jane lists the decoy bucket", configuration: decoys, [
                CaseEvents.call("ListObjects", at: at, by: jane, from: "45.133.1.77", bucket: "payroll-backup-2019"),
            ]),
            .fires("a read under the decoy prefix, even denied", configuration: decoys, [
                CaseEvents.getObject(at, by: jane, from: "45.133.1.77", bucket: "finance-reports", key: "restricted/board/minutes.pdf", errorCode: "AccessDenied"),
            ]),
            .quiet("a read elsewhere in the bucket holding a decoy prefix", configuration: decoys, [
                CaseEvents.getObject(at, by: jane, from: "203.0.113.10", bucket: "finance-reports", key: "reports/2025/Q1/ledger.xlsx"),
            ]),
            .quiet("the decoy bucket read with no canaries configured (the shipped default)", [
                CaseEvents.call("ListObjects", at: at, by: jane, from: "45.133.1.77", bucket: "payroll-backup-2019"),
            ]),
        ]
    }
}
