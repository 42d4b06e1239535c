/// A trail's selectors as GetEventSelectors reports them: basic or advanced (a trail uses one kind at a time).
public struct CloudTrailEventSelectors: Codable, Sendable, Equatable {
    /// The trail's ARN.
    public var trailARN: String?
    /// Basic selectors, when the trail uses them.
    public var eventSelectors: [CloudTrailEventSelector]?
    /// Advanced selectors, when the trail uses them.
    public var advancedEventSelectors: [CloudTrailAdvancedEventSelector]?

    /// Creates the pair.
    public init(trailARN: String? = nil, eventSelectors: [CloudTrailEventSelector]? = nil,
                advancedEventSelectors: [CloudTrailAdvancedEventSelector]? = nil) {
        self.trailARN = trailARN
        self.eventSelectors = eventSelectors
        self.advancedEventSelectors = advancedEventSelectors
    }

    enum CodingKeys: String, CodingKey {
        case trailARN = "TrailARN", eventSelectors = "EventSelectors", advancedEventSelectors = "AdvancedEventSelectors"
    }
}
