import Foundation

/// Amazon EventBridge over JSON 1.1: rules and their targets.
public struct EventBridgeClient: Sendable {
    private let json: JSONProtocolClient

    /// Creates a client; without an endpoint override it calls `https://events.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.eventBridge
        json = JSONProtocolClient(service: service, targetPrefix: "AWSEvents", jsonVersion: "1.1",
                                  endpoint: service.endpoint(endpoint, region: region),
                                  sender: service.sender(credentials: credentials, region: region,
                                                         transport: transport, retryPolicy: retryPolicy))
    }

    /// PutRule: creates or updates a rule matching `eventPattern`; returns the rule ARN.
    @discardableResult
    public func putRule(name: String, eventPattern: String, description: String? = nil, enabled: Bool = true,
                        eventBusName: String? = nil) async throws -> String {
        struct Input: Encodable {
            var Name: String
            var EventPattern: String
            var Description: String?
            var State: String
            var EventBusName: String?
        }
        struct Output: Decodable { var RuleArn: String }
        let output: Output = try await json.call("PutRule",
                                                 Input(Name: name, EventPattern: eventPattern, Description: description,
                                                       State: enabled ? "ENABLED" : "DISABLED", EventBusName: eventBusName),
                                                 permission: "events:PutRule on rule \(name)")
        return output.RuleArn
    }

    /// PutTargets: adds or updates the rule's targets; throws naming the first target AWS refused.
    public func putTargets(rule: String, targets: [EventBridgeTarget], eventBusName: String? = nil) async throws {
        struct Input: Encodable {
            var Rule: String
            var EventBusName: String?
            var Targets: [EventBridgeTarget]
        }
        struct Failure: Decodable {
            var TargetId: String?
            var ErrorCode: String?
            var ErrorMessage: String?
        }
        struct Output: Decodable {
            var FailedEntryCount: Int?
            var FailedEntries: [Failure]?
        }
        let output: Output = try await json.call("PutTargets", Input(Rule: rule, EventBusName: eventBusName, Targets: targets),
                                                 permission: "events:PutTargets on rule \(rule)")
        if let failure = output.FailedEntries?.first, (output.FailedEntryCount ?? 1) > 0 {
            throw AWSError(api: "EventBridge.PutTargets", statusCode: 200, code: failure.ErrorCode ?? "FailedEntry",
                           message: "target \(failure.TargetId ?? "?") was refused: \(failure.ErrorMessage ?? "no message")",
                           permission: "events:PutTargets on rule \(rule)")
        }
    }

    /// DescribeRule: one rule by name.
    public func describeRule(name: String, eventBusName: String? = nil) async throws -> EventBridgeRule {
        struct Input: Encodable {
            var Name: String
            var EventBusName: String?
        }
        return try await json.call("DescribeRule", Input(Name: name, EventBusName: eventBusName),
                                   permission: "events:DescribeRule on rule \(name)")
    }

    /// ListTargetsByRule: every target of the rule, following `NextToken` pages.
    public func listTargetsByRule(rule: String, eventBusName: String? = nil) async throws -> [EventBridgeTarget] {
        struct Input: Encodable {
            var Rule: String
            var EventBusName: String?
            var NextToken: String?
        }
        struct Output: Decodable {
            var Targets: [EventBridgeTarget]?
            var NextToken: String?
        }
        return try await Paginator.collect(api: "EventBridge.ListTargetsByRule") { token in
            let output: Output = try await json.call("ListTargetsByRule",
                                                     Input(Rule: rule, EventBusName: eventBusName, NextToken: token),
                                                     permission: "events:ListTargetsByRule on rule \(rule)")
            return (output.Targets ?? [], output.NextToken)
        }
    }
}
