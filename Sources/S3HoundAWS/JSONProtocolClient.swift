import Foundation

/// Calls an AWS JSON 1.0/1.1 API (CloudTrail, CloudWatch Logs, EventBridge, Athena): a POST to `/` with
/// `X-Amz-Target: <prefix>.<Operation>` and a JSON body. Errors (`{"__type":"…#Code","message":…}`), throttling
/// (`ThrottlingException`) and retries are handled by `SignedRequestSender`.
struct JSONProtocolClient: Sendable {
    /// The service called (for API names in errors).
    let service: AWSService
    /// The `X-Amz-Target` prefix, e.g. `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`.
    let targetPrefix: String
    /// `1.0` or `1.1`.
    let jsonVersion: String
    /// Where requests go.
    let endpoint: URL
    /// Signs, sends and retries.
    let sender: SignedRequestSender

    /// Sends `operation` with `input` and decodes its output.
    func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, permission: String?,
                                                   as output: Output.Type = Output.self) async throws -> Output {
        let api = "\(service.apiName).\(operation)"
        let response = try await send(operation, input, permission: permission)
        return try AWSJSON.decode(Output.self, from: response, api: api)
    }

    /// Sends `operation` with `input` and returns the raw response.
    func send<Input: Encodable>(_ operation: String, _ input: Input, permission: String?) async throws -> HTTPResponse {
        let body = try AWSJSON.encoder().encode(input)
        let request = HTTPRequest(method: "POST", endpoint: endpoint,
                                  headers: ["Content-Type": "application/x-amz-json-\(jsonVersion)",
                                            "X-Amz-Target": "\(targetPrefix).\(operation)"],
                                  body: body)
        return try await sender.send(request, api: "\(service.apiName).\(operation)", permission: permission)
    }
}
