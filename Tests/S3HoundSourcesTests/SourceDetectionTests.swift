import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// Collects everything a reader hands over.
final class CollectingSink: EventSink {
    var events: [ActivityEvent] = []
    var flows: [FlowRecord] = []
    var findings: [ServiceFinding] = []
    var begun: [LogInput] = []
    func begin(_ input: LogInput) { begun.append(input) }
    func consume(_ event: ActivityEvent) { events.append(event) }
    func consume(flow: FlowRecord) { flows.append(flow) }
    func consume(serviceFinding: ServiceFinding) { findings.append(serviceFinding) }
}

/// Files are told apart by content, whatever their names, compressed or not.
@Suite("Each file's kind is detected from its content")
struct SourceDetectionTests {
    static let accessLogLines = [
        #"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be customer-records [23/Feb/2026:02:47:01 +0000] 185.220.101.47 arn:aws:iam::123456789012:user/developer-jane 3E57427F3EXAMPLE REST.GET.OBJECT 2026/q1%20report.csv "GET /customer-records/2026/q1%20report.csv HTTP/1.1" 200 - 113 113 7 6 "-" "aws-cli/2.15.0 \"quoted\"" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader customer-records.s3.us-east-1.amazonaws.com TLSv1.2 - -"#,
        #"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be customer-records [23/Feb/2026:02:47:02 +0000] 2001:db8::7 - 891CE47D2EXAMPLE REST.GET.OBJECT index.html "GET /index.html HTTP/1.1" 403 AccessDenied 243 - 11 - "-" "curl/8.5.0" -"#,
    ]

    static let flowLog = """
    version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path pkt-dst-aws-service
    5 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.25 185.220.101.47 49152 443 6 150000 209715200 1771814820 1771814880 ACCEPT OK vpc-0123456789abcdef0 subnet-0123456789abcdef0 i-0fedcba9876543210 10.0.1.25 185.220.101.47 egress 8 -
    5 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.25 52.217.40.12 49153 443 6 900 1048576 1771814820 1771814880 ACCEPT OK vpc-0123456789abcdef0 subnet-0123456789abcdef0 i-0fedcba9876543210 10.0.1.25 52.217.40.12 egress 8 S3
    """

    static let defaultFlowLog = """
    2 123456789012 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK
    2 123456789012 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK
    """

    static let guardDutyExport = """
    {"schemaVersion":"2.0","accountId":"123456789012","region":"us-east-1","partition":"aws","id":"7ac2b0c1e2f34a5b","arn":"arn:aws:guardduty:us-east-1:123456789012:detector/d1/finding/7ac2b0c1e2f34a5b","type":"Exfiltration:S3/AnomalousBehavior","resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"AKIA5Q2R7HNB3KQTWXYZ","principalId":"AIDAEXAMPLE","userName":"developer-jane","userType":"IAMUser"},"s3BucketDetails":[{"name":"customer-records","arn":"arn:aws:s3:::customer-records"}]},"service":{"serviceName":"guardduty","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"GetObject","remoteIpDetails":{"ipAddressV4":"185.220.101.47"}}},"archived":false,"count":40,"eventFirstSeen":"2026-02-23T02:48:00.000Z","eventLastSeen":"2026-02-23T03:10:00.000Z"},"severity":8,"createdAt":"2026-02-23T03:20:00.000Z","updatedAt":"2026-02-23T03:20:00.000Z","title":"Anomalous S3 reads","description":"d"}
    """

    func read(_ path: String, forced: LogSourceType? = nil) -> (CollectingSink, FileReadResult) {
        let sink = CollectingSink()
        let result = LogFileReader(forcedSource: forced).read(.file(path), into: sink)
        return (sink, result)
    }

    @Test("CloudTrail JSON, gzip or not, is read as events")
    func cloudTrail() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.json.gz", try GzipEncoder.compress(Array(deliveryFile([record(1), record(2)]).utf8)))
        let (sink, result) = read(path)
        #expect(result.source == .cloudTrail)
        #expect(sink.events.count == 2)
        #expect(result.records == 2)
    }

    @Test("server access log lines become events of origin serverAccessLog, ids prefixed sal:")
    func serverAccessLog() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("logs/2026-02-23-02-47-10-ABCDEF0123456789", Self.accessLogLines.joined(separator: "\n") + "\n")
        let (sink, result) = read(path)
        #expect(result.source == .serverAccessLog)
        #expect(result.records == 2)
        #expect(result.skipped == 0)
        let first = try #require(sink.events.first)
        #expect(first.origin == .serverAccessLog)
        #expect(first.eventName == "GetObject")
        #expect(first.eventID == "sal:3E57427F3EXAMPLE")
        #expect(first.objectKey == "2026/q1 report.csv")
        #expect(first.bytesTransferredOut == 113)
        #expect(sink.events.last?.identity.isAnonymous == true)
        #expect(sink.events.last?.failed == true)
    }

    @Test("a damaged access-log line is reported with its byte position; the lines around it are read")
    func damagedAccessLogLine() throws {
        let folder = try TemporaryFolder()
        let lines = [Self.accessLogLines[0], "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be customer-records [not a time", Self.accessLogLines[1]]
        let path = try folder.write("access.log", lines.joined(separator: "\r\n"))
        let (sink, result) = read(path)
        #expect(sink.events.count == 2)
        #expect(result.skipped == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.recordIndex == 1)
        #expect((issue.byteOffset ?? 0) > Self.accessLogLines[0].utf8.count)
    }

    @Test("flow logs with a v5 header, gzipped, become flow records; the default v2 format without header too")
    func flowLogs() throws {
        let folder = try TemporaryFolder()
        let custom = try folder.write("AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/02/23/x.log.gz", try GzipEncoder.compress(Array(Self.flowLog.utf8)))
        let (sink, result) = read(custom)
        #expect(result.source == .vpcFlowLog)
        #expect(sink.flows.count == 2)
        #expect(sink.flows.first?.instanceId == "i-0fedcba9876543210")
        #expect(sink.flows.first?.bytes == 209_715_200)
        #expect(sink.flows.last?.packetDestinationAWSService == "S3")
        let plain = try folder.write("v2.log", Self.defaultFlowLog)
        let (v2, v2Result) = read(plain)
        #expect(v2Result.source == .vpcFlowLog)
        #expect(v2.flows.count == 2)
        #expect(v2.flows.last?.action == "REJECT")
    }

    @Test("GuardDuty exports (JSON lines, gzipped) become service findings, not CloudTrail records")
    func guardDuty() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("AWSLogs/123456789012/GuardDuty/us-east-1/2026/02/23/f.jsonl.gz", try GzipEncoder.compress(Array(Self.guardDutyExport.utf8)))
        let (sink, result) = read(path)
        #expect(result.source == .findings)
        #expect(sink.events.isEmpty)
        let finding = try #require(sink.findings.first)
        #expect(finding.type == "Exfiltration:S3/AnomalousBehavior")
        #expect(finding.accessKeyId == "AKIA5Q2R7HNB3KQTWXYZ")
        #expect(finding.sourceIPs == ["185.220.101.47"])
    }

    @Test("text that is none of the kinds is rejected with a message that names --source-type")
    func unknownText() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("notes.txt", "hello, this is not a log\nsecond line\n")
        let (sink, result) = read(path)
        #expect(sink.events.isEmpty)
        #expect(result.incomplete)
        #expect(result.issues.first?.message.contains("--source-type") == true)
    }

    @Test("--source-type forces the kind: access-log lines forced as flow logs are skipped line by line")
    func forced() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("access.log", Self.accessLogLines.joined(separator: "\n"))
        let (sink, result) = read(path, forced: .vpcFlowLog)
        #expect(result.source == .vpcFlowLog)
        #expect(sink.flows.isEmpty)
        #expect(result.skipped == 2)
    }

    @Test("a line over the limit is skipped and reported, the next line is read")
    func oversizedLine() {
        var splitter = LineSplitter(maximumLineBytes: 16)
        var pieces: [String] = []
        let text = Array(("short\n" + String(repeating: "x", count: 40) + "\nafter\nlast").utf8)
        // Feed in small chunks so the long line spans several.
        for start in stride(from: 0, to: text.count, by: 7) {
            text[start..<min(text.count, start + 7)].withUnsafeBytes { chunk in
                splitter.feed(chunk) { piece in
                    switch piece {
                    case .line(let bytes, let offset): pieces.append("\(offset):" + String(decoding: bytes, as: UTF8.self))
                    case .oversized(let offset, let length): pieces.append("\(offset):oversized \(length)")
                    }
                }
            }
        }
        splitter.finish { piece in
            if case .line(let bytes, let offset) = piece { pieces.append("\(offset):" + String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(pieces == ["0:short", "6:oversized 40", "47:after", "53:last"])
    }
}
