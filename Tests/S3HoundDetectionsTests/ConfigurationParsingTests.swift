import Testing
import S3HoundCore
@testable import S3HoundDetections

@Suite("Reading configuration calls")
struct ConfigurationParsingTests {
    let ours: Set<String> = ["123456789012"]

    func grants(_ statements: String) -> [PolicyGrants.Grant] {
        let policy = ParsedJSON.parse("{\"Statement\":\(statements)}")!
        return PolicyGrants.risky(policy, ours: ours)
    }

    @Test("public statements are risky unless a positive condition pins callers down")
    func publicGrants() {
        #expect(grants("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}").first?.isPublic == true)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"s3:*\"}]").count == 1)
        #expect(grants("[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"}]").isEmpty)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}}]").isEmpty)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\"]}}}]").isEmpty)
        // Conditions that do not restrict: open address ranges, negations, unrelated keys.
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}}]").count == 1)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}]").count == 1)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]").count == 1)
        #expect(grants("[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\"}]").first?.isPublic == true)
    }

    @Test("principals and account conditions of other accounts are foreign; ours and services are not")
    func accountGrants() {
        let foreign = grants("[{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::999988887777:role/r\",\"arn:aws:iam::123456789012:root\"]},\"Action\":\"s3:GetObject\"}]")
        #expect(foreign.map(\.grantees) == [["999988887777"]])
        #expect(foreign.first?.phrase.contains("statement 'x' allows s3:GetObject to account 999988887777") == true)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},\"Action\":\"s3:GetObject\"}]").count == 1)
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:PutObject\"}]").isEmpty)
        let viaCondition = grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":[\"999988887777\"]}}}]")
        #expect(viaCondition.first?.grantees == ["999988887777"])
        #expect(grants("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"123456789012\"}}}]").isEmpty)
    }

    @Test("the policy is found as an object or as a JSON string")
    func policyShapes() throws {
        let embedded = try #require(ParsedJSON.parse("{\"bucketName\":\"b\",\"bucketPolicy\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"s3:GetObject\\\"}]}\"}"))
        #expect(PolicyGrants.policy(in: embedded).map { PolicyGrants.risky($0, ours: ours).count } == 1)
        let nested = try #require(ParsedJSON.parse("{\"PutAccessPointPolicyRequest\":{\"Policy\":{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\"}}}}"))
        #expect(PolicyGrants.policy(in: nested).map { PolicyGrants.risky($0, ours: ours).count } == 1)
    }

    @Test("ACL grants to AllUsers, AuthenticatedUsers, e-mail and other canonical users are risky")
    func acls() throws {
        let body = try #require(ParsedJSON.parse("{\"AccessControlPolicy\":{\"AccessControlList\":{\"Grant\":[{\"Grantee\":{\"ID\":\"owner\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"ID\":\"someone-else\"},\"Permission\":\"READ\"},{\"Grantee\":{\"EmailAddress\":\"x@example.com\"},\"Permission\":\"WRITE\"},{\"Grantee\":{\"URI\":\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"},\"Permission\":\"READ\"}]},\"Owner\":{\"ID\":\"owner\"}}}"))
        let found = AclGrants.risky(body)
        #expect(found.count == 3)
        #expect(found.last == "READ to AuthenticatedUsers (any AWS account)")
        let header = try #require(ParsedJSON.parse("{\"x-amz-grant-read\":\"uri=\\\"http://acs.amazonaws.com/groups/global/AllUsers\\\"\"}"))
        #expect(AclGrants.risky(header) == ["READ to AllUsers (everyone)"])
        #expect(AclGrants.risky(try #require(ParsedJSON.parse("{\"x-amz-acl\":\"private\"}"))).isEmpty)
    }

    @Test("event selectors: S3 object reads logged or not")
    func selectors() throws {
        func covers(_ text: String) -> Bool? { EventSelectorCoverage.logsObjectReads(ParsedJSON.parse(text)!) }
        #expect(covers("{\"eventSelectors\":[{\"readWriteType\":\"All\",\"dataResources\":[{\"type\":\"AWS::S3::Object\",\"values\":[\"arn:aws:s3\"]}]}]}") == true)
        #expect(covers("{\"eventSelectors\":[{\"readWriteType\":\"WriteOnly\",\"dataResources\":[{\"type\":\"AWS::S3::Object\",\"values\":[\"arn:aws:s3\"]}]}]}") == false)
        #expect(covers("{\"eventSelectors\":[{\"readWriteType\":\"All\",\"dataResources\":[{\"type\":\"AWS::Lambda::Function\",\"values\":[\"arn:aws:lambda\"]}]}]}") == false)
        #expect(covers("{\"advancedEventSelectors\":[{\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Management\"]}]}]}") == false)
        #expect(covers("{\"advancedEventSelectors\":[{\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]},{\"field\":\"resources.type\",\"equals\":[\"AWS::S3::Object\"]},{\"field\":\"eventName\",\"notEquals\":[\"GetObject\"]}]}]}") == false)
        #expect(covers("{\"AdvancedEventSelectors\":[{\"FieldSelectors\":[{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]},{\"Field\":\"readOnly\",\"Equals\":[\"true\"]}]}]}") == true)
        #expect(covers("{\"trailName\":\"t\"}") == nil)
    }

    @Test("key patterns match file names, path suffixes, ignoring case")
    func keyPatterns() {
        let patterns = DetectionConfiguration.defaultCredentialKeyPatterns
        #expect(patterns.firstMatch(key: "home/jane/.aws/credentials") == ".aws/credentials")
        #expect(patterns.firstMatch(key: ".aws/credentials") == ".aws/credentials")
        #expect(patterns.firstMatch(key: "keys/PROD.PEM") == "*.pem")
        #expect(patterns.firstMatch(key: "app/.env.production") == ".env.*")
        #expect(patterns.firstMatch(key: "backup/id_rsa") == "id_rsa")
        #expect(patterns.firstMatch(key: "backup/id_rsa.pub") == nil)
        #expect(patterns.firstMatch(key: "notaws/credentials") == nil)
        let notes = DetectionConfiguration.defaultRansomNotePatterns
        #expect(notes.firstMatch(key: "README_TO_RESTORE.txt") != nil)
        #expect(notes.firstMatch(key: "docs/README.md") == nil)
        #expect(glob(Array("a*b?c".utf8)[...], Array("aXXbYc".utf8)[...]))
        #expect(!glob(Array("a*b?c".utf8)[...], Array("aXXbc".utf8)[...]))
    }

    @Test("user-agent texts are found anywhere, ignoring case")
    func userAgents() {
        let list = DetectionConfiguration.defaultToolUserAgents
        #expect(list.firstMatch(in: "aws-cli/2.13.5 Linux/6.5.0-kali3-amd64") == "kali")
        #expect(list.firstMatch(in: "RCLONE/v1.65") == "rclone")
        #expect(list.firstMatch(in: "S3 Browser/11.5.7 https://s3browser.com") == "S3 Browser")
        #expect(list.firstMatch(in: "aws-sdk-java/2.25.11 Linux/6.1.79") == nil)
    }

    @Test("replication destinations: Account field, or the account in the bucket ARN")
    func replication() throws {
        let parameters = try #require(ParsedJSON.parse("{\"ReplicationConfiguration\":{\"Rule\":[{\"ID\":\"a\",\"Status\":\"Enabled\",\"Destination\":{\"Bucket\":\"arn:aws:s3:::x\",\"Account\":\"999988887777\"}},{\"ID\":\"b\",\"Status\":\"Enabled\",\"Destination\":{\"Bucket\":\"arn:aws:s3:::y\"}}]}}"))
        let destinations = ReplicationToForeignAccount.destinations(parameters)
        #expect(destinations.map(\.account) == ["999988887777", nil])
    }

    @Test("lifecycle: only whole-bucket rules within the limit")
    func lifecycle() throws {
        let rules = try #require(ParsedJSON.parse("{\"LifecycleConfiguration\":{\"Rule\":[{\"ID\":\"a\",\"Status\":\"Enabled\",\"Expiration\":{\"Days\":\"1\"}},{\"ID\":\"b\",\"Status\":\"Enabled\",\"Filter\":{\"And\":{\"Prefix\":\"\"}},\"Expiration\":{\"Days\":1}},{\"ID\":\"c\",\"Status\":\"Disabled\",\"Expiration\":{\"Days\":1}},{\"ID\":\"d\",\"Status\":\"Enabled\",\"Filter\":{},\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":1}}]}}"))
        #expect(ShortLifecycleExpiration.shortRules(rules, maximumDays: 1).count == 2)
        #expect(ShortLifecycleExpiration.shortRules(rules, maximumDays: 0).isEmpty)
    }

    @Test("a failed-only run is reported as an attempt, one level lower, and says so")
    func attempts() throws {
        let testCase = ReplicationToForeignAccount.cases[2]
        let finding = try #require(testCase.run(ReplicationToForeignAccount()).first)
        #expect(finding.severity == .medium)
        #expect(finding.failedCount == 1)
        #expect(finding.explanation.contains("attempts only, nothing changed"))
        #expect(finding.evidence["destinationAccount"] == "999988887777")
    }
}
