import S3HoundCore

/// S3 server access logging turned off on a bucket (PutBucketLogging with an empty BucketLoggingStatus).
public struct AccessLoggingDisabled: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.access-logging-disabled",
        title: "S3 server access logging turned off",
        severity: .medium,
        techniques: [.t1562_008],
        guardDutyEquivalent: "Stealth:S3/ServerAccessLoggingDisabled",
        falsePositives: [
            "Buckets moved to CloudTrail data events instead: suppress the bucket once confirmed",
        ],
        triage: "Turn logging back on with the previous target (CloudTrail has it in the last PutBucketLogging) and look at what happened to the bucket afterwards.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["PutBucketLogging"]

    public static let consequence = "Reads of this bucket stop appearing in its server access logs, often the only record when data events are off."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "PutBucketLogging", let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse) else { return nil }
        let status = parameters["BucketLoggingStatus"]
        guard status?.objectOrEmbedded?["LoggingEnabled"] == nil else { return nil }
        return "PutBucketLogging turns server access logging off on \(event.bucketName ?? "?")"
    }
}

extension AccessLoggingDisabled {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:42:00Z")
        func put(_ status: String) -> ActivityEvent {
            CaseEvents.call("PutBucketLogging", at: at, by: jane, bucket: "customer-records",
                            parameters: "{\"bucketName\":\"customer-records\",\"logging\":\"\",\"BucketLoggingStatus\":\(status)}")
        }
        return [
            .fires("logging status emptied", [put("{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\"}")]),
            .quiet("logging pointed at the log bucket", [put("{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\",\"LoggingEnabled\":{\"TargetBucket\":\"access-logs\",\"TargetPrefix\":\"customer-records/\"}}")]),
        ]
    }
}
