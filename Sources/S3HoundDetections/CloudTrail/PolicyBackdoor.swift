import Foundation
import S3HoundCore

/// A bucket or access point policy, or an ACL, that grants the public or a foreign account access.
/// The policy is parsed statement by statement: a grant to everyone with a condition pinning callers to a
/// VPC endpoint, our organisation or an address range is not a backdoor; a principal of our account is not either.
public struct PolicyBackdoor: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.policy-backdoor",
        title: "Bucket policy or ACL opened to the public or a foreign account",
        severity: .high,
        techniques: [.t1098, .t1537],
        guardDutyEquivalent: "Policy:S3/BucketAnonymousAccessGranted, Policy:S3/BucketPublicAccessGranted",
        falsePositives: [
            "Public website or dataset buckets: suppress the bucket",
            "Grants to partners, vendors or DR accounts: list them with --trusted-account or --own-account",
        ],
        triage: "Restore the previous policy (CloudTrail has it in the last PutBucketPolicy before this one) and check whether the new grantee has read anything since.")

    /// Calls that set policies or ACLs.
    public static let policyCalls: Set<String> = ["PutBucketPolicy", "PutAccessPointPolicy", "PutAccessPointPolicyForObjectLambda", "PutMultiRegionAccessPointPolicy"]
    /// Calls that set ACLs.
    public static let aclCalls: Set<String> = ["PutBucketAcl", "PutObjectAcl"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = policyCalls.union(aclCalls)

    public static let consequence = "Anyone so granted can now read (or write) without our credentials: a standing backdoor that survives key rotation."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        // The parameters first: high-volume object calls carry none, and testing that is cheaper than the names' sets.
        guard let text = event.requestParametersJSON, Self.policyCalls.contains(event.eventName) || Self.aclCalls.contains(event.eventName),
              let parameters = ParsedJSON.parse(text) else { return nil }
        let target = event.bucketName ?? parameters["name"]?.text ?? parameters["accessPointName"]?.text ?? "?"
        if Self.aclCalls.contains(event.eventName) {
            let grants = AclGrants.risky(parameters)
            guard !grants.isEmpty else { return nil }
            return "\(event.eventName) on \(target)\(event.objectKey.map { "/\($0)" } ?? "") grants " + grants.joined(separator: ", ")
        }
        guard let policy = PolicyGrants.policy(in: parameters) else { return nil }
        let grants = PolicyGrants.risky(policy, ours: AccountIDs.ours(for: event, configuration: configuration))
        guard !grants.isEmpty else { return nil }
        return "\(event.eventName) on \(target): " + grants.map(\.phrase).joined(separator: "; ")
    }
}

extension PolicyBackdoor {
    /// A PutBucketPolicy request whose `bucketPolicy` is the given statement (as an object).
    static func putPolicy(_ statement: String, at: EventTime, asString: Bool = false) -> ActivityEvent {
        let document = "{\"Version\":\"2012-10-17\",\"Statement\":[\(statement)]}"
        let value = asString ? "\"" + document.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : document
        return CaseEvents.call("PutBucketPolicy", at: at, by: CaseEvents.user("developer-jane"), from: "45.133.1.77", bucket: "customer-records",
                               parameters: "{\"bucketName\":\"customer-records\",\"Host\":\"customer-records.s3.amazonaws.com\",\"policy\":\"\",\"bucketPolicy\":\(value)}")
    }

    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T03:00:00Z")
        let jane = CaseEvents.user("developer-jane")
        let publicRead = "{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::customer-records/*\"}"
        let foreignRole = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::999988887777:root\"]},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}"
        let endpointOnly = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d\"}}}"
        let ownRole = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::\(CaseEvents.account):role/analytics\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"
        let publicAcl = "{\"bucketName\":\"customer-records\",\"acl\":\"\",\"AccessControlPolicy\":{\"AccessControlList\":{\"Grant\":[{\"Grantee\":{\"xsi:type\":\"CanonicalUser\",\"ID\":\"abc123owner\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"xsi:type\":\"Group\",\"URI\":\"http://acs.amazonaws.com/groups/global/AllUsers\"},\"Permission\":\"READ\"}]},\"Owner\":{\"ID\":\"abc123owner\"}}}"
        let logDeliveryAcl = "{\"bucketName\":\"customer-records\",\"acl\":\"\",\"AccessControlPolicy\":{\"AccessControlList\":{\"Grant\":[{\"Grantee\":{\"xsi:type\":\"CanonicalUser\",\"ID\":\"abc123owner\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"xsi:type\":\"Group\",\"URI\":\"http://acs.amazonaws.com/groups/s3/LogDelivery\"},\"Permission\":\"WRITE\"}]},\"Owner\":{\"ID\":\"abc123owner\"}}}"
        return [
            .fires("a statement allowing everyone to read customer records", [putPolicy(publicRead, at: at)]),
            .fires("the same policy sent as a JSON string", [putPolicy(publicRead, at: at, asString: true)]),
            .fires("a grant to the root of account 999988887777", [putPolicy(foreignRole, at: at)]),
            .fires("an ACL granting READ to AllUsers", [
                CaseEvents.call("PutBucketAcl", at: at, by: jane, bucket: "customer-records", parameters: publicAcl),
            ]),
            .fires("a canned public-read ACL on an object", [
                CaseEvents.call("PutObjectAcl", at: at, by: jane, bucket: "customer-records", key: "exports/all.csv",
                                parameters: "{\"bucketName\":\"customer-records\",\"key\":\"exports/all.csv\",\"x-amz-acl\":[\"public-read\"]}"),
            ]),
            .quiet("everyone, but only through our VPC endpoint", [putPolicy(endpointOnly, at: at)]),
            .quiet("a grant to a role of our own account", [putPolicy(ownRole, at: at)]),
            .quiet("an ACL for server access log delivery", [
                CaseEvents.call("PutBucketAcl", at: at, by: jane, bucket: "customer-records", parameters: logDeliveryAcl),
            ]),
        ]
    }
}
