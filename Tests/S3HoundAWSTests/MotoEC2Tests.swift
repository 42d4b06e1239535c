import Foundation
import Testing
@testable import S3HoundAWS

/// EC2 (EC2 Query protocol) against moto: an S3 gateway endpoint's policy replaced and read back.
/// (moto's first EC2 call builds its EC2 backend and takes ~5 s.)
extension MotoTests {
    @Test func vpcEndpointPolicyIsReplacedAndReadBack() async throws {
        let ec2 = server.factory().ec2()
        let vpc = try await ec2.createVpc(cidrBlock: "10.42.0.0/16")
        #expect(vpc.hasPrefix("vpc-"))
        let created = try await ec2.createVpcEndpoint(vpcID: vpc, serviceName: "com.amazonaws.us-east-1.s3")
        #expect(created.id.hasPrefix("vpce-"))
        #expect(created.vpcID == vpc)

        let restrictive = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"123456789012"}}}]}"#
        try await ec2.setVpcEndpointPolicy(id: created.id, policyDocument: restrictive)

        let described = try await ec2.describeVpcEndpoints(ids: [created.id])
        #expect(described.count == 1)
        #expect(described.first?.serviceName == "com.amazonaws.us-east-1.s3")
        #expect(described.first?.type == "Gateway")
        let policy = try #require(described.first?.policyDocument)
        #expect(try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? NSDictionary
                == JSONSerialization.jsonObject(with: Data(restrictive.utf8)) as? NSDictionary)

        let filtered = try await ec2.describeVpcEndpoints(filters: [EC2Filter(name: "vpc-id", values: [vpc])])
        #expect(filtered.map(\.id) == [created.id])
    }

    @Test func unknownVpcEndpointIsAnEC2Error() async throws {
        let error = await #expect(throws: AWSError.self) {
            try await server.factory().ec2().setVpcEndpointPolicy(id: "vpce-0000000000000000f", policyDocument: "{}")
        }
        #expect(error?.api == "EC2.ModifyVpcEndpoint")
        #expect(error?.code == "InvalidVpcEndpointId.NotFound")
        #expect(error?.hint?.contains("DescribeVpcEndpoints lists them") == true)
    }
}
