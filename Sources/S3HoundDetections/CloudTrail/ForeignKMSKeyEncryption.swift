import S3HoundCore

/// Objects, or a bucket's default encryption, switched to a KMS key of an account that is not ours:
/// whoever owns the key decides whether the data can ever be read again.
public struct ForeignKMSKeyEncryption: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.foreign-kms-key-encryption",
        title: "Data encrypted with another account's KMS key",
        severity: .high,
        techniques: [.t1486],
        guardDutyEquivalent: nil,
        falsePositives: [
            "A central key-management account of your organisation: list it with --own-account",
        ],
        triage: "Which account owns the key? Restore the bucket's default encryption and stop the writer; objects already re-encrypted need that key's owner to decrypt them.")

    /// Calls that write objects with a chosen key.
    public static let writeCalls: Set<String> = ["PutObject", "CopyObject", "CreateMultipartUpload"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = writeCalls.union(["PutBucketEncryption"])

    public static let consequence = "Encryption under a key we do not control lets its owner revoke our access to the data at will (ransom)."
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "nothing re-encrypted") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        let key: String?
        if event.eventName == "PutBucketEncryption" {
            key = event.requestParametersJSON.flatMap(ParsedJSON.parse)?.firstObject(containing: "KMSMasterKeyID")?["KMSMasterKeyID"]?.text
        } else if let id = event.kmsKeyId, Self.writeCalls.contains(event.eventName) {
            // The reader takes it from requestParameters: no JSON parse per object write, and the name's set
            // is only consulted for the few writes with a key.
            key = id
        } else {
            return nil
        }
        // Key ids and aliases without an ARN belong to the caller's own account.
        guard let key, let account = AccountIDs.account(of: key), !AccountIDs.ours(for: event, configuration: configuration).contains(account) else { return nil }
        let what = event.eventName == "PutBucketEncryption" ? "sets the default encryption of \(event.bucketName ?? "?") to" : "into \(event.bucketName ?? "?") encrypts with"
        return "\(event.eventName) \(what) KMS key \(key) of account \(account)"
    }
}

extension ForeignKMSKeyEncryption {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:40:00Z")
        let foreignKey = "arn:aws:kms:us-east-1:999988887777:key/1a2b3c4d-0000-4000-8000-000000000001"
        let ownKey = "arn:aws:kms:us-east-1:\(CaseEvents.account):key/1a2b3c4d-0000-4000-8000-000000000002"
        func rewrite(_ key: String) -> ActivityEvent {
            var event = CaseEvents.copyObject(at, by: jane, from: "45.133.1.77", source: "customer-records", destination: "customer-records", destinationAccount: CaseEvents.account)
            event.kmsKeyId = key
            return event
        }
        func defaultEncryption(_ key: String) -> ActivityEvent {
            CaseEvents.call("PutBucketEncryption", at: at, by: jane, bucket: "customer-records", parameters: """
            {"bucketName":"customer-records","encryption":"","ServerSideEncryptionConfiguration":{"Rule":{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"\(key)"},"BucketKeyEnabled":true}}}
            """)
        }
        return [
            .fires("records rewritten under a key of account 999988887777", [rewrite(foreignKey)]),
            .fires("default encryption switched to the foreign key", [defaultEncryption(foreignKey)]),
            .quiet("records rewritten under our own key", [rewrite(ownKey)]),
            .quiet("a key given by alias (always our own account)", [rewrite("alias/records")]),
            .quiet("default encryption set to our own key", [defaultEncryption(ownKey)]),
        ]
    }
}
