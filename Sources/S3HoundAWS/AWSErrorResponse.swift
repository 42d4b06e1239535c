import Foundation

/// Reads AWS's error bodies, whatever the protocol, into an `AWSError`.
///
/// - XML: S3's `<Error>`, the Query protocol's `<ErrorResponse><Error>`, EC2's `<Response><Errors><Error>`.
/// - JSON (JSON 1.0/1.1 and REST-JSON): the `x-amzn-ErrorType` header, else `__type` (`prefix#Code`), else
///   `code`/`Code`; the message from `message` or `Message`. Anything after `:` in a code is dropped.
enum AWSErrorResponse {
    /// Builds an `AWSError` from a failed response, falling back to the HTTP status when the body says nothing.
    static func error(from response: HTTPResponse, api: String, permission: String?) -> AWSError {
        let parsed = isJSON(response) ? json(response.body) : xml(response.body)
        let headerCode = response.headers["x-amzn-errortype"].map(cleanCode)
        let code = headerCode ?? parsed.code ?? fallbackCode(response.statusCode)
        return AWSError(api: api, statusCode: response.statusCode, code: code,
                        message: parsed.message ?? "no error message in the response body",
                        requestID: parsed.requestID ?? response.headers["x-amzn-requestid"]
                            ?? response.headers["x-amz-request-id"],
                        permission: permission)
    }

    private struct Parsed {
        var code: String?
        var message: String?
        var requestID: String?
    }

    private static func isJSON(_ response: HTTPResponse) -> Bool {
        if response.headers["x-amzn-errortype"] != nil { return true }
        let first = response.body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        return first == UInt8(ascii: "{")
    }

    private static func xml(_ body: Data) -> Parsed {
        guard let tree = try? XMLTree.parse(body) else { return Parsed() }
        let error = tree.first(named: "Error")
        return Parsed(code: (error?.value("Code") ?? tree.value("Code")).map(cleanCode),
                      message: error?.value("Message") ?? tree.value("Message"),
                      requestID: tree.first(named: "RequestId")?.text ?? tree.first(named: "RequestID")?.text)
    }

    private static func json(_ body: Data) -> Parsed {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return Parsed() }
        let type = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String)
        return Parsed(code: type.map(cleanCode),
                      message: (object["message"] as? String) ?? (object["Message"] as? String)
                          ?? (object["errorMessage"] as? String))
    }

    /// `aws.protocoltests#ThrottlingException:http://internal…` → `ThrottlingException`.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
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
