import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct ContainmentPlanTests {
    private func commands(_ plan: ContainmentPlan) -> String { plan.steps.flatMap(\.commands).joined(separator: "\n") }

    @Test func iamUserKeyIsDeactivatedBySuffixWithoutPrintingIt() {
        let plan = ContainmentPlan(for: Fixtures.janeIncident())
        let first = plan.steps[0]
        #expect(first.title == "Deactivate access key AKIA…WXYZ of developer-jane")
        #expect(first.commands == [
            "aws iam update-access-key --user-name 'developer-jane' --status Inactive --access-key-id \"$(aws iam list-access-keys --user-name 'developer-jane' --query \"AccessKeyMetadata[?ends_with(AccessKeyId,'WXYZ')].AccessKeyId\" --output text)\"",
        ])
        let all = commands(plan)
        #expect(!all.contains(Fixtures.janeKey))
        #expect(all.contains("aws iam delete-login-profile --user-name 'developer-jane'"))
        #expect(all.contains("aws iam deactivate-mfa-device --user-name 'developer-jane'"))
        #expect(all.contains("aws iam list-access-keys --user-name 'developer-jane' --query 'AccessKeyMetadata[].[Status,CreateDate]'"))
        #expect(all.contains("'CreateAccessKey'") && all.contains("aws iam list-users"))
        #expect(all.contains("trufflehog git"))
        #expect(all.contains("'AKIA[A-Z0-9]{12}WXYZ'"))
        #expect(!all.contains("put-role-policy"))
    }

    @Test func everyBucketGetsASaveMergeApplyPolicyChange() {
        let all = commands(ContainmentPlan(for: Fixtures.janeIncident()))
        for bucket in Fixtures.buckets {
            #expect(all.contains("aws s3api get-bucket-policy --bucket '\(bucket)' --query Policy --output text > '\(bucket).policy.before.json'"))
            #expect(all.contains("aws s3api put-bucket-policy --bucket '\(bucket)' --policy 'file://\(bucket).policy.after.json'"))
            #expect(all.contains("\"Resource\": \"arn:aws:s3:::\(bucket)/*\""))
        }
        #expect(all.contains("\"Sid\": \"DenyNonVpcAccess\""))
        #expect(all.contains("{\"StringNotEquals\": {\"aws:sourceVpce\": \"vpce-ENDPOINT_ID\"}}"))
        #expect(all.contains("\"aws:SourceIp\": [\"185.220.101.47/32\"]"))
        #expect(all.contains("--cidr-block '185.220.101.47/32'"))
        #expect(all.contains("aws s3 sync 's3://TRAIL_BUCKET/AWSLogs/123456789012/CloudTrail/'"))
    }

    @Test func assumedRoleSessionsAreRevokedByTokenIssueTime() {
        let plan = ContainmentPlan(for: Fixtures.roleCopyIncident())
        let first = plan.steps[0]
        #expect(first.title == "Revoke the active sessions of role etl-runner")
        #expect(first.commands[0] == "aws iam put-role-policy --role-name 'etl-runner' --policy-name AWSRevokeOlderSessions --policy-document '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": [\"*\"], \"Resource\": [\"*\"], \"Condition\": {\"DateLessThan\": {\"aws:TokenIssueTime\": \"2026-02-23T03:25:30Z\"}}}]}'")
        let all = commands(plan)
        #expect(!all.contains("update-access-key"))
        #expect(!all.contains("delete-login-profile"))
        #expect(!all.contains("trufflehog"))
        #expect(all.contains("aws iam get-role --role-name 'etl-runner'"))
    }

    @Test func crossAccountCopiesAreBlockedAndReported() {
        let plan = ContainmentPlan(for: Fixtures.roleCopyIncident())
        let all = commands(plan)
        #expect(all.contains("# Copied into bucket 'exfil-drop-bucket' of account '999988887777'"))
        #expect(all.contains("aws iam put-role-policy --role-name 'etl-runner' --policy-name S3HoundDenyForeignWrites"))
        #expect(all.contains("\"s3:ResourceAccount\": [\"123456789012\"]"))
        #expect(all.contains("aws organizations create-policy --type SERVICE_CONTROL_POLICY"))
        #expect(plan.steps.contains { $0.title == "Report account 999988887777 to AWS" })
        // The destination bucket is not ours: no policy change is planned on it.
        #expect(!all.contains("--bucket 'exfil-drop-bucket'"))
    }

    @Test func privateAddressesAreTracedNotBlocked() {
        var incident = Fixtures.janeIncident()
        incident.sourceIPs = [SourceIPActivity(ip: "10.0.2.15", requests: 12_847, newForPrincipal: true)]
        let all = commands(ContainmentPlan(for: incident))
        #expect(all.contains("aws ec2 describe-network-interfaces --filters 'Name=addresses.private-ip-address,Values=10.0.2.15'"))
        #expect(!all.contains("create-network-acl-entry"))
        #expect(!all.contains("aws:SourceIp"))
    }

    @Test func hostileValuesNeverRunAndPolicyJSONStaysValid() throws {
        let plan = ContainmentPlan(for: Fixtures.hostileIncident())
        let stubs = "aws() { :; }; jq() { :; }; trufflehog() { :; }; git() { :; }; xargs() { :; }; grep() { :; }; find() { :; }; mkdir() { :; }"
        let script = ([stubs] + plan.steps.flatMap(\.commands)).joined(separator: "\n")
        let (_, directory) = try runShell(script)
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!written.contains { $0.hasPrefix("pwned") })
        // The statements written for the hostile bucket are valid JSON naming it, escaped.
        let addFile = try #require(written.first { $0.hasPrefix("drop") && $0.hasSuffix(".policy.add.json") })
        let lines = try String(contentsOf: directory.appendingPathComponent(addFile), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let statement = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(statement["Sid"] != nil)
        }
        #expect(!written.contains { $0.contains("/") || $0.hasPrefix(".") })
        let all = commands(plan)
        #expect(!all.contains("\u{1B}"))
        #expect(!all.contains("\u{202E}"))
        #expect(all.contains("--user-name " + ShellQuote.argument(Fixtures.hostileUser)))
    }

    @Test func unknownPrincipalGetsAManualStep() {
        var incident = Fixtures.janeIncident()
        incident.principal = "AIDAEXAMPLE"
        incident.identityType = "FederatedUser"
        let plan = ContainmentPlan(for: incident)
        #expect(plan.steps[0].title == "Identify and disable the credentials of AIDAEXAMPLE")
        #expect(plan.steps[0].commands.isEmpty)
    }

    @Test func rootAndAnonymousCallersGetTheirOwnFirstStep() {
        var root = Fixtures.janeIncident()
        root.principal = "arn:aws:iam::123456789012:root"
        root.identityType = "Root"
        #expect(ContainmentPlan(for: root).steps[0].title == "Secure the root user of account 123456789012")

        var anonymous = Fixtures.janeIncident()
        anonymous.principal = "ANONYMOUS_PRINCIPAL"
        anonymous.identityType = "AnonymousPrincipal"
        anonymous.accessKeyIds = []
        let plan = ContainmentPlan(for: anonymous)
        #expect(plan.steps[0].title == "Block public access to the buckets read anonymously")
        #expect(plan.steps[0].commands.contains("aws s3api put-public-access-block --bucket 'finance-exports' --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"))
        #expect(!plan.steps.contains { $0.title.hasPrefix("Search code") })
    }
}
