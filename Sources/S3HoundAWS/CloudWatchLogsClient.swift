import Foundation

/// Amazon CloudWatch Logs over JSON 1.1: log groups and metric filters.
public struct CloudWatchLogsClient: Sendable {
    private let json: JSONProtocolClient

    /// Creates a client; without an endpoint override it calls `https://logs.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.cloudWatchLogs
        json = JSONProtocolClient(service: service, targetPrefix: "Logs_20140328", jsonVersion: "1.1",
                                  endpoint: service.endpoint(endpoint, region: region),
                                  sender: service.sender(credentials: credentials, region: region,
                                                         transport: transport, retryPolicy: retryPolicy))
    }

    /// CreateLogGroup (used to set up tests; CloudTrail's log group already exists in real accounts).
    public func createLogGroup(name: String) async throws {
        struct Input: Encodable { var logGroupName: String }
        let _: EmptyJSON = try await json.call("CreateLogGroup", Input(logGroupName: name),
                                               permission: "logs:CreateLogGroup on \(name)")
    }

    /// PutMetricFilter: creates or replaces the filter.
    public func putMetricFilter(_ filter: CloudWatchLogsMetricFilter) async throws {
        let _: EmptyJSON = try await json.call("PutMetricFilter", filter,
                                               permission: "logs:PutMetricFilter on log group \(filter.logGroupName)")
    }

    /// DescribeMetricFilters: the filters of a log group (every group when nil), optionally only those whose
    /// name starts with a prefix; follows `nextToken` pages.
    public func describeMetricFilters(logGroupName: String? = nil,
                                      filterNamePrefix: String? = nil) async throws -> [CloudWatchLogsMetricFilter] {
        struct Input: Encodable {
            var logGroupName: String?
            var filterNamePrefix: String?
            var nextToken: String?
        }
        struct Output: Decodable {
            var metricFilters: [CloudWatchLogsMetricFilter]?
            var nextToken: String?
        }
        return try await Paginator.collect(api: "CloudWatchLogs.DescribeMetricFilters") { token in
            let output: Output = try await json.call("DescribeMetricFilters",
                                                     Input(logGroupName: logGroupName, filterNamePrefix: filterNamePrefix,
                                                           nextToken: token),
                                                     permission: "logs:DescribeMetricFilters")
            return (output.metricFilters ?? [], output.nextToken)
        }
    }
}
