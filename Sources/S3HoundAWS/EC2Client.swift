import Foundation

/// Amazon EC2 over the EC2 Query protocol: VPC endpoints and their policies.
public struct EC2Client: Sendable {
    private let query: QueryProtocolClient

    /// Creates a client; without an endpoint override it calls `https://ec2.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.ec2
        query = QueryProtocolClient(service: service, version: "2016-11-15",
                                    endpoint: service.endpoint(endpoint, region: region),
                                    sender: service.sender(credentials: credentials, region: region,
                                                           transport: transport, retryPolicy: retryPolicy))
    }

    /// DescribeVpcEndpoints: the endpoints with these ids (all when empty) matching the filters, e.g.
    /// `EC2Filter(name: "service-name", values: ["com.amazonaws.eu-west-1.s3"])`; follows `NextToken` pages.
    public func describeVpcEndpoints(ids: [String] = [], filters: [EC2Filter] = []) async throws -> [VPCEndpoint] {
        try await Paginator.collect(api: "EC2.DescribeVpcEndpoints") { token in
            var parameters = QueryParameters()
            parameters.addFlattened("VpcEndpointId", ids)
            for (index, filter) in filters.enumerated() {
                parameters.add("Filter.\(index + 1).Name", filter.name)
                parameters.addFlattened("Filter.\(index + 1).Value", filter.values)
            }
            parameters.add("NextToken", token)
            let result = try await query.call("DescribeVpcEndpoints", parameters,
                                              permission: "ec2:DescribeVpcEndpoints")
            return (result.list("vpcEndpointSet", item: "item").compactMap(Self.endpoint), result.value("nextToken"))
        }
    }

    /// ModifyVpcEndpoint: replaces the endpoint's policy with this JSON document.
    public func setVpcEndpointPolicy(id: String, policyDocument: String) async throws {
        try await modifyVpcEndpoint(QueryParameters([("VpcEndpointId", id), ("PolicyDocument", policyDocument)]))
    }

    /// ModifyVpcEndpoint with `ResetPolicy`: back to the default allow-all policy.
    public func resetVpcEndpointPolicy(id: String) async throws {
        try await modifyVpcEndpoint(QueryParameters([("VpcEndpointId", id), ("ResetPolicy", "true")]))
    }

    /// CreateVpc (used to set up tests): returns the VPC id.
    public func createVpc(cidrBlock: String) async throws -> String {
        let result = try await query.call("CreateVpc", QueryParameters([("CidrBlock", cidrBlock)]),
                                          permission: "ec2:CreateVpc")
        guard let id = result.value("vpc/vpcId") else {
            throw AWSError.malformedResponse(api: "EC2.CreateVpc", statusCode: 200, "the response has no vpc/vpcId")
        }
        return id
    }

    /// CreateVpcEndpoint (used to set up tests): a gateway or interface endpoint, with an optional policy.
    public func createVpcEndpoint(vpcID: String, serviceName: String, type: String = "Gateway",
                                  policyDocument: String? = nil, routeTableIDs: [String] = []) async throws -> VPCEndpoint {
        var parameters = QueryParameters([("VpcId", vpcID), ("ServiceName", serviceName), ("VpcEndpointType", type)])
        parameters.add("PolicyDocument", policyDocument)
        parameters.addFlattened("RouteTableId", routeTableIDs)
        let result = try await query.call("CreateVpcEndpoint", parameters, permission: "ec2:CreateVpcEndpoint")
        guard let endpoint = result.element("vpcEndpoint").flatMap(Self.endpoint) else {
            throw AWSError.malformedResponse(api: "EC2.CreateVpcEndpoint", statusCode: 200, "the response has no vpcEndpoint")
        }
        return endpoint
    }

    private func modifyVpcEndpoint(_ parameters: QueryParameters) async throws {
        let result = try await query.call("ModifyVpcEndpoint", parameters, permission: "ec2:ModifyVpcEndpoint")
        if result.value("return") == "false" {
            throw AWSError.malformedResponse(api: "EC2.ModifyVpcEndpoint", statusCode: 200, "EC2 answered return=false")
        }
    }

    private static func endpoint(_ item: XMLTree) -> VPCEndpoint? {
        guard let id = item.value("vpcEndpointId") else { return nil }
        return VPCEndpoint(id: id, vpcID: item.value("vpcId") ?? "", serviceName: item.value("serviceName") ?? "",
                           type: item.value("vpcEndpointType") ?? "", state: item.value("state") ?? "",
                           policyDocument: item.value("policyDocument").flatMap { $0.isEmpty ? nil : $0 })
    }
}
