import S3HoundCore

/// One principal listing or inspecting many buckets in a short time: reconnaissance before taking data.
public struct BucketEnumeration: StreamDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.bucket-enumeration",
        title: "Burst of bucket listing and inspection across many buckets",
        severity: .medium,
        techniques: [.t1619],
        guardDutyEquivalent: "Discovery:S3/BucketEnumeration.Unusual",
        falsePositives: [
            "Inventory and posture tools (AWS Config, CSPM scanners): quiet once their own history is in the baseline",
            "Console users browsing many buckets: raise --enumeration-buckets",
        ],
        triage: "Who is the principal and is it a scanner? Did reads or policy changes follow on the buckets it listed?")

    /// Calls that list or inspect buckets.
    public static let discoveryCalls: Set<String> = [
        "ListBuckets", "ListObjects", "ListObjectsV2", "ListObjectVersions", "HeadBucket", "GetBucketAcl", "GetBucketPolicy",
        "GetBucketPolicyStatus", "GetBucketLocation", "GetBucketPublicAccessBlock", "GetBucketLogging", "GetBucketVersioning",
        "GetBucketEncryption", "GetBucketReplication", "GetBucketTagging", "GetBucketOwnershipControls", "GetBucketWebsite",
    ]

    /// Creates the detection.
    public init() {}

    public static var eventNames: Set<String>? { discoveryCalls }

    public func streamTerm(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard Self.discoveryCalls.contains(event.eventName), !event.identity.isAWSService else { return nil }
        return event.bucketName ?? "(all buckets)"
    }

    public func limits(_ configuration: DetectionConfiguration) -> StreamLimits {
        StreamLimits(count: nil, distinctTerms: configuration.enumerationBucketThreshold, windowSeconds: configuration.streamWindowSeconds,
                     baselineMultiplier: configuration.baselineMultiplier)
    }

    public func describe(_ burst: StreamBurst) -> String {
        "\(ByteCount.grouped(burst.total.count)) listing and inspection calls on \(burst.distinctTerms) distinct buckets (e.g. \(burst.total.sampleTerms.prefix(3).joined(separator: ", "))) between \(burst.total.first.time.reportMinute) and \(burst.total.last.time.reportMinute)"
            + (burst.total.failed > 0 ? ", \(burst.total.failed) of them denied" : "")
    }
}

extension BucketEnumeration {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let start = CaseEvents.time("2026-02-23T02:40:00Z")
        func listing(_ i: Int, _ t: EventTime, bucket: String) -> ActivityEvent {
            var event = CaseEvents.getObject(t, by: jane, from: "185.220.101.47", bucket: bucket)
            event.eventName = i % 2 == 0 ? "ListObjects" : "GetBucketPolicy"
            event.objectKey = nil
            return event
        }
        return [
            .fires("developer-jane lists and inspects 14 buckets in ten minutes", CaseEvents.series(28, from: start, every: 20) { i, t in
                listing(i, t, bucket: "bucket-\(i / 2)")
            }),
            .quiet("developer-jane lists the same three buckets all morning", CaseEvents.series(60, from: start, every: 60) { i, t in
                listing(i, t, bucket: "bucket-\(i % 3)")
            }),
        ]
    }
}
