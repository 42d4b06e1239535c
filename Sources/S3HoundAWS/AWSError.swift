/// An AWS API call that failed: which API, the HTTP status, AWS's error code and message, and what to do.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API that failed, e.g. `S3.ListObjectsV2`.
    public var api: String
    /// The HTTP status code.
    public var statusCode: Int
    /// AWS's error code, e.g. `AccessDenied`.
    public var code: String
    /// AWS's error message.
    public var message: String
    /// The request id, for AWS support.
    public var requestID: String?
    /// The IAM permission the API needs, e.g. `s3:ListBucket`.
    public var permission: String?

    /// Creates an error.
    public init(api: String, statusCode: Int, code: String, message: String, requestID: String? = nil,
                permission: String? = nil) {
        self.api = api
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.requestID = requestID
        self.permission = permission
    }

    /// What to do about it, in one sentence, when the code is a known one.
    public var hint: String? {
        switch code {
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
             "AuthorizationErrorException", "UnauthorizedException":
            let needed = permission.map { "`\($0)`" } ?? "the IAM permission for \(api)"
            let alsoCheck = api.hasPrefix("S3.") ? "bucket policies, SCPs and VPC endpoint policies"
                : "permission boundaries and SCPs"
            return "grant \(needed) to the caller in an IAM policy, and check \(alsoCheck)"
        case "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException", "AuthFailure":
            return "the secret access key does not match the key id, or the clock is off: check AWS_SECRET_ACCESS_KEY / the profile's aws_secret_access_key, and sync the system clock"
        case "InvalidAccessKeyId", "InvalidClientTokenId", "UnrecognizedClientException":
            return "AWS does not know this access key id: check AWS_ACCESS_KEY_ID / AWS_PROFILE, and that the key is active"
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired":
            return "the session credentials expired: refresh them (aws sso login, or re-assume the role)"
        case "RequestTimeTooSkewed", "RequestExpired":
            return "the system clock differs from AWS's by more than 5 minutes: sync it (NTP)"
        case "NoSuchBucket":
            return "check the bucket name, and that it exists in this account and region"
        case "NoSuchKey":
            return "check the object key; list the prefix to see what exists"
        case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
            return "the bucket is in another region: set AWS_REGION to the bucket's region"
        case "NoSuchBucketPolicy":
            return "the bucket has no bucket policy"
        case "NoSuchEntity", "NoSuchEntityException":
            return "check the user, role or access key id: it must exist in the account of the credentials"
        case "TrailNotFoundException", "CloudTrailARNInvalidException", "InvalidTrailNameException":
            return "check the trail name or ARN, and the region: a trail that is not multi-region lives in its home region only"
        case "ResourceNotFoundException", "NotFoundException", "NotFound":
            return "check the name or id, and that AWS_REGION is the region it lives in"
        case "InvalidVpcEndpointId.NotFound", "InvalidVpcEndpointId.Malformed", "InvalidVpcID.NotFound":
            return "check the VPC endpoint id and the region (DescribeVpcEndpoints lists them)"
        case "OptInRequired", "SubscriptionRequiredException", "InvalidClientTokenId.OptInRequired":
            return "the account has not enabled this service in this region: enable it first"
        case "ValidationException", "ValidationError", "InvalidParameterValue", "InvalidParameterException",
             "InvalidParameterCombination", "BadRequestException", "MalformedPolicy", "MalformedPolicyDocument",
             "InvalidRequest":
            return "AWS rejected a parameter of this request: the message says which; check the value given (names, ids, policy JSON)"
        case "MalformedResponse":
            return "the response was not what AWS documents: check the endpoint override (AWS_ENDPOINT_URL*) points at AWS or a compatible server"
        default:
            return RetryPolicy.throttlingCodes.contains(code) || statusCode >= 500
                ? "AWS kept failing after retries: lower the concurrency and try again later" : nil
        }
    }

    /// An error for a 2xx response whose body could not be read as the API documents it.
    public static func malformedResponse(api: String, statusCode: Int, _ detail: String) -> AWSError {
        AWSError(api: api, statusCode: statusCode, code: "MalformedResponse", message: detail)
    }

    /// `API failed: HTTP status Code: message. Fix: hint (request id …)`.
    public var description: String {
        var text = "\(api) failed: HTTP \(statusCode) \(code): \(message)"
        if let hint { text += (message.hasSuffix(".") ? " " : ". ") + "Fix: \(hint)" }
        if let requestID { text += " (request id \(requestID))" }
        return text
    }
}
