/// A CloudTrail trail as DescribeTrails reports it.
public struct TrailDescription: Sendable, Hashable {
    /// The trail's name.
    public var name: String
    /// Its ARN, when known.
    public var arn: String?
    /// The region it was created in.
    public var homeRegion: String?
    /// The CloudWatch Logs group it delivers to (`arn:aws:logs:…:log-group:NAME:*`), when it does.
    public var logGroupArn: String?

    /// Creates a trail description.
    public init(name: String, arn: String? = nil, homeRegion: String? = nil, logGroupArn: String? = nil) {
        self.name = name
        self.arn = arn
        self.homeRegion = homeRegion
        self.logGroupArn = logGroupArn
    }

    /// The log group's name, taken from `logGroupArn`.
    public var logGroupName: String? {
        guard let logGroupArn, let range = logGroupArn.range(of: ":log-group:") else { return nil }
        var name = String(logGroupArn[range.upperBound...])
        if name.hasSuffix(":*") { name.removeLast(2) }
        return name.isEmpty ? nil : name
    }
}

/// A trail's event selectors: classic `EventSelectors` or `AdvancedEventSelectors` (a trail uses one kind).
public enum TrailSelectors: Sendable, Hashable {
    /// Classic selectors (`ReadWriteType`, `IncludeManagementEvents`, `DataResources`).
    case classic([JSONValue])
    /// Advanced selectors (`Name`, `FieldSelectors`).
    case advanced([JSONValue])

    /// The state as S3Hound shows and saves it: `{"EventSelectors": […]}` or `{"AdvancedEventSelectors": […]}`.
    public var json: JSONValue {
        switch self {
        case .classic(let selectors): ["EventSelectors": .array(selectors)]
        case .advanced(let selectors): ["AdvancedEventSelectors": .array(selectors)]
        }
    }

    /// Reads the state form back.
    public init(json: JSONValue) throws {
        if let advanced = json["AdvancedEventSelectors"], !advanced.elements.isEmpty || json["EventSelectors"] == nil {
            self = .advanced(advanced.elements)
        } else if let classic = json["EventSelectors"] {
            self = .classic(classic.elements)
        } else {
            throw ResponseError.invalidJSON(source: "event selectors", detail: "expected EventSelectors or AdvancedEventSelectors")
        }
    }
}

/// CloudTrail trails and their event selectors.
///
/// Contract: `trail(named:)` returns nil for an unknown trail; `putEventSelectors` replaces every selector
/// of the trail with the ones given (as PutEventSelectors does).
public protocol TrailManaging: Sendable {
    /// The trail (CloudTrail DescribeTrails), or nil.
    func trail(named name: String) async throws -> TrailDescription?
    /// The trail's selectors (CloudTrail GetEventSelectors).
    func eventSelectors(trail: String) async throws -> TrailSelectors
    /// Replaces the trail's selectors (CloudTrail PutEventSelectors).
    func putEventSelectors(_ selectors: TrailSelectors, trail: String) async throws
}
