import S3HoundCore

/// Many denied calls across several buckets from one principal: probing permissions or guessing bucket names.
public struct DeniedBurst: StreamDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.denied-burst",
        title: "Burst of denied S3 calls across buckets",
        severity: .medium,
        techniques: [.t1619],
        guardDutyEquivalent: nil,
        falsePositives: [
            "A deploy with a broken role policy: the denials are on one or two buckets, and stop after the fix",
            "Tools probing their own permissions at start-up",
        ],
        triage: "Which buckets were named, and do they exist? Bucket names that do not exist (NoSuchBucket) mean guessing. Did any call from the same source succeed?")

    /// Error codes that mean "not allowed" or "no such bucket".
    public static let deniedCodes: Set<String> = ["AccessDenied", "AllAccessDisabled", "NoSuchBucket", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccountProblem"]

    /// Creates the detection.
    public init() {}

    public func streamTerm(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard let code = event.errorCode, Self.deniedCodes.contains(code), event.eventSource.isEmpty || event.eventSource == "s3.amazonaws.com" else { return nil }
        return event.bucketName ?? "(no bucket)"
    }

    public func limits(_ configuration: DetectionConfiguration) -> StreamLimits {
        StreamLimits(count: configuration.deniedBurstCalls, distinctTerms: configuration.deniedBurstBuckets, requireBoth: true,
                     windowSeconds: configuration.streamWindowSeconds, baselineMultiplier: configuration.baselineMultiplier)
    }

    public func describe(_ burst: StreamBurst) -> String {
        "\(ByteCount.grouped(burst.total.count)) denied S3 calls naming \(burst.distinctTerms) distinct buckets (e.g. \(burst.total.sampleTerms.prefix(3).joined(separator: ", "))) between \(burst.total.first.time.reportMinute) and \(burst.total.last.time.reportMinute): attempts, no data taken"
    }
}

extension DeniedBurst {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let start = CaseEvents.time("2026-02-23T02:30:00Z")
        return [
            .fires("40 GetObject calls denied on 20 guessed bucket names in 20 minutes", CaseEvents.series(40, from: start, every: 30) { i, t in
                CaseEvents.getObject(t, by: jane, from: "185.220.101.47", bucket: "acme-backup-\(i / 2)", errorCode: i % 3 == 0 ? "NoSuchBucket" : "AccessDenied")
            }),
            .quiet("a deploy denied 40 times on one bucket", CaseEvents.series(40, from: start, every: 30) { _, t in
                CaseEvents.getObject(t, by: jane, from: "203.0.113.10", bucket: "app-artifacts", errorCode: "AccessDenied")
            }),
            .quiet("a handful of denials across buckets", CaseEvents.series(8, from: start, every: 30) { i, t in
                CaseEvents.getObject(t, by: jane, from: "203.0.113.10", bucket: "bucket-\(i)", errorCode: "AccessDenied")
            }),
        ]
    }
}
