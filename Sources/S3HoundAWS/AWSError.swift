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
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError":
            let needed = permission.map { "`\($0)`" } ?? "the IAM permission for \(api)"
            return "grant \(needed) to the caller in an IAM policy, and check bucket policies, SCPs and VPC endpoint policies"
        case "SignatureDoesNotMatch":
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
        default:
            return RetryPolicy.throttlingCodes.contains(code) || statusCode >= 500
                ? "AWS kept failing after retries: lower the concurrency and try again later" : nil
        }
    }

    /// `API failed: HTTP status Code: message. Fix: hint (request id …)`.
    public var description: String {
        var text = "\(api) failed: HTTP \(statusCode) \(code): \(message)"
        if let hint { text += ". Fix: \(hint)" }
        if let requestID { text += " (request id \(requestID))" }
        return text
    }
}
