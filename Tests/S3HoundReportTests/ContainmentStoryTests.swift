import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct ContainmentStoryTests {
    private func commands(_ plan: ContainmentPlan) -> String { plan.steps.flatMap(\.commands).joined(separator: "\n") }

    @Test func instancesAreSnapshottedThenQuarantined() throws {
        let plan = ContainmentPlan(for: Fixtures.roleCopyIncident())
        let step = try #require(plan.steps.first { $0.title == "Isolate instance i-0abc and keep its disks" })
        #expect(plan.steps.firstIndex { $0.title == step.title } == 2, "right after revoking sessions and preserving evidence")
        let all = step.commands.joined(separator: "\n")
        #expect(all.contains("aws ec2 create-snapshots --instance-specification 'InstanceId=i-0abc'"))
        #expect(all.contains("aws ec2 modify-instance-attribute --instance-id 'i-0abc' --groups sg-QUARANTINE_ID"))
        #expect(all.contains("> 'i-0abc.before.json'"))
        #expect(all.contains("# Rollback:"))
        let snapshot = try #require(step.commands.firstIndex { $0.contains("create-snapshots") })
        let quarantine = try #require(step.commands.firstIndex { $0.contains("modify-instance-attribute") })
        #expect(snapshot < quarantine)
        #expect(!commands(ContainmentPlan(for: Fixtures.janeIncident())).contains("create-snapshots"))
    }

    @Test func sensitiveDataReadGoesToPrivacyAndLegal() throws {
        let plan = ContainmentPlan(for: Fixtures.janeIncident())
        let step = try #require(plan.steps.first { $0.title == "Tell your privacy and legal team what sensitive data was read" })
        #expect(step.why.contains("Macie found Personal information (PII): email address (9,872), US Social Security number (1,204); Financial information: credit card number (311) in customer-records, finance-exports; the incident read 3,660 of the flagged objects."))
        #expect(step.commands == ["aws macie2 get-findings --finding-ids 'macie-0001' 'macie-0002' 'macie-0003' --query 'findings[*].{Type:type,Severity:severity.description,Bucket:resourcesAffected.s3Bucket.name,Key:resourcesAffected.s3Object.key,SensitiveDataTypes:classificationDetails.result.sensitiveData[*].category}' --output table"])
    }

    @Test func withoutMacieAClassificationJobIsPlanned() throws {
        let plan = ContainmentPlan(for: Fixtures.janeIncident(story: false))
        let step = try #require(plan.steps.first { $0.title.hasPrefix("Find out what sensitive data") })
        #expect(step.commands[0] == "aws macie2 create-classification-job --job-type ONE_TIME --name 'exfiltration-investigation-INC-20260223-4f2a9c' --s3-job-definition '{\"bucketDefinitions\": [{\"accountId\": \"123456789012\", \"buckets\": [\"sensitive-data-bucket\", \"customer-records\", \"finance-exports\"]}]}'")
        #expect(step.commands[1].hasPrefix("aws macie2 list-findings --finding-criteria '{\"criterion\": {\"category\": {\"eq\": [\"CLASSIFICATION\"]}"))
        // Macie was read and flagged nothing: nothing to plan.
        var assessed = Fixtures.janeIncident(story: false)
        assessed.story.sources = ["cloudTrail", "macie"]
        #expect(!ContainmentPlan(for: assessed).steps.contains { $0.title.contains("sensitive data") })
    }

    @Test func hostileStoryValuesStayQuoted() {
        let all = commands(ContainmentPlan(for: Fixtures.hostileIncident()))
        #expect(all.contains("--instance-id 'i-0abc\"><script>alert(3)</script>'"))
        #expect(!all.contains("\u{1B}"))
    }
}
