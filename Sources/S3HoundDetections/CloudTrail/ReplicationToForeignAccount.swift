import S3HoundCore

/// PutBucketReplication whose rules replicate into a bucket of an account that is not ours.
public struct ReplicationToForeignAccount: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.replication-to-foreign-account",
        title: "Bucket replication set up into another account",
        severity: .high,
        techniques: [.t1537],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Replication into a disaster-recovery or backup account: list it with --trusted-account",
            "Replication between accounts of your organisation: list them with --own-account",
        ],
        triage: "Who owns the destination account? Remove the replication rule (or the whole configuration) first: every new object is copied out until you do.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["PutBucketReplication"]

    public static let consequence = "From now on every new object written to the bucket is copied into that account, by S3 itself."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "PutBucketReplication", let text = event.requestParametersJSON, let parameters = ParsedJSON.parse(text) else { return nil }
        let ours = AccountIDs.ours(for: event, configuration: configuration)
        let foreign = Self.destinations(parameters).filter { $0.account.map { !ours.contains($0) } ?? false }
        guard !foreign.isEmpty else { return nil }
        let targets = foreign.map { "\($0.bucket) in account \($0.account!)" + ($0.rule.isEmpty ? "" : " (rule '\($0.rule)')") }
        return "PutBucketReplication on \(event.bucketName ?? "?") replicates to " + targets.joined(separator: ", ")
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        let ours = AccountIDs.ours(for: run.first, configuration: configuration)
        let destinations = run.events.compactMap { $0.requestParametersJSON.flatMap(ParsedJSON.parse) }.flatMap(Self.destinations)
            .filter { $0.account.map { !ours.contains($0) } ?? false }
        finding.evidence["destinationAccount"] = Array(Set(destinations.compactMap(\.account))).sorted().joined(separator: ",")
        finding.evidence["destinationBucket"] = Array(Set(destinations.map(\.bucket))).sorted().joined(separator: ",")
    }

    /// A replication rule's destination.
    public struct Destination: Hashable, Sendable {
        /// Rule `ID`, or empty.
        public var rule: String
        /// Destination `Bucket` (an ARN).
        public var bucket: String
        /// `Account`, or the account in the bucket ARN when it carries one; nil when neither says.
        public var account: String?
    }

    /// The destinations of the enabled rules in `requestParameters.ReplicationConfiguration`.
    public static func destinations(_ parameters: ParsedJSON) -> [Destination] {
        guard let configuration = parameters["ReplicationConfiguration"]?.objectOrEmbedded ?? parameters.firstObject(containing: "Rule") else { return [] }
        return (configuration["Rule"]?.list ?? []).compactMap { rule in
            guard rule["Status"]?.text?.lowercased() != "disabled", let destination = rule["Destination"],
                  let bucket = destination["Bucket"]?.text else { return nil }
            let account = destination["Account"]?.text.flatMap { AccountIDs.isAccountID($0) ? $0 : nil } ?? AccountIDs.account(of: bucket)
            return Destination(rule: rule["ID"]?.text ?? "", bucket: bucket, account: account)
        }
    }
}

extension ReplicationToForeignAccount {
    /// `requestParameters` of a PutBucketReplication with one rule.
    static func replication(bucket: String, destination: String, account: String?, status: String = "Enabled") -> String {
        let accountField = account.map { ",\"Account\":\"\($0)\"" } ?? ""
        return """
        {"bucketName":"\(bucket)","Host":"\(bucket).s3.amazonaws.com","replication":"","ReplicationConfiguration":{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","Role":"arn:aws:iam::\(CaseEvents.account):role/replication","Rule":{"ID":"r1","Status":"\(status)","Priority":1,"Filter":{"Prefix":""},"DeleteMarkerReplication":{"Status":"Disabled"},"Destination":{"Bucket":"\(destination)"\(accountField)}}}}
        """
    }

    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:05:00Z")
        func put(_ parameters: String, errorCode: String? = nil) -> ActivityEvent {
            CaseEvents.call("PutBucketReplication", at: at, by: jane, from: "45.133.1.77", bucket: "customer-records", parameters: parameters, errorCode: errorCode)
        }
        var trusted = DetectionConfiguration()
        trusted.trustedAccounts = ["555555555555"]
        return [
            .fires("customer-records replicated into a bucket of account 999988887777", [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:::exfil-drop-bucket", account: "999988887777")),
            ]),
            .fires("the destination account only in an access-point style ARN", [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:us-east-1:999988887777:accesspoint/drop", account: nil)),
            ]),
            .fires("a denied attempt is still reported, as an attempt", [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:::exfil-drop-bucket", account: "999988887777"), errorCode: "AccessDenied"),
            ]),
            .quiet("replication into our own account", [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:::backup-dr-bucket", account: CaseEvents.account)),
            ]),
            .quiet("replication into the trusted DR account", configuration: trusted, [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:::dr-bucket", account: "555555555555")),
            ]),
            .quiet("a disabled rule", [
                put(replication(bucket: "customer-records", destination: "arn:aws:s3:::exfil-drop-bucket", account: "999988887777", status: "Disabled")),
            ]),
        ]
    }
}
