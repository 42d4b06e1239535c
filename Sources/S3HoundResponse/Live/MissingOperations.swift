import Foundation
import S3HoundAWS

/// The few calls rollback and topic creation need that the S3HoundAWS clients do not offer yet: DeleteMetricFilter,
/// DeleteAlarms, DeleteTopic, SetTopicAttributes, DeleteRule and RemoveTargets. Sent with S3HoundAWS's public
/// signer and sender (same retries and `AWSError`s); move them into the clients when those grow them.
struct MissingOperations: Sendable {
    let factory: AWSClientFactory

    /// CloudWatch Logs DeleteMetricFilter.
    func deleteMetricFilter(logGroup: String, name: String) async throws {
        try await json(.cloudWatchLogs, target: "Logs_20140328.DeleteMetricFilter",
                       body: ["logGroupName": .string(logGroup), "filterName": .string(name)],
                       permission: "logs:DeleteMetricFilter on log group \(logGroup)")
    }

    /// CloudWatch DeleteAlarms (one alarm).
    func deleteAlarm(name: String) async throws {
        try await query(.cloudWatch, version: "2010-08-01", action: "DeleteAlarms",
                        parameters: [("AlarmNames.member.1", name)], permission: "cloudwatch:DeleteAlarms")
    }

    /// SNS DeleteTopic.
    func deleteTopic(arn: String) async throws {
        try await query(.sns, version: "2010-03-31", action: "DeleteTopic", parameters: [("TopicArn", arn)],
                        permission: "sns:DeleteTopic on \(arn)")
    }

    /// SNS SetTopicAttributes.
    func setTopicAttribute(arn: String, name: String, value: String) async throws {
        try await query(.sns, version: "2010-03-31", action: "SetTopicAttributes",
                        parameters: [("TopicArn", arn), ("AttributeName", name), ("AttributeValue", value)],
                        permission: "sns:SetTopicAttributes on \(arn)")
    }

    /// EventBridge DeleteRule (default bus).
    func deleteRule(name: String) async throws {
        try await json(.eventBridge, target: "AWSEvents.DeleteRule", body: ["Name": .string(name)],
                       permission: "events:DeleteRule on rule \(name)")
    }

    /// EventBridge RemoveTargets (default bus).
    func removeTargets(ids: [String], rule: String) async throws {
        try await json(.eventBridge, target: "AWSEvents.RemoveTargets", body: ["Rule": .string(rule), "Ids": .strings(ids)],
                       permission: "events:RemoveTargets on rule \(rule)")
    }

    private func sender(_ service: AWSService) -> SignedRequestSender {
        SignedRequestSender(signer: SigV4Signer(credentials: factory.credentials,
                                                region: service.signingRegion(for: factory.region),
                                                service: service.signingName),
                            transport: factory.transport, retryPolicy: factory.retryPolicy)
    }

    private func json(_ service: AWSService, target: String, body: JSONValue, permission: String) async throws {
        let request = HTTPRequest(method: "POST", endpoint: factory.endpoint(for: service),
                                  headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target],
                                  body: Data(body.compactText.utf8))
        let api = service.apiName + "." + (target.split(separator: ".").last.map(String.init) ?? target)
        _ = try await sender(service).send(request, api: api, permission: permission)
    }

    private func query(_ service: AWSService, version: String, action: String, parameters: [(String, String)],
                       permission: String) async throws {
        let form = ([("Action", action), ("Version", version)] + parameters)
            .map { Self.formEncode($0.0) + "=" + Self.formEncode($0.1) }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", endpoint: factory.endpoint(for: service),
                                  headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                                  body: Data(form.utf8))
        _ = try await sender(service).send(request, api: "\(service.apiName).\(action)", permission: permission)
    }

    /// RFC 3986 percent-encoding: everything but unreserved characters.
    static func formEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
