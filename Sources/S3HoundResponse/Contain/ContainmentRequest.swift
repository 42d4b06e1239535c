import S3HoundCore

/// What to contain: an incident from a report and/or explicit keys, buckets and VPC endpoints.
public struct ContainmentRequest: Sendable, Hashable {
    /// The incident, when containing one from a report: its access keys and buckets are added.
    public var incident: IncidentReference?
    /// Access key ids to deactivate (full ids, `AKIA…`).
    public var accessKeys: [String]
    /// Buckets whose reads must come through one of `endpoints`.
    public var buckets: [String]
    /// VPC endpoint ids (`vpce-…`): readers must come through one of them; their policies are restricted.
    public var endpoints: [String]
    /// Buckets the endpoints may still reach (the contained buckets are added).
    public var approvedBuckets: [String]
    /// Leave the endpoints' own policies alone (only the bucket policies name them).
    public var keepEndpointPolicy: Bool
    /// Allow deactivating a key these credentials sign with.
    public var allowOwnKey: Bool

    /// Creates a request.
    public init(incident: IncidentReference? = nil, accessKeys: [String] = [], buckets: [String] = [],
                endpoints: [String] = [], approvedBuckets: [String] = [], keepEndpointPolicy: Bool = false,
                allowOwnKey: Bool = false) {
        self.incident = incident
        self.accessKeys = accessKeys
        self.buckets = buckets
        self.endpoints = endpoints
        self.approvedBuckets = approvedBuckets
        self.keepEndpointPolicy = keepEndpointPolicy
        self.allowOwnKey = allowOwnKey
    }

    /// The buckets to restrict: the explicit ones, plus the incident's when endpoints are given.
    public var bucketsToRestrict: [String] {
        var all = buckets
        if !endpoints.isEmpty, let incident { all += incident.buckets }
        return all.uniqued()
    }

    /// Refuses requests that are dangerous or malformed before anything is read; the message says what to do.
    public func validate() throws {
        if incident == nil && accessKeys.isEmpty && buckets.isEmpty && endpoints.isEmpty {
            throw ResponseError.invalidInput("nothing to contain: give --incident ID --report FILE, or --access-key, --bucket (with --vpce) or --vpce with --approved-bucket")
        }
        for key in accessKeys {
            if key.hasPrefix("ASIA") {
                throw ResponseError.invalidInput("\(AccessKeyMask.mask(key)) is a temporary (STS) key: it cannot be deactivated, only revoked with its role's sessions (aws iam put-role-policy … AWSRevokeOlderSessions; see the report's containment checklist)")
            }
            guard key.count >= 16, key.count <= 128, key.hasPrefix("AKIA"),
                  key.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                throw ResponseError.invalidInput("--access-key \(AccessKeyMask.mask(key)) is not an access key id (20 capital letters and digits, AKIA…)")
            }
        }
        for endpoint in endpoints where !endpoint.hasPrefix("vpce-") {
            throw ResponseError.invalidInput("--vpce \(endpoint) is not a VPC endpoint id (vpce-…): list them with aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.REGION.s3")
        }
        for bucket in buckets + approvedBuckets where !BucketName.isValid(bucket) {
            throw ResponseError.invalidInput("'\(bucket)' is not a bucket name (3–63 lower-case letters, digits, dots and hyphens)")
        }
        if !buckets.isEmpty && endpoints.isEmpty {
            throw ResponseError.refused("refusing to deny reads of \(buckets.joined(separator: ", ")) from outside a VPC endpoint without an endpoint id: the statement would deny every reader, you included, with no way in. Give the S3 endpoint your readers use with --vpce vpce-… (aws ec2 describe-vpc-endpoints), or leave out --bucket")
        }
        if !approvedBuckets.isEmpty && endpoints.isEmpty {
            throw ResponseError.invalidInput("--approved-bucket limits what a VPC endpoint may reach: give the endpoint with --vpce vpce-…")
        }
        if !endpoints.isEmpty && !keepEndpointPolicy && approvedBuckets.isEmpty {
            throw ResponseError.refused("refusing to restrict \(endpoints.joined(separator: ", ")) with no approved buckets: the endpoint policy would cut every instance behind it off the buckets it needs. Name the buckets it may reach with --approved-bucket NAME (repeatable), or add --keep-endpoint-policy to leave the endpoint policy alone")
        }
    }
}

/// Bucket-name checks.
enum BucketName {
    /// True for a syntactically valid S3 bucket name.
    static func isValid(_ name: String) -> Bool {
        guard (3...63).contains(name.count) else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "." || $0 == "-" }
            && name.first.map { $0.isLetter || $0.isNumber } == true
    }
}
