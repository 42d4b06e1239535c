import S3HoundCore

/// A lifecycle rule that expires every object of a bucket within days: deletion by configuration, with no
/// DeleteObject calls for data events to show.
public struct ShortLifecycleExpiration: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.short-lifecycle-expiration",
        title: "Lifecycle rule expires a whole bucket within days",
        severity: .high,
        techniques: [.t1485, .t1490],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Scratch and temporary buckets whose objects are meant to live a day: suppress the bucket",
            "Rules on a prefix (tmp/) or a tag never fire: only whole-bucket rules do",
        ],
        triage: "Delete the rule now (expiration runs asynchronously, usually within a day); check whether versioning was suspended too.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["PutBucketLifecycle", "PutBucketLifecycleConfiguration"]

    public static let consequence = "S3 deletes the objects (or their older versions) itself when the rule runs."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "PutBucketLifecycle" || event.eventName == "PutBucketLifecycleConfiguration",
              let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse) else { return nil }
        let rules = Self.shortRules(parameters, maximumDays: configuration.shortExpirationDays)
        guard !rules.isEmpty else { return nil }
        return "\(event.eventName) on \(event.bucketName ?? "?") " + rules.joined(separator: "; ")
    }

    /// Phrases for enabled whole-bucket rules that expire current or noncurrent versions within `maximumDays`.
    public static func shortRules(_ parameters: ParsedJSON, maximumDays: Int) -> [String] {
        guard let configuration = parameters["LifecycleConfiguration"]?.objectOrEmbedded ?? parameters.firstObject(containing: "Rule") else { return [] }
        var phrases: [String] = []
        for rule in configuration["Rule"]?.list ?? [] {
            guard rule["Status"]?.text?.lowercased() == "enabled", wholeBucket(rule) else { continue }
            let id = rule["ID"]?.text.map { " '\($0)'" } ?? ""
            if let days = rule["Expiration"]?["Days"]?.intValue, days <= maximumDays {
                phrases.append("adds rule\(id) expiring every object after \(days) day(s)")
            }
            if let days = rule["NoncurrentVersionExpiration"]?["NoncurrentDays"]?.intValue, days <= maximumDays {
                phrases.append("adds rule\(id) deleting every older version after \(days) day(s)")
            }
        }
        return phrases
    }

    /// True when a rule applies to every object: no filter, or an empty prefix without tags or size bounds.
    static func wholeBucket(_ rule: ParsedJSON) -> Bool {
        if let prefix = rule["Prefix"]?.text, !prefix.isEmpty { return false }
        guard let filter = rule["Filter"] else { return true }
        if filter["And"] != nil || filter["Tag"] != nil || filter["ObjectSizeGreaterThan"] != nil || filter["ObjectSizeLessThan"] != nil { return false }
        return (filter["Prefix"]?.text ?? "").isEmpty
    }
}

extension ShortLifecycleExpiration {
    static func lifecycle(days: Int, prefix: String = "") -> String {
        """
        {"bucketName":"customer-records","lifecycle":"","LifecycleConfiguration":{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","Rule":[{"ID":"cleanup","Status":"Enabled","Filter":{"Prefix":"\(prefix)"},"Expiration":{"Days":\(days)}}]}}
        """
    }

    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:50:00Z")
        func put(_ parameters: String) -> ActivityEvent {
            CaseEvents.call("PutBucketLifecycleConfiguration", at: at, by: jane, from: "45.133.1.77", bucket: "customer-records", parameters: parameters)
        }
        return [
            .fires("every customer record expires after one day", [put(lifecycle(days: 1))]),
            .quiet("objects expire after 30 days", [put(lifecycle(days: 30))]),
            .quiet("only tmp/ expires after one day", [put(lifecycle(days: 1, prefix: "tmp/"))]),
        ]
    }
}
