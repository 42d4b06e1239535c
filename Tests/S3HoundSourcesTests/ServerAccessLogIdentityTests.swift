import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Who, where and how, from server access log fields")
struct ServerAccessLogIdentityTests {
    let base = ServerAccessLogLineBuilder()

    @Test("requesters: root, federated user, canonical id, service principal")
    func requesters() throws {
        let root = try parsedEvent(base.with { $0.requester = "arn:aws:iam::123456789012:root" }.text).identity
        #expect(root == CallerIdentity(type: "Root", arn: "arn:aws:iam::123456789012:root", accountId: "123456789012"))
        let federated = try parsedEvent(base.with { $0.requester = "arn:aws:sts::123456789012:federated-user/jane" }.text).identity
        #expect(federated.type == "FederatedUser")
        #expect(federated.accountId == "123456789012")
        let canonical = try parsedEvent(base.with { $0.requester = base.owner }.text).identity
        #expect(canonical == CallerIdentity(type: "CanonicalUser", principalId: base.owner))
        #expect(canonical.principal == base.owner)
        let service = try parsedEvent(base.with { $0.requester = "svc:logging.s3.amazonaws.com" }.text).identity
        #expect(service == CallerIdentity(type: "AWSService", invokedBy: "logging.s3.amazonaws.com"))
        let govCloud = try parsedEvent(base.with { $0.requester = "arn:aws-us-gov:sts::123456789012:assumed-role/reader/s1" }.text).identity
        #expect(govCloud.sessionIssuerArn == "arn:aws-us-gov:iam::123456789012:role/reader")
    }

    @Test("an access point request names the access point and its account")
    func accessPoint() throws {
        let event = try parsedEvent(base.with {
            $0.accessPointARN = "arn:aws:s3:eu-central-1:444455556666:accesspoint/partner-share"
            $0.hostHeader = "partner-share-444455556666.s3-accesspoint.eu-central-1.amazonaws.com"
        }.text)
        #expect(event.awsRegion == "eu-central-1")
        #expect(event.resources.last == EventResource(type: "AWS::S3::AccessPoint", arn: "arn:aws:s3:eu-central-1:444455556666:accesspoint/partner-share", accountId: "444455556666"))
        #expect(event.resources.count == 3)
    }

    @Test("the Region comes from the endpoint, not from a bucket named like a Region")
    func regions() throws {
        func region(_ host: String) throws -> String? { try parsedEvent(base.with { $0.hostHeader = host }.text).awsRegion }
        #expect(try region("s3.amazonaws.com") == nil)
        #expect(try region("s3-eu-west-1.amazonaws.com") == "eu-west-1")
        #expect(try region("customer-records.s3-website-us-east-1.amazonaws.com") == "us-east-1")
        #expect(try region("customer-records.s3-website.eu-central-1.amazonaws.com") == "eu-central-1")
        #expect(try region("s3.dualstack.ap-southeast-2.amazonaws.com") == "ap-southeast-2")
        #expect(try region("us-west-2.s3.amazonaws.com") == nil, "a bucket called us-west-2 is not a Region")
        #expect(try region("files.example.com") == nil)
        #expect(try region("data.s3.cn-north-1.amazonaws.com.cn") == "cn-north-1")
        let china = try parsedEvent(base.with { $0.hostHeader = "data.s3.cn-north-1.amazonaws.com.cn" }.text)
        #expect(china.resources.last?.arn == "arn:aws-cn:s3:::customer-records")
    }

    @Test("a line without a request ID gets a stable synthetic id")
    func syntheticID() throws {
        let line = base.with { $0.requestID = "-" }.text
        let first = try parsedEvent(line), again = try parsedEvent(line)
        #expect(first.eventID.hasPrefix("line-"))
        #expect(first.eventID == again.eventID)
        #expect(try parsedEvent(base.with { $0.requestID = "-"; $0.key = "other" }.text).eventID != first.eventID)
    }

    @Test("older lines without an authentication type still show presigned URLs")
    func presignedWithoutAuthenticationType() throws {
        let event = try parsedEvent(base.with {
            $0.requestURI = "\"GET /exports/a.csv?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1771826400&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D HTTP/1.1\""
            $0.fieldCount = 18
        }.text)
        #expect(event.authenticationMethod == "QueryString")
        #expect(event.host == nil)
        #expect(event.identity.accessKeyId == "AKIAIOSFODNN7EXAMPLE")
        let signedHeader = try parsedEvent(base.with {
            $0.requestURI = "\"GET /exports/a.csv?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE HTTP/1.1\""
        }.text)
        #expect(signedHeader.authenticationMethod == "AuthHeader")
        #expect(signedHeader.identity.accessKeyId == nil, "the key is only read from presigned URLs")
    }
}
