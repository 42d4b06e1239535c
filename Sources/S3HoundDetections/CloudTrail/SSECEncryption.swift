import S3HoundCore

/// Objects written or copied with a customer-provided key (SSE-C): the ransomware pattern where the only
/// copy of the key stays with the attacker.
public struct SSECEncryption: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.sse-c-encryption",
        title: "Objects encrypted with a customer-provided key (SSE-C)",
        severity: .high,
        techniques: [.t1486],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Applications that use SSE-C by design (rare): suppress their principal",
        ],
        triage: "Were existing objects rewritten in place (CopyObject onto itself)? Deactivate the key now, and block SSE-C with a bucket policy denying s3:x-amz-server-side-encryption-customer-algorithm.")

    /// Calls that write object data.
    public static let writeCalls: Set<String> = ["PutObject", "CopyObject", "UploadPart", "UploadPartCopy", "CreateMultipartUpload", "CompleteMultipartUpload"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = writeCalls

    public static var failedRuns: FailedRunHandling { .skip }
    public static let consequence = "Objects encrypted with SSE-C can only be read with the key the caller supplied; AWS keeps no copy."
    public static var attemptWords: (calls: String, nothing: String) { ("writes", "nothing encrypted") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        // The field first: it is nil for nearly every event, and cheaper to test than the name's set.
        guard event.sseApplied == "SSE_C", Self.writeCalls.contains(event.eventName) else { return nil }
        return "\(event.eventName) into \(event.bucketName ?? "?") with a customer-provided key (SSE-C)"
    }
}

extension SSECEncryption {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:40:00Z")
        func rewrite(_ i: Int, _ t: EventTime, sse: String?, errorCode: String? = nil) -> ActivityEvent {
            var event = CaseEvents.copyObject(t, by: jane, from: "45.133.1.77", source: "customer-records", destination: "customer-records",
                                              destinationAccount: CaseEvents.account, key: "records/\(i).json", errorCode: errorCode)
            event.sseApplied = sse
            return event
        }
        return [
            .fires("developer-jane rewrites 50 records in place under her own key", CaseEvents.series(50, from: at, every: 1) { rewrite($0, $1, sse: "SSE_C") }),
            .quiet("copies with the bucket's default KMS encryption", CaseEvents.series(50, from: at, every: 1) { rewrite($0, $1, sse: "SSE_KMS") }),
            .quiet("SSE-C rewrites that were all denied", CaseEvents.series(5, from: at, every: 1) { rewrite($0, $1, sse: "SSE_C", errorCode: "AccessDenied") }),
        ]
    }
}
