import Foundation

/// Amazon CloudWatch (metrics and alarms) over the Query protocol, signing name `monitoring`.
public struct CloudWatchClient: Sendable {
    private let query: QueryProtocolClient

    /// Creates a client; without an endpoint override it calls `https://monitoring.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.cloudWatch
        query = QueryProtocolClient(service: service, version: "2010-08-01",
                                    endpoint: service.endpoint(endpoint, region: region),
                                    sender: service.sender(credentials: credentials, region: region,
                                                           transport: transport, retryPolicy: retryPolicy))
    }

    /// PutMetricAlarm: creates or replaces the alarm.
    public func putMetricAlarm(_ alarm: CloudWatchMetricAlarm) async throws {
        var parameters = QueryParameters([
            ("AlarmName", alarm.alarmName), ("MetricName", alarm.metricName), ("Namespace", alarm.namespace),
            ("Statistic", alarm.statistic), ("Period", String(alarm.period)),
            ("EvaluationPeriods", String(alarm.evaluationPeriods)), ("Threshold", String(alarm.threshold)),
            ("ComparisonOperator", alarm.comparisonOperator),
        ])
        parameters.add("AlarmDescription", alarm.alarmDescription)
        parameters.add("TreatMissingData", alarm.treatMissingData)
        parameters.addMembers("AlarmActions", alarm.alarmActions)
        for (index, dimension) in alarm.dimensions.enumerated() {
            parameters.add("Dimensions.member.\(index + 1).Name", dimension.name)
            parameters.add("Dimensions.member.\(index + 1).Value", dimension.value)
        }
        _ = try await query.call("PutMetricAlarm", parameters, permission: "cloudwatch:PutMetricAlarm")
    }

    /// DescribeAlarms: metric alarms by name (all when empty) or name prefix; follows `NextToken` pages.
    public func describeAlarms(names: [String] = [], namePrefix: String? = nil) async throws -> [CloudWatchMetricAlarm] {
        try await Paginator.collect(api: "CloudWatch.DescribeAlarms") { token in
            var parameters = QueryParameters()
            parameters.addMembers("AlarmNames", names)
            parameters.add("AlarmNamePrefix", namePrefix)
            parameters.add("NextToken", token)
            let result = try await query.call("DescribeAlarms", parameters, permission: "cloudwatch:DescribeAlarms")
            return (result.list("MetricAlarms", item: "member").compactMap(Self.alarm), result.value("NextToken"))
        }
    }

    private static func alarm(_ member: XMLTree) -> CloudWatchMetricAlarm? {
        guard let name = member.value("AlarmName") else { return nil }
        return CloudWatchMetricAlarm(
            alarmName: name, alarmDescription: member.value("AlarmDescription"),
            metricName: member.value("MetricName") ?? "", namespace: member.value("Namespace") ?? "",
            statistic: member.value("Statistic") ?? "", period: Int(member.value("Period") ?? "") ?? 0,
            evaluationPeriods: Int(member.value("EvaluationPeriods") ?? "") ?? 0,
            threshold: Double(member.value("Threshold") ?? "") ?? 0,
            comparisonOperator: member.value("ComparisonOperator") ?? "",
            dimensions: member.list("Dimensions", item: "member").map {
                CloudWatchMetricAlarm.Dimension(name: $0.value("Name") ?? "", value: $0.value("Value") ?? "")
            },
            alarmActions: member.list("AlarmActions", item: "member").map(\.text),
            treatMissingData: member.value("TreatMissingData"), alarmARN: member.value("AlarmArn"),
            stateValue: member.value("StateValue"))
    }
}
