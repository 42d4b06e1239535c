/// What each scenario's ground truth expects the hunt to find.
extension AttackActivity {
    /// A detection that must fire, and a resource its finding must name.
    struct ExpectedDetection {
        let id: String
        let resource: String
    }

    /// What a scenario's ground truth expects: the main call counted as `objects`, the detections, notable keys.
    struct Expectation {
        let operation: Operation
        var destinationAccount: String? = nil
        var destinationBucket: String? = nil
        var keys: [String]? = nil
        var kmsKeyId: String? = nil
        var userAgent: String? = nil
        var callerAccount: String? = nil
        let detections: [ExpectedDetection]
    }

    /// The expectation of this attack. Besides each scenario's own detections it lists the baseline detections
    /// that legitimately fire with them: a stolen key used from a new address (`new-source-ip`), at night
    /// (`unusual-hour`) or with a client its owner never uses (`new-user-agent`); and, with the organisation's
    /// threat list, a Tor exit as the caller (`known-bad-caller`).
    var expectation: Expectation {
        func expect(_ id: String, _ resource: String) -> ExpectedDetection { ExpectedDetection(id: "cloudtrail." + id, resource: resource) }
        let records = "customer-records", attackerIP = Population.attackerCLIIP
        let foreign = Catalog.foreignAccount, drop = "exfil-drop-bucket"
        /// A stolen key used from an address it never used, at an hour (`"03:00"`) its owner never works.
        func stolen(from ip: String = attackerIP, at hour: String) -> [ExpectedDetection] {
            [expect("new-source-ip", ip), expect("unusual-hour", hour)]
        }
        switch scenario {
        case .benign: return Expectation(operation: .getObject, detections: [])
        case .bulkDownload:
            let threatListed = organisation ? [expect("known-bad-caller", Population.torExitIP)] : []
            return Expectation(operation: .getObject, detections: [expect("bulk-download", Population.torExitIP), expect("tool-user-agent", "kali")]
                               + stolen(from: Population.torExitIP, at: "02:00") + threatListed)
        case .crossAccountCopy:
            return Expectation(operation: .copyObject, destinationAccount: foreign, destinationBucket: drop,
                               detections: [expect("cross-account-copy", foreign), expect("new-user-agent", "Boto3")]
                                   + stolen(from: Population.copyAttackerIP, at: "03:00"))
        case .policyBackdoor:
            return Expectation(operation: .putBucketPolicy, detections: [expect("policy-backdoor", records), expect("public-access-block-relaxed", records)]
                               + stolen(at: "03:00"))
        case .ransomware:
            return Expectation(operation: .copyObject, keys: [AttackActivity.ransomNoteKey], detections: [
                expect("versioning-suspended", records), expect("sse-c-encryption", records), expect("ransom-note-upload", AttackActivity.ransomNoteKey),
                expect("short-lifecycle-expiration", records), expect("mass-deletion", "sensitive-data-bucket"), expect("new-user-agent", "aws-cli"),
            ] + stolen(at: "03:00"))
        case .loggingTampering:
            return Expectation(operation: .stopLogging, detections: [
                expect("trail-tampering", "management-trail"), expect("access-logging-disabled", records),
                expect("threat-detection-disabled", "S3Logs"),
            ] + stolen(at: "02:00"))
        case .discovery:
            return Expectation(operation: .listObjects, detections: [expect("bucket-enumeration", attackerIP), expect("denied-burst", attackerIP),
                                                                    expect("decoy-touched", Catalog.decoyBucketName)] + stolen(at: "02:00"))
        case .credentialFiles:
            return Expectation(operation: .getObject, keys: AttackActivity.credentialKeys, detections: [
                expect("credential-files-read", "ops-config"), expect("new-user-agent", "aws-cli"),
            ] + stolen(at: "03:00"))
        case .stolenInstanceCredentials:
            return Expectation(operation: .getObject, detections: [
                expect("instance-credentials-outside", Population.instanceThiefIP), expect("new-source-ip", Population.instanceThiefIP),
                expect("new-user-agent", "aws-cli"),
            ])
        case .presignedURLAbuse:
            return Expectation(operation: .getObject, detections: [
                expect("presigned-url-new-ip", Population.leakedLinkIP), expect("new-source-ip", Population.leakedLinkIP), expect("new-user-agent", "curl"),
            ])
        case .anonymousAccess:
            return Expectation(operation: .getObject, detections: [expect("anonymous-object-access", "example-corp-website")])
        case .knownBadCaller:
            return Expectation(operation: .getObject, detections: [
                expect("known-bad-caller", Population.torKnownBadIP), expect("new-source-ip", Population.torKnownBadIP),
            ])
        case .replicationToForeignAccount:
            return Expectation(operation: .putBucketReplication, destinationAccount: foreign, destinationBucket: drop,
                               detections: [expect("replication-to-foreign-account", foreign)] + stolen(at: "03:00"))
        case .decoy:
            return Expectation(operation: .getObject, detections: [expect("decoy-touched", Catalog.decoyBucketName), expect("new-user-agent", "aws-cli")]
                               + stolen(at: "03:00"))
        case .batchOperationsJob:
            return Expectation(operation: .createJob, destinationBucket: drop, detections: [expect("batch-operations-job", drop)] + stolen(at: "03:00"))
        case .dataSyncTask:
            return Expectation(operation: .createTask, destinationBucket: drop, detections: [expect("datasync-task", drop)] + stolen(at: "03:00"))
        case .foreignKMSKey:
            return Expectation(operation: .copyObject, kmsKeyId: Catalog.foreignKMSKeyArn,
                               detections: [expect("foreign-kms-key-encryption", foreign)] + stolen(at: "03:00"))
        case .newUserAgent:
            // Same key, same address: only the client and the hour are new.
            return Expectation(operation: .getObject, userAgent: Population.curlUserAgent,
                               detections: [expect("new-user-agent", "curl"), expect("unusual-hour", "21:00")])
        case .foreignAccountCaller:
            // The vendor's role has no history here, so no baseline detection judges it.
            return Expectation(operation: .getObject, callerAccount: Catalog.vendorAccount,
                               detections: [expect("foreign-account-caller", Catalog.vendorAccount)])
        case .fullStory:
            // The CloudTrail detections; `EvidenceTruth.detectionsWithAllSources` adds the flow-log and GuardDuty ones.
            return Expectation(operation: .getObject, detections: [
                expect("bulk-download", Population.torExitIP), expect("tool-user-agent", "kali"), expect("known-bad-caller", Population.torExitIP),
            ] + stolen(from: Population.torExitIP, at: "02:00"))
        }
    }
}
