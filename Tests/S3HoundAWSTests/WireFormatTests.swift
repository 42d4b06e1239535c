import Foundation
import Testing
@testable import S3HoundAWS

/// Requests whose wire format moto does not check (it ignores `ResetPolicy`, `Content-MD5` and filters' order),
/// compared with the documented format through an in-memory transport.
@Suite struct WireFormatTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")
    static let ok = HTTPResponse(statusCode: 200, body: Data("<ModifyVpcEndpointResponse><return>true</return></ModifyVpcEndpointResponse>".utf8))

    static func form(_ request: HTTPRequest?) -> String { String(decoding: request?.body ?? Data(), as: UTF8.self) }

    @Test func ec2ResetPolicyAndFilters() async throws {
        let transport = InMemoryTransport([Self.ok, HTTPResponse(statusCode: 200, body: Data("""
            <DescribeVpcEndpointsResponse><vpcEndpointSet><item><vpcEndpointId>vpce-1</vpcEndpointId><vpcId>vpc-1</vpcId>\
            <serviceName>com.amazonaws.eu-west-1.s3</serviceName><vpcEndpointType>Gateway</vpcEndpointType>\
            <state>available</state><policyDocument>{&quot;Statement&quot;:[]}</policyDocument></item></vpcEndpointSet>\
            <nextToken>t2</nextToken></DescribeVpcEndpointsResponse>
            """.utf8)), HTTPResponse(statusCode: 200, body: Data("<DescribeVpcEndpointsResponse><vpcEndpointSet/></DescribeVpcEndpointsResponse>".utf8))])
        let ec2 = EC2Client(credentials: Self.credentials, region: "eu-west-1", transport: transport)
        try await ec2.resetVpcEndpointPolicy(id: "vpce-1")
        let endpoints = try await ec2.describeVpcEndpoints(filters: [EC2Filter(name: "service-name", values: ["com.amazonaws.eu-west-1.s3"])])
        #expect(endpoints == [VPCEndpoint(id: "vpce-1", vpcID: "vpc-1", serviceName: "com.amazonaws.eu-west-1.s3",
                                          type: "Gateway", state: "available", policyDocument: #"{"Statement":[]}"#)])
        let requests = await transport.requests
        #expect(Self.form(requests[0]) == "Action=ModifyVpcEndpoint&Version=2016-11-15&VpcEndpointId=vpce-1&ResetPolicy=true")
        #expect(Self.form(requests[1]) == "Action=DescribeVpcEndpoints&Version=2016-11-15&Filter.1.Name=service-name&Filter.1.Value.1=com.amazonaws.eu-west-1.s3")
        #expect(Self.form(requests[2]).hasSuffix("&NextToken=t2"))
    }

    @Test func cloudWatchAlarmForm() async throws {
        let transport = InMemoryTransport([HTTPResponse(statusCode: 200, body: Data("<PutMetricAlarmResponse/>".utf8))])
        try await CloudWatchClient(credentials: Self.credentials, region: "eu-west-1", transport: transport)
            .putMetricAlarm(CloudWatchMetricAlarm(alarmName: "a", metricName: "M", namespace: "S3Hound",
                                                  dimensions: [.init(name: "Bucket", value: "b")],
                                                  alarmActions: ["arn:aws:sns:eu-west-1:1:t"]))
        #expect(Self.form(await transport.requests.first) == "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=a"
                + "&MetricName=M&Namespace=S3Hound&Statistic=Sum&Period=300&EvaluationPeriods=1&Threshold=1.0"
                + "&ComparisonOperator=GreaterThanOrEqualToThreshold&TreatMissingData=notBreaching"
                + "&AlarmActions.member.1=arn%3Aaws%3Asns%3Aeu-west-1%3A1%3At&Dimensions.member.1.Name=Bucket"
                + "&Dimensions.member.1.Value=b")
    }

    @Test func putBucketPolicySendsItsMD5() async throws {
        let transport = InMemoryTransport([HTTPResponse(statusCode: 204)])
        try await S3Client(credentials: Self.credentials, region: "eu-west-1", transport: transport)
            .putBucketPolicy(bucket: "logs", policy: "{}")
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "https://logs.s3.eu-west-1.amazonaws.com/?policy=")
        #expect(request.headers["Content-MD5"] == "mZFLkyvTelC5g8XnyQrpOw==")
        #expect(request.headers["Authorization"]?.contains("content-md5") == true)
    }

    @Test func guardDutyUpdateDetectorIsAPostToTheDetector() async throws {
        let transport = InMemoryTransport([HTTPResponse(statusCode: 200, body: Data("{}".utf8))])
        try await GuardDutyClient(credentials: Self.credentials, region: "eu-west-1", transport: transport)
            .updateDetector(id: "d-1", .s3Protection(enabled: false))
        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://guardduty.eu-west-1.amazonaws.com/detector/d-1")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(Self.form(request) == #"{"features":[{"name":"S3_DATA_EVENTS","status":"DISABLED"}]}"#)
    }
}
