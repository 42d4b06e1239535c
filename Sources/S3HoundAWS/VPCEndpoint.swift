/// A VPC endpoint, as DescribeVpcEndpoints reports it.
public struct VPCEndpoint: Sendable, Equatable {
    /// The endpoint id, `vpce-…`.
    public var id: String
    /// The VPC it belongs to, `vpc-…`.
    public var vpcID: String
    /// The service it reaches, e.g. `com.amazonaws.eu-west-1.s3`.
    public var serviceName: String
    /// `Gateway`, `Interface` or `GatewayLoadBalancer`.
    public var type: String
    /// `available`, `pending`, `deleted`…
    public var state: String
    /// The endpoint policy JSON (AWS reports the default allow-all one when none was set).
    public var policyDocument: String?

    /// Creates an endpoint record.
    public init(id: String, vpcID: String, serviceName: String, type: String, state: String, policyDocument: String?) {
        self.id = id
        self.vpcID = vpcID
        self.serviceName = serviceName
        self.type = type
        self.state = state
        self.policyDocument = policyDocument
    }
}
