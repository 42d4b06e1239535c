import Foundation
import Testing
@testable import S3HoundAWS

/// The protocol layer without a server: XML reading, error bodies of every protocol, Query form encoding,
/// raw JSON slicing, pagination.
@Suite struct ProtocolTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret")

    @Test func xmlTreeReadsPathsListsAndEntities() throws {
        let tree = try XMLTree.parse(Data("""
            <?xml version="1.0"?><ListAccessKeysResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
            <ListAccessKeysResult><AccessKeyMetadata><member><AccessKeyId>AKIA1</AccessKeyId></member>
            <member><AccessKeyId>AKIA2</AccessKeyId></member></AccessKeyMetadata>
            <Doc>{&quot;a&quot;:&quot;&lt;b&gt;&quot;}</Doc><Raw><![CDATA[x<y]]></Raw></ListAccessKeysResult></ListAccessKeysResponse>
            """.utf8))
        let result = try #require(tree.child("ListAccessKeysResult"))
        #expect(result.list("AccessKeyMetadata", item: "member").compactMap { $0.value("AccessKeyId") } == ["AKIA1", "AKIA2"])
        #expect(result.value("Doc") == #"{"a":"<b>"}"#)
        #expect(result.value("Raw") == "x<y")
        #expect(result.value("Missing/Path") == nil)
        #expect(throws: XMLTreeError.self) { try XMLTree.parse(Data("<a><b></a>".utf8)) }
    }

    @Test(arguments: [
        ("<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user cannot be found.</Message></Error><RequestId>q-1</RequestId></ErrorResponse>",
         "NoSuchEntity", "The user cannot be found.", "q-1"),
        ("<Response><Errors><Error><Code>InvalidVpcEndpointId.NotFound</Code><Message>The Vpc Endpoint Id 'vpce-1' does not exist</Message></Error></Errors><RequestID>e-1</RequestID></Response>",
         "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id 'vpce-1' does not exist", "e-1"),
        ("<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><RequestId>s-1</RequestId></Error>",
         "NoSuchBucketPolicy", "The bucket policy does not exist", "s-1"),
        (#"{"__type":"com.amazonaws.cloudtrail.v20131101#TrailNotFoundException","message":"Unknown trail"}"#,
         "TrailNotFoundException", "Unknown trail", nil),
        (#"  {"__type":"ResourceNotFoundException","Message":"Rule r does not exist."}"#,
         "ResourceNotFoundException", "Rule r does not exist.", nil),
        (#"{"code":"ValidationException:http://internal","message":"bad"}"#, "ValidationException", "bad", nil),
    ] as [(String, String, String, String?)])
    func errorBodiesOfEveryProtocol(body: String, code: String, message: String, requestID: String?) {
        let error = AWSErrorResponse.error(from: HTTPResponse(statusCode: 400, body: Data(body.utf8)), api: "X.Y", permission: nil)
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(error.requestID == requestID)
    }

    @Test func emptyOrHTMLErrorBodiesFallBackToTheStatus() {
        let html = HTTPResponse(statusCode: 503, headers: ["x-amzn-RequestId": "h-1"], body: Data("<html><body>Service Unavailable".utf8))
        let error = AWSErrorResponse.error(from: html, api: "SNS.ListTopics", permission: nil)
        #expect(error.code == "ServiceUnavailable")
        #expect(error.requestID == "h-1")
        #expect(AWSErrorResponse.error(from: HTTPResponse(statusCode: 403), api: "A.B", permission: nil).code == "AccessDenied")
    }

    @Test func accessDeniedHintNamesThePermissionForEveryService() {
        let iam = AWSError(api: "IAM.UpdateAccessKey", statusCode: 403, code: "AccessDenied", message: "denied",
                           permission: "iam:UpdateAccessKey")
        #expect(iam.hint == "grant `iam:UpdateAccessKey` to the caller in an IAM policy, and check permission boundaries and SCPs")
        let ec2 = AWSError(api: "EC2.ModifyVpcEndpoint", statusCode: 403, code: "UnauthorizedOperation", message: "no",
                           permission: "ec2:ModifyVpcEndpoint")
        #expect(ec2.description.contains("Fix: grant `ec2:ModifyVpcEndpoint` to the caller"))
        let s3 = AWSError(api: "S3.PutBucketPolicy", statusCode: 403, code: "AccessDenied", message: "no",
                          permission: "s3:PutBucketPolicy on arn:aws:s3:::b")
        #expect(s3.hint?.contains("bucket policies") == true)
    }

    @Test func queryParametersEncodeListsAndReservedCharacters() {
        var parameters = QueryParameters([("Action", "PutUserPolicy")])
        parameters.addMembers("AlarmNames", ["a b", "c/d"])
        parameters.addFlattened("VpcEndpointId", ["vpce-1", "vpce-2"])
        parameters.add("Missing", String?.none)
        parameters.add("Flag", true)
        parameters.add("PolicyDocument", #"{"A":"s3:*+="}"#)
        #expect(parameters.formBody == "Action=PutUserPolicy&AlarmNames.member.1=a%20b&AlarmNames.member.2=c%2Fd"
                + "&VpcEndpointId.1=vpce-1&VpcEndpointId.2=vpce-2&Flag=true&PolicyDocument=%7B%22A%22%3A%22s3%3A%2A%2B%3D%22%7D")
    }

    @Test func rawJSONArrayKeepsEachElementsBytes() throws {
        let text = #"{"other":{"findings":[1]},"a\"b":"]","findings":[ {"x":"} ]\"","n":[1,[2]]} , 5.0,"s",null,true ]}"#
        let elements = try RawJSONArray.elements(ofMember: "findings", in: Data(text.utf8))
        #expect(elements.map { String(decoding: $0, as: UTF8.self) } == [#"{"x":"} ]\"","n":[1,[2]]}"#, "5.0", #""s""#, "null", "true"])
        #expect(try RawJSONArray.elements(ofMember: "findings", in: Data(#"{"findings":null}"#.utf8)).isEmpty)
        #expect(try RawJSONArray.elements(ofMember: "findings", in: Data(#"{"unprocessedFindings":[]}"#.utf8)).isEmpty)
        #expect(throws: RawJSONArray.SyntaxError.self) { try RawJSONArray.elements(ofMember: "findings", in: Data(#"{"findings":[{"a":1}"#.utf8)) }
        #expect(throws: RawJSONArray.SyntaxError.self) { try RawJSONArray.elements(ofMember: "findings", in: Data("[]".utf8)) }
    }

    @Test func iamListAccessKeysFollowsMarkers() async throws {
        func page(_ ids: [String], marker: String?) -> HTTPResponse {
            let members = ids.map { "<member><UserName>bob</UserName><AccessKeyId>\($0)</AccessKeyId><Status>Active</Status></member>" }.joined()
            let more = marker.map { "<IsTruncated>true</IsTruncated><Marker>\($0)</Marker>" } ?? "<IsTruncated>false</IsTruncated>"
            return HTTPResponse(statusCode: 200, body: Data("<ListAccessKeysResponse><ListAccessKeysResult><AccessKeyMetadata>\(members)</AccessKeyMetadata>\(more)</ListAccessKeysResult></ListAccessKeysResponse>".utf8))
        }
        let transport = InMemoryTransport([page(["AKIA1"], marker: "m/1+"), page(["AKIA2"], marker: nil)])
        let keys = try await IAMClient(credentials: Self.credentials, transport: transport).listAccessKeys(userName: "bob")
        #expect(keys.map(\.accessKeyID) == ["AKIA1", "AKIA2"])
        #expect(keys.allSatisfy { $0.status == .active && $0.userName == "bob" })
        let second = await transport.requests[1]
        #expect(String(decoding: second.body, as: UTF8.self) == "Action=ListAccessKeys&Version=2010-05-08&UserName=bob&Marker=m%2F1%2B")
    }

    @Test func aTokenSeenTwiceStopsPagination() async throws {
        let page = HTTPResponse(statusCode: 200, body: Data(#"{"Targets":[],"NextToken":"same"}"#.utf8))
        let transport = InMemoryTransport([page, page, page])
        let client = EventBridgeClient(credentials: Self.credentials, region: "us-east-1", transport: transport)
        let error = await #expect(throws: AWSError.self) { _ = try await client.listTargetsByRule(rule: "r") }
        #expect(error?.code == "MalformedResponse")
        #expect(await transport.requests.count == 2)
    }

    @Test func malformedJSONOutputNamesTheAPI() async throws {
        let transport = InMemoryTransport([HTTPResponse(statusCode: 200, body: Data(#"{"Trail":{"NoName":1}}"#.utf8))])
        let client = CloudTrailClient(credentials: Self.credentials, region: "us-east-1", transport: transport)
        let error = await #expect(throws: AWSError.self) { _ = try await client.getTrail(name: "t") }
        #expect(error?.api == "CloudTrail.GetTrail")
        #expect(error?.code == "MalformedResponse")
    }

    @Test func guardDutyUpdateUsesFeaturesOrLegacyDataSources() throws {
        let encoder = AWSJSON.encoder()
        #expect(String(decoding: try encoder.encode(GuardDutyDetectorUpdate.s3Protection(enabled: true)), as: UTF8.self)
                == #"{"features":[{"name":"S3_DATA_EVENTS","status":"ENABLED"}]}"#)
        #expect(String(decoding: try encoder.encode(GuardDutyDetectorUpdate.legacyS3Logs(enabled: false)), as: UTF8.self)
                == #"{"dataSources":{"s3Logs":{"enable":false}}}"#)
    }

    @Test func cloudTrailSelectorsUseAWSMemberNames() throws {
        let selector = CloudTrailEventSelector(readWriteType: .readOnly, includeManagementEvents: false,
                                               dataResources: [.init(type: "AWS::S3::Object", values: ["arn:aws:s3"])])
        #expect(String(decoding: try AWSJSON.encoder().encode(selector), as: UTF8.self)
                == #"{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}],"IncludeManagementEvents":false,"ReadWriteType":"ReadOnly"}"#)
        let advanced = try AWSJSON.decoder().decode(CloudTrailAdvancedEventSelector.self, from: Data(
            #"{"Name":"reads","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"readOnly","Equals":["true"]}]}"#.utf8))
        #expect(advanced.fieldSelectors.map(\.field) == ["eventCategory", "readOnly"])
    }
}
