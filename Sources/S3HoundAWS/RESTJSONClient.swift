import Foundation

/// Calls a REST-JSON API (GuardDuty, Macie2): the operation is the method and path, inputs are path labels,
/// query parameters and a JSON body. Errors (`x-amzn-ErrorType` header, `__type`, `message`/`Message`),
/// throttling and retries are handled by `SignedRequestSender`.
struct RESTJSONClient: Sendable {
    /// The service called (for API names in errors).
    let service: AWSService
    /// Where requests go.
    let endpoint: URL
    /// Signs, sends and retries.
    let sender: SignedRequestSender

    /// Sends a request with a JSON body and decodes the output.
    func call<Input: Encodable, Output: Decodable>(_ operation: String, method: String, path: String,
                                                   query: [QueryParameter] = [], body input: Input?,
                                                   permission: String?, as output: Output.Type = Output.self) async throws -> Output {
        let response = try await send(operation, method: method, path: path, query: query, body: input,
                                      permission: permission)
        return try AWSJSON.decode(Output.self, from: response, api: "\(service.apiName).\(operation)")
    }

    /// Sends a request without a body (GET, DELETE) and decodes the output.
    func call<Output: Decodable>(_ operation: String, method: String, path: String, query: [QueryParameter] = [],
                                 permission: String?, as output: Output.Type = Output.self) async throws -> Output {
        try await call(operation, method: method, path: path, query: query, body: EmptyJSON?.none,
                       permission: permission, as: output)
    }

    /// Sends a request and returns the raw response; a nil input sends no body.
    func send<Input: Encodable>(_ operation: String, method: String, path: String, query: [QueryParameter],
                                body input: Input?, permission: String?) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        var body = Data()
        if let input {
            body = try AWSJSON.encoder().encode(input)
            headers["Content-Type"] = "application/json"
        }
        let request = HTTPRequest(method: method, endpoint: endpoint, path: path, query: query, headers: headers,
                                  body: body)
        return try await sender.send(request, api: "\(service.apiName).\(operation)", permission: permission)
    }
}
