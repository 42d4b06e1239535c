import S3HoundCore

/// Unauthenticated callers (`ANONYMOUS_PRINCIPAL`) reading or listing objects: the bucket or its objects are public.
public struct AnonymousObjectAccess: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.anonymous-object-access",
        title: "Anonymous callers read or list S3 objects",
        severity: .medium,
        techniques: [.t1530],
        guardDutyEquivalent: "Policy:S3/BucketAnonymousAccessGranted",
        falsePositives: [
            "Buckets that are public on purpose (website assets, public datasets): suppress the bucket",
            "Denied anonymous requests are internet background noise and never fire",
        ],
        triage: "Should this bucket be public at all? Check its policy, ACLs and Block Public Access; list what was read and by which addresses.")

    /// Calls that read or list objects.
    public static let objectCalls: Set<String> = ["GetObject", "HeadObject", "GetObjectAttributes", "SelectObjectContent", "GetObjectTorrent",
                                                  "ListObjects", "ListObjectsV2", "ListObjectVersions", "GetObjectAcl"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = objectCalls

    public static var failedRuns: FailedRunHandling { .skip }
    public static let consequence = "Nobody authenticated these requests: anyone on the internet can do the same."
    public static var attemptWords: (calls: String, nothing: String) { ("anonymous requests", "no data taken") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.identity.isAnonymous, Self.objectCalls.contains(event.eventName) else { return nil }
        return "anonymous \(event.eventName) on bucket \(event.bucketName ?? "?")"
    }
}

extension AnonymousObjectAccess {
    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T11:00:00Z")
        return [
            .fires("an unauthenticated caller downloads customer records", [
                CaseEvents.getObject(at, by: CaseEvents.anonymous, from: "198.51.100.200", bucket: "customer-records", key: "exports/all.csv"),
                CaseEvents.call("ListObjects", at: at.adding(seconds: 5), by: CaseEvents.anonymous, from: "198.51.100.200", bucket: "customer-records"),
            ]),
            .quiet("anonymous requests that were all denied (scanners)", [
                CaseEvents.getObject(at, by: CaseEvents.anonymous, from: "198.51.100.200", bucket: "customer-records", errorCode: "AccessDenied"),
            ]),
            .quiet("an authenticated developer reading the same object", [
                CaseEvents.getObject(at, by: CaseEvents.user("developer-jane"), from: "203.0.113.10", bucket: "customer-records"),
            ]),
        ]
    }
}
