import Foundation

/// Amazon SNS over the Query protocol: the topic S3Hound's alarms notify.
public struct SNSClient: Sendable {
    private let query: QueryProtocolClient

    /// Creates a client; without an endpoint override it calls `https://sns.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.sns
        query = QueryProtocolClient(service: service, version: "2010-03-31",
                                    endpoint: service.endpoint(endpoint, region: region),
                                    sender: service.sender(credentials: credentials, region: region,
                                                           transport: transport, retryPolicy: retryPolicy))
    }

    /// CreateTopic: the topic's ARN (an existing topic of that name is returned as it is).
    public func createTopic(name: String) async throws -> String {
        let result = try await query.call("CreateTopic", QueryParameters([("Name", name)]),
                                          permission: "sns:CreateTopic")
        guard let arn = result.value("TopicArn") else {
            throw AWSError.malformedResponse(api: "SNS.CreateTopic", statusCode: 200, "the response has no TopicArn")
        }
        return arn
    }

    /// ListTopics: every topic ARN in the region, following `NextToken` pages (100 a page).
    public func listTopics() async throws -> [String] {
        try await Paginator.collect(api: "SNS.ListTopics") { token in
            var parameters = QueryParameters()
            parameters.add("NextToken", token)
            let result = try await query.call("ListTopics", parameters, permission: "sns:ListTopics")
            return (result.list("Topics", item: "member").compactMap { $0.value("TopicArn") }, result.value("NextToken"))
        }
    }
}
