import Foundation
import S3HoundCore
import S3HoundSimulator
import Testing

@Suite("Ground truth of the catalog scenarios")
struct CatalogGroundTruthTests {
    /// The records of the attack: from the truth's source IP (and its user agent, when the truth names one).
    static func attackRecords(_ fixture: SimulationFixture, _ truth: AttackTruth) throws -> [[String: Any]] {
        try fixture.allRecords().filter {
            $0.string("sourceIPAddress") == truth.sourceIP && (truth.userAgent == nil || $0.string("userAgent") == truth.userAgent)
        }
    }

    /// Checks what every scenario's truth must say of its records: principal, key, counts, bytes, window, buckets.
    static func checkCommonFacts(_ scenario: Scenario, attackObjects: Int? = nil) throws -> (SimulationFixture, AttackTruth, [[String: Any]]) {
        let fixture = try SimulationFixture.write(scenario, days: 4, scale: 0.1, attackObjects: attackObjects)
        let truth = try #require(fixture.result.groundTruth.attack)
        #expect(fixture.result.groundTruth.scenario == scenario)
        let records = try attackRecords(fixture, truth)
        #expect(!records.isEmpty)
        let principals = Set(records.map { $0.string("userIdentity.sessionContext.sessionIssuer.arn") ?? $0.string("userIdentity.arn") ?? "" })
        #expect(principals == [truth.principal])
        #expect(Set(records.compactMap { $0.string("userIdentity.arn") }) == [truth.arn])
        #expect(Set(records.compactMap { $0.string("userIdentity.accessKeyId") }) == [truth.accessKeyId])
        let taken = records.filter { $0.string("eventName") == truth.eventName && $0.string("errorCode") == nil }
        #expect(taken.count == truth.objects && truth.objects >= 1)
        #expect(taken.reduce(Int64(0)) { $0 + ($1.count("additionalEventData.bytesTransferredOut") ?? 0) } == truth.bytes)
        let times = records.compactMap(\.eventTime)
        #expect(times.min() == truth.windowStart && times.max() == truth.windowEnd)
        let buckets = Set(records.filter { $0.string("errorCode") == nil }.compactMap { $0.string("requestParameters.bucketName") })
        #expect(buckets.sorted() == truth.buckets)
        #expect(records.filter { $0.string("errorCode") == "AccessDenied" }.count == truth.failedAttempts)
        #expect(!truth.expectedDetections.isEmpty && Set(truth.findingResources.keys) == Set(truth.expectedDetections))
        // Nobody in the benign weeks calls like the attacker.
        let before = try fixture.allRecords().filter { ($0.eventTime?.dayIndex ?? 0) < truth.windowStart.dayIndex }
        #expect(!before.contains { $0.string("sourceIPAddress") == truth.sourceIP && (truth.userAgent == nil || $0.string("userAgent") == truth.userAgent) })
        return (fixture, truth, records)
    }

    @Test("batch-operations-job: one CreateJob copying into exfil-drop-bucket, over a manifest the attacker uploaded")
    func batchOperationsJob() throws {
        let (fixture, truth, records) = try Self.checkCommonFacts(.batchOperationsJob)
        defer { fixture.remove() }
        #expect(truth.eventName == "CreateJob" && truth.objects == 1 && truth.destinationBucket == "exfil-drop-bucket")
        #expect(truth.expectedDetections.contains("cloudtrail.batch-operations-job"))
        let job = try #require(records.first { $0.string("eventName") == "CreateJob" })
        #expect(job.string("eventSource") == "s3.amazonaws.com" && job["managementEvent"] as? Bool == true)
        #expect(job.string("requestParameters.CreateJobRequest.Operation.S3PutObjectCopy.TargetResource") == "arn:aws:s3:::exfil-drop-bucket")
        let manifest = try #require(job.string("requestParameters.CreateJobRequest.Manifest.Location.ObjectArn"))
        #expect(records.contains { $0.string("eventName") == "PutObject" && "arn:aws:s3:::customer-records/" + ($0.string("requestParameters.key") ?? "") == manifest })
        let jobId = try #require(job.string("responseElements.CreateJobResult.JobId"))
        #expect(records.filter { $0.string("eventName") == "DescribeJob" }.allSatisfy { $0.string("requestParameters.id") == jobId && $0["readOnly"] as? Bool == true })
        #expect(job.string("tlsDetails.clientProvidedHostHeader") == "123456789012.s3-control.us-east-1.amazonaws.com")
    }

    @Test("datasync-task: locations for customer-records and the foreign bucket, a task between them, started")
    func dataSyncTask() throws {
        let (fixture, truth, records) = try Self.checkCommonFacts(.dataSyncTask)
        defer { fixture.remove() }
        #expect(truth.eventName == "CreateTask" && truth.objects == 1 && truth.destinationBucket == "exfil-drop-bucket")
        let locations = records.filter { $0.string("eventName") == "CreateLocationS3" }
        #expect(locations.map { $0.string("requestParameters.S3BucketArn") } == ["arn:aws:s3:::customer-records", "arn:aws:s3:::exfil-drop-bucket"])
        #expect(locations.allSatisfy { $0.string("eventSource") == "datasync.amazonaws.com" })
        let task = try #require(records.first { $0.string("eventName") == "CreateTask" })
        #expect(task.string("requestParameters.SourceLocationArn") == locations[0].string("responseElements.LocationArn"))
        #expect(task.string("requestParameters.DestinationLocationArn") == locations[1].string("responseElements.LocationArn"))
        let start = try #require(records.first { $0.string("eventName") == "StartTaskExecution" })
        #expect(start.string("requestParameters.TaskArn") == task.string("responseElements.TaskArn"))
    }

    @Test("foreign-kms-key: the default encryption and every rewrite use the foreign account's key")
    func foreignKMSKey() throws {
        let (fixture, truth, records) = try Self.checkCommonFacts(.foreignKMSKey, attackObjects: 30)
        defer { fixture.remove() }
        let key = try #require(truth.kmsKeyId)
        #expect(key.hasPrefix("arn:aws:kms:us-east-1:999988887777:key/") && truth.objects == 30 && truth.eventName == "CopyObject")
        let copies = records.filter { $0.string("eventName") == "CopyObject" }
        #expect(copies.count == 30)
        #expect(copies.allSatisfy { $0.string("requestParameters.x-amz-server-side-encryption-aws-kms-key-id") == key && $0.string("additionalEventData.SSEApplied") == "SSE_KMS" })
        #expect(copies.allSatisfy { $0.string("requestParameters.x-amz-copy-source") == "customer-records/" + ($0.string("requestParameters.key") ?? "") })
        let encryption = try #require(records.first { $0.string("eventName") == "PutBucketEncryption" })
        #expect(encryption.string("requestParameters.ServerSideEncryptionConfiguration.Rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID") == key)
    }

    @Test("new-user-agent: Raj's usual address and key, a client he never used, at an hour he never works")
    func newUserAgent() throws {
        let (fixture, truth, records) = try Self.checkCommonFacts(.newUserAgent, attackObjects: 25)
        defer { fixture.remove() }
        #expect(truth.principal == "arn:aws:iam::123456789012:user/developer-raj" && truth.userAgent == "curl/8.5.0" && truth.objects == 25)
        #expect(truth.windowStart.hourOfDay == 21 && truth.windowEnd.hourOfDay == 21)
        #expect(records.allSatisfy { $0.string("userAgent") == "curl/8.5.0" })
        // Raj called from the same address before, always with Boto3.
        let history = try fixture.allRecords().filter { $0.string("userIdentity.arn") == truth.arn && ($0.eventTime?.dayIndex ?? 0) < truth.windowStart.dayIndex }
        #expect(!history.isEmpty && history.allSatisfy { $0.string("sourceIPAddress") == truth.sourceIP && $0.string("userAgent")?.hasPrefix("Boto3/") == true })
    }

    @Test("foreign-account-caller: a role of account 444455556666 lists and reads customer-records")
    func foreignAccountCaller() throws {
        let (fixture, truth, records) = try Self.checkCommonFacts(.foreignAccountCaller, attackObjects: 12)
        defer { fixture.remove() }
        #expect(truth.callerAccount == "444455556666" && truth.principal == "arn:aws:iam::444455556666:role/vendor-etl")
        #expect(records.allSatisfy { $0.string("userIdentity.accountId") == "444455556666" && $0.string("recipientAccountId") == "123456789012" })
        #expect(truth.buckets == ["customer-records"] && truth.objects == 12)
        #expect(try !fixture.allRecords().contains { $0.string("userIdentity.accountId") == "444455556666" && ($0.eventTime?.dayIndex ?? 0) < truth.windowStart.dayIndex })
    }

    @Test("the new catalog scenarios' records have the CloudTrail shape of their service")
    func serviceRecordShape() throws {
        let fixture = try SimulationFixture.write(.dataSyncTask, days: 1, scale: 0.05, attackObjects: nil)
        defer { fixture.remove() }
        for record in try fixture.allRecords() where record.string("eventSource") != "s3.amazonaws.com" {
            #expect(record.string("eventCategory") == "Management" && record["managementEvent"] as? Bool == true)
            #expect(record.string("tlsDetails.clientProvidedHostHeader") == "datasync.us-east-1.amazonaws.com")
            #expect(record["responseElements"] is [String: Any] && record.string("eventID")?.count == 36)
        }
    }
}
