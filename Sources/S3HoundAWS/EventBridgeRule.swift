/// An EventBridge rule (DescribeRule).
public struct EventBridgeRule: Codable, Sendable, Equatable {
    /// The rule name.
    public var name: String
    /// The rule ARN.
    public var arn: String?
    /// The event pattern JSON, e.g. `{"source":["aws.guardduty"]}`.
    public var eventPattern: String?
    /// `ENABLED` or `DISABLED`.
    public var state: String?
    /// A description, if any.
    public var description: String?
    /// The event bus (`default` when nil).
    public var eventBusName: String?

    /// Creates a rule record.
    public init(name: String, arn: String? = nil, eventPattern: String? = nil, state: String? = nil,
                description: String? = nil, eventBusName: String? = nil) {
        self.name = name
        self.arn = arn
        self.eventPattern = eventPattern
        self.state = state
        self.description = description
        self.eventBusName = eventBusName
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", arn = "Arn", eventPattern = "EventPattern", state = "State"
        case description = "Description", eventBusName = "EventBusName"
    }
}
