import Foundation

/// AWS CloudTrail over JSON 1.1: trails, their event selectors, and the event history (LookupEvents).
public struct CloudTrailClient: Sendable {
    private let json: JSONProtocolClient

    /// Creates a client; without an endpoint override it calls `https://cloudtrail.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.cloudTrail
        json = JSONProtocolClient(service: service,
                                  targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
                                  jsonVersion: "1.1", endpoint: service.endpoint(endpoint, region: region),
                                  sender: service.sender(credentials: credentials, region: region,
                                                         transport: transport, retryPolicy: retryPolicy))
    }

    /// DescribeTrails: the named trails (names or ARNs), or every trail visible in the region when empty,
    /// including multi-region trails of other home regions (`includeShadowTrails`).
    public func describeTrails(names: [String] = [], includeShadowTrails: Bool = true) async throws -> [CloudTrailTrail] {
        struct Input: Encodable {
            var trailNameList: [String]?
            var includeShadowTrails: Bool
        }
        struct Output: Decodable { var trailList: [CloudTrailTrail]? }
        let output: Output = try await json.call("DescribeTrails",
                                                 Input(trailNameList: names.isEmpty ? nil : names,
                                                       includeShadowTrails: includeShadowTrails),
                                                 permission: "cloudtrail:DescribeTrails")
        return output.trailList ?? []
    }

    /// GetTrail: one trail by name or ARN.
    public func getTrail(name: String) async throws -> CloudTrailTrail {
        struct Input: Encodable { var Name: String }
        struct Output: Decodable { var Trail: CloudTrailTrail }
        let output: Output = try await json.call("GetTrail", Input(Name: name), permission: "cloudtrail:GetTrail on \(name)")
        return output.Trail
    }

    /// CreateTrail (used to set up tests): a trail delivering to an existing bucket whose policy lets CloudTrail write.
    public func createTrail(name: String, s3BucketName: String, s3KeyPrefix: String? = nil,
                            isMultiRegionTrail: Bool = true) async throws -> CloudTrailTrail {
        struct Input: Encodable {
            var Name: String
            var S3BucketName: String
            var S3KeyPrefix: String?
            var IsMultiRegionTrail: Bool
        }
        return try await json.call("CreateTrail",
                                   Input(Name: name, S3BucketName: s3BucketName, S3KeyPrefix: s3KeyPrefix,
                                         IsMultiRegionTrail: isMultiRegionTrail),
                                   permission: "cloudtrail:CreateTrail")
    }

    /// GetEventSelectors: the trail's basic or advanced selectors.
    public func getEventSelectors(trailName: String) async throws -> CloudTrailEventSelectors {
        try await json.call("GetEventSelectors", TrailNameInput(TrailName: trailName),
                            permission: "cloudtrail:GetEventSelectors on \(trailName)")
    }

    /// PutEventSelectors with basic selectors (replacing any advanced ones); returns what the trail now has.
    @discardableResult
    public func putEventSelectors(trailName: String,
                                  eventSelectors: [CloudTrailEventSelector]) async throws -> CloudTrailEventSelectors {
        try await json.call("PutEventSelectors",
                            CloudTrailEventSelectorsInput(TrailName: trailName, EventSelectors: eventSelectors),
                            permission: "cloudtrail:PutEventSelectors on \(trailName)")
    }

    /// PutEventSelectors with advanced selectors (replacing any basic ones); returns what the trail now has.
    @discardableResult
    public func putEventSelectors(trailName: String, advancedEventSelectors: [CloudTrailAdvancedEventSelector])
        async throws -> CloudTrailEventSelectors {
        try await json.call("PutEventSelectors",
                            CloudTrailEventSelectorsInput(TrailName: trailName,
                                                          AdvancedEventSelectors: advancedEventSelectors),
                            permission: "cloudtrail:PutEventSelectors on \(trailName)")
    }

    /// LookupEvents: management events matching one attribute (AWS allows at most one) between two times,
    /// newest first, following `NextToken` pages up to `limit` events.
    public func lookupEvents(attribute: CloudTrailLookupAttribute? = nil, startTime: Date? = nil, endTime: Date? = nil,
                             limit: Int = .max) async throws -> [CloudTrailLookupEvent] {
        struct Input: Encodable {
            var LookupAttributes: [CloudTrailLookupAttribute]?
            var StartTime: Date?
            var EndTime: Date?
            var MaxResults: Int
            var NextToken: String?
        }
        struct Event: Decodable {
            var EventId: String
            var EventName: String?
            var EventTime: Date?
            var EventSource: String?
            var Username: String?
            var AccessKeyId: String?
            var CloudTrailEvent: String?
        }
        struct Output: Decodable {
            var Events: [Event]?
            var NextToken: String?
        }
        var collected = 0
        let events = try await Paginator.collect(api: "CloudTrail.LookupEvents") { token -> ([CloudTrailLookupEvent], String?) in
            let input = Input(LookupAttributes: attribute.map { [$0] }, StartTime: startTime, EndTime: endTime,
                              MaxResults: 50, NextToken: token)
            let output: Output = try await json.call("LookupEvents", input, permission: "cloudtrail:LookupEvents")
            let page = (output.Events ?? []).map {
                CloudTrailLookupEvent(eventID: $0.EventId, eventName: $0.EventName ?? "", eventTime: $0.EventTime,
                                      eventSource: $0.EventSource, username: $0.Username, accessKeyID: $0.AccessKeyId,
                                      cloudTrailEvent: Data(($0.CloudTrailEvent ?? "").utf8))
            }
            collected += page.count
            return (page, collected >= limit ? nil : output.NextToken)
        }
        return Array(events.prefix(limit))
    }
}

/// `{"TrailName": …}`.
private struct TrailNameInput: Encodable { var TrailName: String }

/// The PutEventSelectors input: one of the two selector kinds.
private struct CloudTrailEventSelectorsInput: Encodable {
    var TrailName: String
    var EventSelectors: [CloudTrailEventSelector]?
    var AdvancedEventSelectors: [CloudTrailAdvancedEventSelector]?
}
