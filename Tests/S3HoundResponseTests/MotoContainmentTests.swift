import Foundation
import Testing
import S3HoundTestSupport
import S3HoundAWS
@testable import S3HoundResponse

/// The live backend against a real moto_server (signature checking on): containment and setup planned, applied,
/// verified, planned again (nothing left), and rolled back to exactly what was there.
@Suite("Live backend against moto", .serialized, .motoServer)
struct MotoResponseTests {
    var server: MotoServer { MotoServer.current! }
    var aws: AWSClientFactory { server.factory() }
    var backend: LiveResponseBackend { LiveResponseBackend(factory: aws) }

    static let analyticsPolicy = #"{"Version":"2012-10-17","Statement":[{"Sid":"AllowAnalytics","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::moto-sensitive-data/*"}]}"#

    /// Jane with a key, a bucket with a policy, one without, a VPC with an S3 gateway endpoint.
    func containmentWorld() async throws -> (janeKey: String, endpoint: String, endpointPolicy: String?) {
        let iam = aws.iam()
        _ = try await iam.createUser(userName: "developer-jane")
        let jane = try await iam.createAccessKey(userName: "developer-jane")
        let s3 = aws.s3()
        try await s3.createBucket("moto-sensitive-data")
        try await s3.createBucket("moto-customer-records")
        try await s3.putBucketPolicy(bucket: "moto-sensitive-data", policy: Self.analyticsPolicy)
        let ec2 = aws.ec2()
        let vpc = try await ec2.createVpc(cidrBlock: "10.42.0.0/16")
        let endpoint = try await ec2.createVpcEndpoint(vpcID: vpc, serviceName: "com.amazonaws.us-east-1.s3")
        let described = try await ec2.describeVpcEndpoints(ids: [endpoint.id]).first
        return (jane.accessKeyId, endpoint.id, described?.policyDocument)
    }

    @Test("contain from a report, apply, re-plan, roll back: policies, no policy, key and endpoint restored")
    func containAndRollBack() async throws {
        let world = try await containmentWorld()
        let masked = String(world.janeKey.prefix(4)) + "…" + String(world.janeKey.suffix(4))
        let report = Data("""
        {"schema": "s3hound.hunt.v1", "incidents": [{"id": "INC-20260223-aaaaaa", "severity": "critical",
          "principal": "arn:aws:iam::123456789012:user/developer-jane", "identityType": "IAMUser",
          "accessKeys": ["\(masked)"], "accounts": ["123456789012"],
          "impact": {"buckets": [{"name": "moto-sensitive-data", "ownerAccountId": "123456789012"},
                                 {"name": "moto-customer-records", "ownerAccountId": null}],
                     "copyDestinations": [], "destinationAccounts": []}}]}
        """.utf8)
        let incident = try IncidentReference.load(id: "INC-20260223-aaaaaa", fromReport: report, source: "report.json")
        let request = ContainmentRequest(incident: incident, endpoints: [world.endpoint], approvedBuckets: ["moto-approved"])
        let planner = ContainmentPlanner(backend: backend, region: "us-east-1")
        let plan = try await planner.plan(request)
        #expect(plan.pendingChanges.map(\.target) == [
            .accessKey(user: "developer-jane", accessKeyId: world.janeKey),
            .bucketPolicy(bucket: "moto-sensitive-data"), .bucketPolicy(bucket: "moto-customer-records"),
            .endpointPolicy(endpoint: world.endpoint),
        ])
        #expect(!plan.text.contains(world.janeKey))

        let directory = Fixtures.temporaryDirectory()
        let outcome = try await PlanExecutor(backend: backend, backups: BackupStore(directory: directory)).apply(plan)
        #expect(outcome.applied.count == 4)
        #expect(try await aws.iam().listAccessKeys(userName: "developer-jane").first?.status == .inactive)
        let contained = try PolicyDocument(text: try #require(try await aws.s3().getBucketPolicy(bucket: "moto-sensitive-data")), source: "moto")
        #expect(contained.statement(withSid: "AllowAnalytics") != nil)
        #expect(contained.statement(withSid: ContainmentStatements.bucketDenySid)?["Condition"]?["StringNotEquals"]?["aws:sourceVpce"] == .string(world.endpoint))
        let endpointPolicy = try #require(try await aws.ec2().describeVpcEndpoints(ids: [world.endpoint]).first?.policyDocument)
        #expect(endpointPolicy.contains(ContainmentStatements.endpointDenySid))

        #expect(try await planner.plan(request).isEmpty, "a second run finds everything in place")

        let backup = try BackupStore.load(path: try #require(outcome.backupPath))
        let rollback = try await RollbackPlanner(backend: backend, region: "us-east-1").plan(backup, path: "backup.json")
        #expect(rollback.pendingChanges.count == 4)
        _ = try await PlanExecutor(backend: backend, backups: BackupStore(directory: directory)).apply(rollback)
        #expect(try await aws.iam().listAccessKeys(userName: "developer-jane").first?.status == .active)
        let restored = try PolicyDocument(text: try #require(try await aws.s3().getBucketPolicy(bucket: "moto-sensitive-data")), source: "moto")
        #expect(restored.isEquivalent(to: try PolicyDocument(text: Self.analyticsPolicy, source: "original")))
        #expect(try await aws.s3().getBucketPolicy(bucket: "moto-customer-records") == nil, "no policy before → no policy after")
        let restoredEndpoint = try await aws.ec2().describeVpcEndpoints(ids: [world.endpoint]).first?.policyDocument
        if let original = world.endpointPolicy {
            #expect(try PolicyDocument(text: try #require(restoredEndpoint), source: "moto").isEquivalent(to: PolicyDocument(text: original, source: "original")))
        }
        #expect(try await RollbackPlanner(backend: backend, region: "us-east-1").plan(backup, path: "backup.json").isEmpty)
    }

    @Test("refused against a real account: the caller's own key, an unknown endpoint")
    func refusals() async throws {
        let planner = ContainmentPlanner(backend: backend, region: "us-east-1")
        let own = await #expect(throws: ResponseError.self) {
            try await planner.plan(ContainmentRequest(accessKeys: [server.credentials.accessKeyId]))
        }
        #expect(own?.isRefusal == true)
        let unknown = await #expect(throws: ResponseError.self) {
            try await planner.plan(ContainmentRequest(buckets: ["moto-sensitive-data"], endpoints: ["vpce-0000000000000000f"], keepEndpointPolicy: true))
        }
        #expect(unknown?.isRefusal == true)
        #expect(try await backend.userName(owningAccessKey: "AKIAUNKNOWNUNKNOWN00") == nil)
    }
}
