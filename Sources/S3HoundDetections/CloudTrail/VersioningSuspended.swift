import S3HoundCore

/// Versioning suspended on a bucket: overwritten and deleted objects can no longer be recovered.
public struct VersioningSuspended: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.versioning-suspended",
        title: "Bucket versioning suspended",
        severity: .medium,
        techniques: [.t1490],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Cost clean-ups of buckets that do not need versions: suppress the bucket",
        ],
        triage: "Re-enable versioning now; look for deletions, overwrites or lifecycle changes by the same principal that followed.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["PutBucketVersioning"]

    public static let consequence = "Without versioning, deletions and overwrites that follow destroy the only copy: the usual first step before ransom or wiping."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "PutBucketVersioning", let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse),
              let status = (parameters["VersioningConfiguration"] ?? parameters.firstObject(containing: "Status"))?["Status"]?.text,
              status.lowercased() == "suspended" else { return nil }
        return "PutBucketVersioning suspends versioning on \(event.bucketName ?? "?")"
    }
}

extension VersioningSuspended {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:45:00Z")
        func put(_ status: String) -> ActivityEvent {
            CaseEvents.call("PutBucketVersioning", at: at, by: jane, bucket: "customer-records",
                            parameters: "{\"bucketName\":\"customer-records\",\"versioning\":\"\",\"VersioningConfiguration\":{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\",\"Status\":\"\(status)\"}}")
        }
        return [
            .fires("versioning suspended on customer-records", [put("Suspended")]),
            .quiet("versioning enabled", [put("Enabled")]),
        ]
    }
}
