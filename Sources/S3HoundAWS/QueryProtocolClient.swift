import Foundation

/// Calls a Query-protocol API (IAM, STS, EC2, CloudWatch, SNS): a form POST of `Action`, `Version` and the
/// parameters; XML back. Errors (`<ErrorResponse><Error>`, EC2's `<Response><Errors><Error>`), throttling and
/// retries are handled by `SignedRequestSender`.
struct QueryProtocolClient: Sendable {
    /// The service called (for API names in errors).
    let service: AWSService
    /// The API version, e.g. `2010-05-08` for IAM.
    let version: String
    /// Where requests go.
    let endpoint: URL
    /// Signs, sends and retries.
    let sender: SignedRequestSender

    /// Sends `action` and returns the response's `<ActionResult>` element, or the whole response element when
    /// there is none (EC2 puts its fields directly in `<ActionResponse>`).
    func call(_ action: String, _ parameters: QueryParameters = QueryParameters(),
              permission: String?) async throws -> XMLTree {
        var form = QueryParameters([("Action", action), ("Version", version)])
        for field in parameters.fields { form.add(field.name, field.value) }
        let request = HTTPRequest(method: "POST", endpoint: endpoint,
                                  headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                                  body: Data(form.formBody.utf8))
        let api = "\(service.apiName).\(action)"
        let response = try await sender.send(request, api: api, permission: permission)
        do {
            let root = try XMLTree.parse(response.body)
            return root.child("\(action)Result") ?? root
        } catch {
            throw AWSError.malformedResponse(api: api, statusCode: response.statusCode, "the XML did not parse: \(error)")
        }
    }
}
