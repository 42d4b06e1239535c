/// Where an EventBridge rule sends matching events.
public struct EventBridgeTarget: Codable, Sendable, Equatable {
    /// The target id, unique within the rule.
    public var id: String
    /// The target ARN, e.g. an SNS topic.
    public var arn: String
    /// A fixed JSON input replacing the event, if any.
    public var input: String?

    /// Creates a target.
    public init(id: String, arn: String, input: String? = nil) {
        self.id = id
        self.arn = arn
        self.input = input
    }

    enum CodingKeys: String, CodingKey { case id = "Id", arn = "Arn", input = "Input" }
}
