import Foundation
import Testing
@testable import S3HoundAWS

/// GuardDuty and Macie findings and CloudTrail LookupEvents, which moto 5.2.1 does not implement, against
/// `FakeAWSServer` speaking the documented wire format (REST-JSON and JSON 1.1). Each test checks what the client
/// sent — path, headers, body, a valid SigV4 signature — and what it made of the answer.
@Suite struct FakeFindingsTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAFAKEFAKEFAKEFAKE", secretAccessKey: "fake/secret+key")
    static let fast = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    static func factory(_ server: FakeAWSServer) -> AWSClientFactory {
        AWSClientFactory(credentials: credentials, region: "eu-west-1",
                         endpointOverrides: [.guardDuty: server.endpoint, .macie2: server.endpoint,
                                             .cloudTrail: server.endpoint],
                         retryPolicy: fast)
    }

    static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: ["Content-Type": "application/json"].merging(headers) { $1 },
                     body: Data(text.utf8))
    }

    /// Two raw findings as GuardDuty sends them: nested objects, escapes, a float that must stay `5.0`.
    static let guardDutyFinding1 = #"{"id":"f1","type":"Exfiltration:S3/AnomalousBehavior","severity":8.0,"resource":{"s3BucketDetails":[{"name":"customer-records"}]},"service":{"count":3,"action":{"actionType":"AWS_API_CALL"}},"title":"Anomalous \"GetObject\" calls","updatedAt":"2026-02-24T03:10:00.000Z"}"#
    static let guardDutyFinding2 = #"{ "id" : "f2", "type" : "Discovery:S3/TorIPCaller", "severity" : 5.0, "tags" : [ ], "note" : "brackets ] } in a string" }"#

    @Test func guardDutyFindingsAreListedByCriteriaInPagesAndFetchedRaw() async throws {
        let server = try FakeAWSServer { request in
            switch (request.method, request.path) {
            case ("POST", "/detector/d-1/findings"):
                if (request.json?["nextToken"] as? String) == "page/2+=" {
                    return Self.json(#"{"findingIds":["f3"]}"#)
                }
                return Self.json(#"{"findingIds":["f1","f2"],"nextToken":"page/2+="}"#)
            case ("POST", "/detector/d-1/findings/get"):
                let ids = request.json?["findingIds"] as? [String] ?? []
                let found = ids.map { $0 == "f1" ? Self.guardDutyFinding1 : $0 == "f2" ? Self.guardDutyFinding2 : #"{"id":"\#($0)"}"# }
                return Self.json(#"{ "findings" : [ "# + found.joined(separator: " ,\n ") + " ] }")
            default:
                return Self.json(#"{"message":"no route"}"#, status: 404)
            }
        }
        defer { server.stop() }
        let guardDuty = Self.factory(server).guardDuty()
        let since = Date(timeIntervalSince1970: 1_771_900_000.5)
        let ids = try await guardDuty.listFindings(detectorID: "d-1", criteria: FindingCriteria([
            "type": .equals(["Exfiltration:S3/AnomalousBehavior", "Discovery:S3/TorIPCaller"]),
            "updatedAt": .atOrAfter(since),
        ]))
        #expect(ids == ["f1", "f2", "f3"])

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(String(decoding: requests[0].body, as: UTF8.self)
                == #"{"findingCriteria":{"criterion":{"type":{"eq":["Exfiltration:S3/AnomalousBehavior","Discovery:S3/TorIPCaller"]},"updatedAt":{"gte":1771900000500}}},"maxResults":50}"#)
        #expect(requests[1].json?["nextToken"] as? String == "page/2+=")
        #expect(requests[0].headers["content-type"] == "application/json")
        #expect(requests.allSatisfy { $0.hasValidSignature(credentials: Self.credentials, region: "eu-west-1", service: "guardduty") })

        let manyIDs = ["f1", "f2"] + (3...60).map { "f\($0)" }
        let findings = try await guardDuty.getFindings(detectorID: "d-1", findingIDs: manyIDs)
        #expect(findings.count == 60)
        #expect(findings[0] == Data(Self.guardDutyFinding1.utf8))
        #expect(findings[1] == Data(Self.guardDutyFinding2.utf8))
        #expect(findings[59] == Data(#"{"id":"f60"}"#.utf8))
        let gets = server.requests.dropFirst(2)
        #expect(gets.map { ($0.json?["findingIds"] as? [String])?.count } == [50, 10])
        #expect(gets.allSatisfy { $0.hasValidSignature(credentials: Self.credentials, region: "eu-west-1", service: "guardduty") })
    }

    @Test func macieFindingsAreListedByCriteriaInPagesAndFetchedRaw() async throws {
        let finding = #"{"id":"m1","category":"CLASSIFICATION","severity":{"description":"High","score":3},"resourcesAffected":{"s3Bucket":{"name":"customer-records"},"s3Object":{"key":"exports/2026/pii.csv"}},"classificationDetails":{"result":{"sensitiveData":[{"category":"PERSONAL_INFORMATION","totalCount":120}]}}}"#
        let server = try FakeAWSServer { request in
            switch (request.method, request.path) {
            case ("POST", "/findings"):
                return (request.json?["nextToken"] as? String) == "n2"
                    ? Self.json(#"{"findingIds":["m2"],"nextToken":""}"#)
                    : Self.json(#"{"findingIds":["m1"],"nextToken":"n2"}"#)
            case ("POST", "/findings/describe"):
                return Self.json(#"{"findings":["# + finding + #",{"id":"m2"}]}"#)
            default:
                return Self.json(#"{"message":"no route"}"#, status: 404)
            }
        }
        defer { server.stop() }
        let macie = Self.factory(server).macie2()
        let ids = try await macie.listFindings(criteria: FindingCriteria([
            "resourcesAffected.s3Bucket.name": .equals(["customer-records"]),
            "severity.description": .equals(["High"]),
        ]))
        #expect(ids == ["m1", "m2"])
        let first = try #require(server.requests.first?.json)
        let criterion = (first["findingCriteria"] as? [String: Any])?["criterion"] as? [String: Any]
        #expect((criterion?["resourcesAffected.s3Bucket.name"] as? [String: Any])?["eq"] as? [String] == ["customer-records"])
        #expect((criterion?["severity.description"] as? [String: Any])?["eq"] as? [String] == ["High"])
        #expect(first["maxResults"] as? Int == 50)

        let findings = try await macie.getFindings(findingIDs: ids)
        #expect(findings == [Data(finding.utf8), Data(#"{"id":"m2"}"#.utf8)])
        #expect(server.requests.last?.json?["findingIds"] as? [String] == ["m1", "m2"])
        #expect(server.requests.allSatisfy { $0.hasValidSignature(credentials: Self.credentials, region: "eu-west-1", service: "macie2") })
    }

    @Test func restJSONErrorTypeHeaderWinsAndNamesTheAPI() async throws {
        let server = try FakeAWSServer { _ in
            Self.json(#"{"__type":"InvalidInputException","message":"The request is rejected because the input detectorId is not owned by the current account."}"#,
                      status: 400, headers: ["x-amzn-ErrorType": "BadRequestException:http://internal.amazon.com/coral/",
                                             "x-amzn-RequestId": "req-7"])
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.factory(server).guardDuty().listFindings(detectorID: "d-9")
        }
        #expect(error?.code == "BadRequestException")
        #expect(error?.requestID == "req-7")
        #expect(error?.description.hasPrefix("GuardDuty.ListFindings failed: HTTP 400 BadRequestException: The request is rejected") == true)
        #expect(server.requests.count == 1)
    }

    @Test func macieAccessDeniedNamesThePermission() async throws {
        let server = try FakeAWSServer { _ in
            Self.json(#"{"message":"User: arn:aws:iam::111122223333:user/hunter is not authorized to perform: macie2:ListFindings"}"#,
                      status: 403, headers: ["x-amzn-ErrorType": "AccessDeniedException"])
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) { _ = try await Self.factory(server).macie2().listFindings() }
        #expect(error?.code == "AccessDeniedException")
        #expect(error?.description.contains("Fix: grant `macie2:ListFindings` to the caller in an IAM policy") == true)
    }

    @Test func lookupEventsSendsJSON11AndFollowsNextToken() async throws {
        let record = #"{"eventVersion":"1.08","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","userIdentity":{"accessKeyId":"AKIAEXFIL0000000000X"}}"#
        let encodedRecord = String(data: try JSONSerialization.data(withJSONObject: [record], options: [.fragmentsAllowed]), encoding: .utf8)!.dropFirst().dropLast()
        let server = try FakeAWSServer { request in
            let body = request.json ?? [:]
            if body["NextToken"] as? String == "next" {
                return Self.json(#"{"Events":[{"EventId":"e2","EventName":"ListBuckets","EventTime":1.7719e9}]}"#)
            }
            return Self.json(#"{"Events":[{"EventId":"e1","EventName":"CreateAccessKey","EventTime":1771900000.25,"EventSource":"iam.amazonaws.com","Username":"dev","AccessKeyId":"AKIAEXFIL0000000000X","CloudTrailEvent":\#(encodedRecord)}],"NextToken":"next"}"#)
        }
        defer { server.stop() }
        let start = Date(timeIntervalSince1970: 1_771_800_000)
        let events = try await Self.factory(server).cloudTrail()
            .lookupEvents(attribute: CloudTrailLookupAttribute(.accessKeyID, "AKIAEXFIL0000000000X"), startTime: start)
        #expect(events.map(\.eventID) == ["e1", "e2"])
        #expect(events[0].eventTime == Date(timeIntervalSince1970: 1_771_900_000.25))
        #expect(events[0].username == "dev")
        #expect(events[0].cloudTrailEvent == Data(record.utf8))

        let first = try #require(server.requests.first)
        #expect(first.method == "POST" && first.path == "/")
        #expect(first.headers["x-amz-target"] == "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents")
        #expect(first.headers["content-type"] == "application/x-amz-json-1.1")
        #expect(String(decoding: first.body, as: UTF8.self)
                == #"{"LookupAttributes":[{"AttributeKey":"AccessKeyId","AttributeValue":"AKIAEXFIL0000000000X"}],"MaxResults":50,"StartTime":1771800000}"#)
        #expect(server.requests.allSatisfy { $0.hasValidSignature(credentials: Self.credentials, region: "eu-west-1", service: "cloudtrail") })
    }
}
