import S3HoundCore

/// S3 Block Public Access removed or relaxed, on a bucket or on the whole account.
public struct PublicAccessBlockRelaxed: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.public-access-block-relaxed",
        title: "S3 Block Public Access removed or relaxed",
        severity: .medium,
        techniques: [.t1098],
        guardDutyEquivalent: "Policy:S3/AccountBlockPublicAccessDisabled, Policy:S3/BucketBlockPublicAccessDisabled",
        falsePositives: [
            "Buckets made public on purpose (static websites): suppress the bucket",
        ],
        triage: "Turn the four settings back on unless someone owns the change; then look for a policy or ACL change that followed it.")

    /// The four settings.
    public static let flags = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["DeletePublicAccessBlock", "PutPublicAccessBlock"]

    public static let consequence = "Without these guards a public policy or ACL takes effect; this is how backdoors are prepared."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        // Named only for the two calls that matter: this runs for every event.
        var target: String { event.bucketName.map { "bucket \($0)" } ?? "the account" }
        switch event.eventName {
        case "DeletePublicAccessBlock":
            return "DeletePublicAccessBlock removes Block Public Access from \(target)"
        case "PutPublicAccessBlock":
            guard let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse),
                  let settings = parameters["PublicAccessBlockConfiguration"] ?? parameters.firstObject(containing: "BlockPublicAcls") ?? parameters.firstObject(containing: "RestrictPublicBuckets") else { return nil }
            let off = Self.relaxed(settings)
            guard !off.isEmpty else { return nil }
            return "PutPublicAccessBlock on \(target) turns off " + off.joined(separator: ", ")
        default:
            return nil
        }
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String { event.bucketName ?? "(account)" }

    /// The settings a PublicAccessBlockConfiguration leaves off (an omitted setting is off).
    public static func relaxed(_ settings: ParsedJSON) -> [String] {
        flags.filter { settings[$0]?.boolValue != true }
    }
}

extension PublicAccessBlockRelaxed {
    static func settings(_ values: [Bool]) -> String {
        let fields = zip(flags, values).map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return "{\"bucketName\":\"customer-records\",\"publicAccessBlock\":\"\",\"PublicAccessBlockConfiguration\":{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\",\(fields)}}"
    }

    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T02:58:00Z")
        let jane = CaseEvents.user("developer-jane")
        return [
            .fires("Block Public Access deleted from customer-records", [
                CaseEvents.call("DeletePublicAccessBlock", at: at, by: jane, bucket: "customer-records", parameters: "{\"bucketName\":\"customer-records\",\"publicAccessBlock\":\"\"}"),
            ]),
            .fires("BlockPublicPolicy and RestrictPublicBuckets turned off", [
                CaseEvents.call("PutPublicAccessBlock", at: at, by: jane, bucket: "customer-records", parameters: settings([true, true, false, false])),
            ]),
            .quiet("all four settings on", [
                CaseEvents.call("PutPublicAccessBlock", at: at, by: jane, bucket: "customer-records", parameters: settings([true, true, true, true])),
            ]),
        ]
    }
}
