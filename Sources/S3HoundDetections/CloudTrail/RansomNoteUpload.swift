import S3HoundCore

/// Objects uploaded under names ransom notes use (`README_TO_RESTORE.txt`, `HOW_TO_DECRYPT.html`).
public struct RansomNoteUpload: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.ransom-note-upload",
        title: "Ransom-note-like object uploaded",
        severity: .high,
        techniques: [.t1486, .t1485],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Documentation named like a note (README-RESTORE.md of a backup tool): adjust --ransom-note patterns or suppress the bucket",
        ],
        triage: "Read the note (do not follow links in it), then check for deletions, SSE-C rewrites and versioning changes in the same bucket.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["PutObject", "CopyObject", "CompleteMultipartUpload"]

    public static var failedRuns: FailedRunHandling { .skip }
    public static let consequence = "Attackers leave such notes after deleting or encrypting data."
    public static var attemptWords: (calls: String, nothing: String) { ("uploads", "nothing written") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "PutObject" || event.eventName == "CopyObject" || event.eventName == "CompleteMultipartUpload",
              let key = event.objectKey, let pattern = configuration.ransomNotePatterns.firstMatch(key: key) else { return nil }
        return "\(event.eventName) writes \(event.bucketName ?? "?")/\(key) (matches '\(pattern)')"
    }
}

extension RansomNoteUpload {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T04:00:00Z")
        return [
            .fires("a note uploaded to customer-records", [
                CaseEvents.call("PutObject", at: at, by: jane, from: "45.133.1.77", bucket: "customer-records", key: "README_TO_RESTORE_YOUR_FILES.txt"),
            ]),
            .quiet("an ordinary README", [
                CaseEvents.call("PutObject", at: at, by: jane, bucket: "app-artifacts", key: "docs/README.md"),
            ]),
            .quiet("someone reading a note (no upload)", [
                CaseEvents.getObject(at, by: jane, from: "203.0.113.10", bucket: "customer-records", key: "HOW_TO_DECRYPT.html"),
            ]),
        ]
    }
}
