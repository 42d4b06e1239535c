/// A VPC endpoint as DescribeVpcEndpoints reports it.
public struct VPCEndpointInfo: Sendable, Hashable {
    /// `vpce-…`.
    public var id: String
    /// The service, e.g. `com.amazonaws.us-east-1.s3`.
    public var serviceName: String
    /// The VPC it belongs to.
    public var vpcId: String?
    /// The policy document text, or nil when none is set (full access).
    public var policy: String?

    /// Creates endpoint information.
    public init(id: String, serviceName: String, vpcId: String? = nil, policy: String? = nil) {
        self.id = id
        self.serviceName = serviceName
        self.vpcId = vpcId
        self.policy = policy
    }

    /// True for an S3 endpoint (`com.amazonaws.REGION.s3`, gateway or interface).
    public var isS3: Bool { serviceName.hasSuffix(".s3") }
}

/// VPC endpoint policies (EC2 DescribeVpcEndpoints / ModifyVpcEndpoint).
///
/// Contract: `vpcEndpoint` returns nil for an endpoint id that does not exist in the region.
public protocol EndpointPolicyManaging: Sendable {
    /// The endpoint, or nil when there is none with this id.
    func vpcEndpoint(_ id: String) async throws -> VPCEndpointInfo?
    /// Replaces the endpoint's policy; nil resets it to the default full-access policy.
    func setEndpointPolicy(_ policy: String?, endpoint id: String) async throws
}
