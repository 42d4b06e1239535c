import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("CloudTrail record parsing")
struct CloudTrailParsingTests {
    @Test("a hand-written record with float bytes, `arn` spelling and a host list parses")
    func awkwardRecord() throws {
        let text = """
        {"Records":[{"eventTime":"2026-02-23T02:47:12Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
          "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/analytics/i-0abc","accountId":"123456789012",
            "accessKeyId":"ASIAEXAMPLE123456789","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/analytics"}}},
          "sourceIPAddress":"10.0.1.25","vpcEndpointId":"vpce-0a1b2c3d","readOnly":"true","errorCode":null,
          "requestParameters":{"bucketName":"customer-records","key":"a\\/b \\u00e9.csv","host":["customer-records.s3.amazonaws.com"]},
          "additionalEventData":{"bytesTransferredOut":89.0,"bytesTransferredIn":"12","SSEApplied":"SSE_C","AuthenticationMethod":"QueryString"},
          "resources":[{"type":"AWS::S3::Bucket","arn":"arn:aws:s3:::customer-records","accountId":"123456789012"}],
          "someFutureField":{"nested":[1,2,{"x":null}]}}]}
        """
        let folder = try TemporaryFolder()
        let (events, result) = readAll(try folder.write("one.json", text))
        #expect(result.skipped == 0)
        let event = try #require(events.first)
        #expect(event.bytesTransferredOut == 89)
        #expect(event.bytesTransferredIn == 12)
        #expect(event.readOnly == true)
        #expect(event.errorCode == nil)
        #expect(event.objectKey == "a/b é.csv")
        #expect(event.host == "customer-records.s3.amazonaws.com")
        #expect(event.sseApplied == "SSE_C")
        #expect(event.authenticationMethod == "QueryString")
        #expect(event.vpcEndpointId == "vpce-0a1b2c3d")
        #expect(event.resources.first?.arn == "arn:aws:s3:::customer-records")
        #expect(event.resources.first?.bucketName == "customer-records")
        #expect(event.identity.principal == "arn:aws:iam::123456789012:role/analytics")
        #expect(event.time == EventTime(iso8601: "2026-02-23T02:47:12Z"))
    }

    @Test("an anonymous caller is recognised")
    func anonymous() throws {
        let text = #"{"eventTime":"2026-02-23T02:47:12Z","eventName":"GetObject","eventSource":"s3.amazonaws.com","userIdentity":{"type":"AWSAccount","principalId":"","accountId":"ANONYMOUS_PRINCIPAL"},"sourceIPAddress":"198.51.100.7"}"#
        let folder = try TemporaryFolder()
        let (events, _) = readAll(try folder.write("anon.jsonl", text + "\n"))
        #expect(events.count == 1)
        #expect(events[0].identity.isAnonymous)
        #expect(events[0].identity.principal == "ANONYMOUS_PRINCIPAL")
    }

    @Test("JSON lines, arrays, EventBridge envelopes and pretty-printed files give the same events")
    func layouts() throws {
        let folder = try TemporaryFolder()
        let records = (0..<5).map { record($0) }
        let jsonLines = records.joined(separator: "\n") + "\n"
        let array = "[\n" + records.joined(separator: ",\n") + "\n]"
        let envelopes = records.map { #"{"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"123456789012","time":"2026-02-23T02:47:00Z","region":"us-east-1","resources":[],"detail":"# + $0 + "}" }.joined(separator: "\n")
        let pretty = "{\n  \"Other\": 1,\n  \"Records\": [\n" + records.joined(separator: ",\n") + "\n  ]\n}\n"
        for (name, text) in [("a.json", deliveryFile(records)), ("b.jsonl", jsonLines), ("c.json", array), ("d.json", envelopes), ("e.json", pretty)] {
            let (events, result) = readAll(try folder.write(name, text))
            #expect(result.skipped == 0, "\(name): \(result.issues)")
            #expect(events.map(\.eventID) == (0..<5).map { "event-\($0)" }, "\(name)")
        }
    }

    @Test("gzip is detected from content, not the file name, and read in small chunks")
    func gzipByContent() throws {
        let folder = try TemporaryFolder()
        let records = (0..<200).map { record($0) }
        let compressed = try GzipEncoder.compress(Array(deliveryFile(records).utf8))
        let path = try folder.write("misnamed.json", compressed)
        for chunk in [7, 1000, 1 << 20] {
            let (events, result) = readAll(path, chunkSize: chunk)
            #expect(events.count == 200)
            #expect(result.skipped == 0)
            #expect(result.bytes == Int64(deliveryFile(records).utf8.count))
        }
    }

    @Test("concatenated gzip members are all read")
    func multiMember() throws {
        let folder = try TemporaryFolder()
        let first = try GzipEncoder.compress(Array(((0..<3).map { record($0) }.joined(separator: "\n") + "\n").utf8))
        let second = try GzipEncoder.compress(Array(((3..<6).map { record($0) }.joined(separator: "\n") + "\n").utf8))
        let (events, result) = readAll(try folder.write("multi.jsonl.gz", first + second))
        #expect(events.count == 6)
        #expect(!result.incomplete)
    }

    @Test("escapes, braces and newlines inside strings survive every chunk boundary")
    func chunkBoundaries() throws {
        let tricky = record(0).replacingOccurrences(of: #""userAgent":"aws-cli/2.15.0""#, with: #""userAgent":"a\\\"{[}]\n\\""#)
        let lines = [tricky, record(1), tricky.replacingOccurrences(of: "event-0", with: "event-2")]
        let folder = try TemporaryFolder()
        let wrapped = try folder.write("wrapped.json", deliveryFile(lines))
        let jsonLines = try folder.write("lines.jsonl", lines.joined(separator: "\n") + "\n")
        for path in [wrapped, jsonLines] {
            for chunk in 1...13 {
                let (events, result) = readAll(path, chunkSize: chunk)
                #expect(result.skipped == 0, "chunk \(chunk): \(result.issues)")
                #expect(events.map(\.eventID) == ["event-0", "event-1", "event-2"], "chunk \(chunk)")
                #expect(events.first?.userAgent == "a\\\"{[}]\n\\", "chunk \(chunk)")
            }
        }
    }

    @Test("configuration calls keep their raw requestParameters; object reads do not")
    func requestParametersKept() throws {
        let policy = #"{"eventTime":"2026-02-23T03:30:00Z","eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy","errorCode":"AccessDenied","errorMessage":"Access Denied","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/web/i-0123456789abcdef0","sessionContext":{"ec2RoleDelivery":"2.0","sessionIssuer":{"arn":"arn:aws:iam::123456789012:role/web"}}},"requestParameters":{"bucketName":"customer-records","bucketPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}}}"#
        let copy = #"{"eventTime":"2026-02-23T03:31:00Z","eventName":"CopyObject","requestParameters":{"bucketName":"b","key":"k","x-amz-server-side-encryption-aws-kms-key-id":"arn:aws:kms:us-east-1:999988887777:key/abc"}}"#
        let folder = try TemporaryFolder()
        let (events, result) = readAll(try folder.write("config.jsonl", [policy, copy, record(1)].joined(separator: "\n")))
        #expect(result.skipped == 0)
        #expect(events.count == 3)
        let parameters = try #require(events[0].requestParametersJSON)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(parameters.utf8)) as? [String: Any])
        #expect((decoded["bucketPolicy"] as? [String: Any])?["Version"] as? String == "2012-10-17")
        #expect(events[0].errorMessage == "Access Denied")
        #expect(events[0].identity.ec2RoleDelivery == "2.0")
        #expect(events[0].identity.isInstanceRoleSession)
        #expect(events[1].kmsKeyId == "arn:aws:kms:us-east-1:999988887777:key/abc")
        #expect(events[1].requestParametersJSON != nil)
        #expect(events[2].requestParametersJSON == nil)
    }
}
