/// The policy statements `contain` adds. Each has a fixed `Sid`, so a second run finds it and changes nothing.
public enum ContainmentStatements {
    /// The bucket-policy statement denying object reads from outside the approved VPC endpoints.
    public static let bucketDenySid = "S3HoundContainDenyOutsideVpce"
    /// The endpoint-policy statement denying S3 access through the endpoint to unapproved buckets.
    public static let endpointDenySid = "S3HoundContainDenyUnapprovedBuckets"

    /// Denies `s3:GetObject` and `s3:GetObjectVersion` on the bucket's objects to every request that does not
    /// come through one of `endpoints` (`StringNotEquals aws:sourceVpce`).
    public static func bucketDeny(bucket: String, endpoints: [String], partition: String = "aws") -> JSONValue {
        [
            "Sid": .string(bucketDenySid),
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["s3:GetObject", "s3:GetObjectVersion"],
            "Resource": .string("arn:\(partition):s3:::\(bucket)/*"),
            "Condition": ["StringNotEquals": ["aws:sourceVpce": endpoints.count == 1 ? .string(endpoints[0]) : .strings(endpoints)]],
        ]
    }

    /// Denies every S3 action through the endpoint on resources other than the approved buckets and their
    /// objects. A deny with `NotResource` restricts the endpoint while every statement already in its policy
    /// stays as it was (an extra Allow would restrict nothing).
    public static func endpointDeny(approvedBuckets: [String], partition: String = "aws") -> JSONValue {
        let resources = approvedBuckets.flatMap { ["arn:\(partition):s3:::\($0)", "arn:\(partition):s3:::\($0)/*"] }
        return [
            "Sid": .string(endpointDenySid),
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "NotResource": .strings(resources),
        ]
    }

    /// The policy an endpoint has when none was set: full access. A statement is merged into this, because a
    /// document holding only a Deny would allow nothing at all.
    public static var defaultEndpointPolicy: PolicyDocument {
        // Force-try is safe: the literal is an object.
        try! PolicyDocument(json: [
            "Version": .string(PolicyDocument.currentVersion),
            "Statement": [["Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"]],
        ], source: "default endpoint policy")
    }
}
