import Foundation

/// Reads AWS's XML error bodies (S3's `<Error>` and the Query protocol's `<ErrorResponse><Error>`).
enum AWSErrorResponse {
    /// Builds an `AWSError` from a failed response, falling back to the HTTP status when the body says nothing.
    static func error(from response: HTTPResponse, api: String, permission: String?) -> AWSError {
        let fields = XMLFields.firstValues(in: response.body, named: ["Code", "Message", "RequestId", "RequestID"])
        let code = fields["Code"] ?? fallbackCode(response.statusCode)
        return AWSError(api: api, statusCode: response.statusCode, code: code,
                        message: fields["Message"] ?? "no error message in the response body",
                        requestID: fields["RequestId"] ?? fields["RequestID"] ?? response.headers["x-amz-request-id"],
                        permission: permission)
    }

    private static func fallbackCode(_ status: Int) -> String {
        switch status {
        case 403: "AccessDenied"
        case 404: "NotFound"
        case 429: "Throttling"
        case 503: "ServiceUnavailable"
        default: "HTTP\(status)"
        }
    }
}
