import Foundation
import Testing
@testable import S3HoundResponse

@Suite("Apply saves a backup first; rollback restores exactly what was there")
struct ApplyAndRollbackTests {
    let request = ContainmentRequest(accessKeys: [Fixtures.janeKey], buckets: ["sensitive-data-bucket", "customer-records"],
                                     endpoints: [Fixtures.endpoint], approvedBuckets: ["approved-bucket-1"])

    func contain(_ aws: InMemoryAWS, directory: String) async throws -> (ResponsePlan, PlanExecutor.Outcome) {
        let plan = try await ContainmentPlanner(backend: aws, region: "us-east-1").plan(request)
        let outcome = try await PlanExecutor(backend: aws, backups: BackupStore(directory: directory)).apply(plan)
        return (plan, outcome)
    }

    @Test("apply, re-run (no change, no backup), rollback (original policy, no policy, key status, endpoint policy)")
    func roundTrip() async throws {
        let aws = Fixtures.account()
        let original = aws.endpoints[Fixtures.endpoint]?.policy
        let directory = Fixtures.temporaryDirectory()
        let (_, outcome) = try await contain(aws, directory: directory)
        let backupPath = try #require(outcome.backupPath)
        #expect(outcome.applied.count == 4)
        #expect(aws.keys[0].status == "Inactive")
        #expect(aws.bucketPolicies["customer-records"] != nil)
        #expect(aws.writes == ["UpdateAccessKey \(Fixtures.janeKey)", "PutBucketPolicy sensitive-data-bucket",
                               "PutBucketPolicy customer-records", "ModifyVpcEndpoint \(Fixtures.endpoint)"])

        // The backup holds the states before, readable only by its owner.
        let backup = try BackupStore.load(path: backupPath)
        #expect(backup.entries.map(\.target) == outcome.applied.map(\.target))
        #expect(backup.entries[0].before == ["Status": "Active"])
        #expect(backup.entries[2].before == nil)
        let permissions = try FileManager.default.attributesOfItem(atPath: backupPath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        // Idempotent: a second run plans nothing and writes nothing.
        aws.writes = []
        let again = try await contain(aws, directory: directory)
        #expect(again.0.isEmpty)
        #expect(again.1.backupPath == nil)
        #expect(aws.writes.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 1)

        // Rollback: last change first; "no policy" deletes; the key is active again.
        let rollback = try await RollbackPlanner(backend: aws, region: "us-east-1").plan(backup, path: backupPath)
        #expect(rollback.pendingChanges.map(\.target) == backup.entries.reversed().map(\.target))
        #expect(rollback.changes.last?.warnings.contains { $0.contains("reactivates the key") } == true)
        let restored = try await PlanExecutor(backend: aws, backups: BackupStore(directory: directory)).apply(rollback)
        #expect(restored.backupPath != nil, "a rollback saves what it replaces too")
        #expect(aws.writes.suffix(4) == ["ModifyVpcEndpoint \(Fixtures.endpoint)", "DeleteBucketPolicy customer-records",
                                         "PutBucketPolicy sensitive-data-bucket", "UpdateAccessKey \(Fixtures.janeKey)"])
        #expect(aws.keys[0].status == "Active")
        #expect(aws.bucketPolicies["customer-records"] == nil)
        let policy = try PolicyDocument(text: try #require(aws.bucketPolicies["sensitive-data-bucket"]), source: "after")
        #expect(policy.isEquivalent(to: try PolicyDocument(text: Fixtures.existingPolicy, source: "before")))
        let endpointPolicy = try PolicyDocument(text: try #require(aws.endpoints[Fixtures.endpoint]?.policy), source: "after")
        #expect(endpointPolicy.isEquivalent(to: try PolicyDocument(text: try #require(original), source: "before")))

        // Rolling back again changes nothing.
        let second = try await RollbackPlanner(backend: aws, region: "us-east-1").plan(backup, path: backupPath)
        #expect(second.isEmpty)
    }

    @Test("a backup file is never overwritten: a second save in the same second gets a new name")
    func neverOverwrites() throws {
        let directory = Fixtures.temporaryDirectory()
        let plan = ResponsePlan(kind: .contain, title: "t", region: "us-east-1", incidentID: "INC-1",
                                changes: [PlannedChange(target: .bucketPolicy(bucket: "b"), summary: "s", before: nil, after: ["Statement": []])])
        let now = Date(timeIntervalSince1970: 1_771_821_900)
        let store = BackupStore(directory: directory)
        let first = try store.save(Backup(plan: plan), now: now)
        let second = try store.save(Backup(plan: plan), now: now)
        #expect(first.hasSuffix("/s3hound-contain-INC-1-20260223T044500Z.json"))
        #expect(second.hasSuffix("/s3hound-contain-INC-1-20260223T044500Z-2.json"))
    }

    @Test("a resource changed between plan and apply is not written (drift)")
    func drift() async throws {
        let aws = Fixtures.account()
        let plan = try await ContainmentPlanner(backend: aws, region: "us-east-1").plan(request)
        aws.bucketPolicies["sensitive-data-bucket"] = #"{"Statement":[]}"#
        let failure = await #expect(throws: PlanExecutor.Failure.self) {
            _ = try await PlanExecutor(backend: aws, backups: BackupStore(directory: Fixtures.temporaryDirectory())).apply(plan)
        }
        #expect((failure?.underlying as? ResponseError)?.isDrift == true)
        #expect(failure?.applied.count == 1)
        #expect(aws.bucketPolicies["sensitive-data-bucket"] == #"{"Statement":[]}"#)
    }

    @Test("a failure part-way says what was changed and how to undo it")
    func partialFailure() async throws {
        let aws = Fixtures.account()
        aws.failingAPI = "ModifyVpcEndpoint"
        let plan = try await ContainmentPlanner(backend: aws, region: "us-east-1").plan(request)
        let failure = await #expect(throws: PlanExecutor.Failure.self) {
            _ = try await PlanExecutor(backend: aws, backups: BackupStore(directory: Fixtures.temporaryDirectory())).apply(plan)
        }
        let text = failure?.description ?? ""
        #expect(text.contains("Policy of VPC endpoint \(Fixtures.endpoint): ModifyVpcEndpoint failed"))
        #expect(text.contains("Already changed: Access key AKIA…WXYZ of IAM user developer-jane; Bucket policy of sensitive-data-bucket; Bucket policy of customer-records."))
        #expect(text.contains("s3hound rollback ") && text.contains(" --apply"))
        #expect(!text.contains(Fixtures.janeKey))
    }

    @Test("rollback refuses a backup of another account or region")
    func rollbackChecksAccount() async throws {
        let aws = Fixtures.account()
        let plan = try await ContainmentPlanner(backend: aws, region: "us-east-1").plan(request)
        var backup = Backup(plan: plan)
        backup.account = "999988887777"
        let error = await #expect(throws: ResponseError.self) { try await RollbackPlanner(backend: aws, region: "us-east-1").plan(backup, path: "b.json") }
        #expect(error?.isRefusal == true && error?.message.contains("--profile") == true)
        backup.account = "123456789012"
        await #expect(throws: ResponseError.self) { try await RollbackPlanner(backend: aws, region: "eu-west-1").plan(backup, path: "b.json") }
    }

    @Test("rollback warns when a resource changed after the apply")
    func rollbackWarnsAboutLaterEdits() async throws {
        let aws = Fixtures.account()
        let (_, outcome) = try await contain(aws, directory: Fixtures.temporaryDirectory())
        let backup = try BackupStore.load(path: try #require(outcome.backupPath))
        aws.bucketPolicies["customer-records"] = #"{"Version":"2012-10-17","Statement":[{"Sid":"Later","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::customer-records/*"}]}"#
        let rollback = try await RollbackPlanner(backend: aws, region: "us-east-1").plan(backup, path: "b.json")
        let change = try #require(rollback.changes.first { $0.target == .bucketPolicy(bucket: "customer-records") })
        #expect(change.warnings.contains { $0.contains("undoes those later edits") })
    }

    @Test("a file that is not a backup is refused with what to pass instead")
    func notABackup() throws {
        let path = Fixtures.temporaryDirectory() + "/report.json"
        try Data(#"{"schema": "s3hound.hunt.v1"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect { try BackupStore.load(path: path) } throws: { error in
            (error as? ResponseError)?.message.contains("is not an S3Hound backup") == true
        }
    }
}
