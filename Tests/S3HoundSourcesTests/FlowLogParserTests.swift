import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("VPC Flow Log records")
struct FlowLogParserTests {
    func record(_ line: String, _ format: FlowLogFormat = .defaultV2) throws -> FlowRecord { try format.parse(line).get() }

    func failure(_ line: String, _ format: FlowLogFormat = .defaultV2) -> LineParseError? {
        if case .failure(let error) = format.parse(line) { return error }
        return nil
    }

    @Test("a default-format record maps every field")
    func defaultRecord() throws {
        let flow = try record("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")
        #expect(flow == FlowRecord(version: 2, accountId: "123456789010", interfaceId: "eni-1235b8ca123456789", sourceAddress: "172.31.16.139",
                                   destinationAddress: "172.31.16.21", sourcePort: 20641, destinationPort: 22, protocolNumber: 6, packets: 20,
                                   bytes: 4249, start: EventTime(secondsSinceEpoch: 1_418_530_010), end: EventTime(secondsSinceEpoch: 1_418_530_070),
                                   action: "ACCEPT", logStatus: "OK"))
        #expect(flow.isAccepted)
        #expect(flow.carriesTraffic)
        #expect(flow.hasCaptureWindow)
        #expect(flow.effectiveSource == "172.31.16.139")
    }

    @Test("NODATA and SKIPDATA records leave the traffic fields empty")
    func noData() throws {
        let flow = try record("2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA")
        #expect(flow == FlowRecord(version: 2, accountId: "123456789010", interfaceId: "eni-1235b8ca123456789",
                                   start: EventTime(secondsSinceEpoch: 1_431_280_876), end: EventTime(secondsSinceEpoch: 1_431_280_934),
                                   logStatus: "NODATA"))
        #expect(!flow.carriesTraffic)
        #expect(!flow.isAccepted)
    }

    @Test("IPv6 addresses and ICMP")
    func ipv6() throws {
        let flow = try record("2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK")
        #expect(flow.sourceAddress == "2001:db8:1234:a100:8d6e:3477:df66:f105")
        #expect(flow.destinationAddress == "2001:db8:1234:a102:3304:8879:34cf:4071")
        let icmp = try record("2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 REJECT OK")
        #expect(icmp.protocolNumber == 1)
        #expect(icmp.action == "REJECT")
    }

    @Test("a v5 record through a header: services, direction, path, packet addresses")
    func v5Record() throws {
        let format = try #require(FlowLogFormat(header: "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status"))
        let flow = try record("5 10.0.0.71 52.95.128.179 34210 443 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK", format)
        #expect(flow == FlowRecord(version: 5, accountId: "123456789012", interfaceId: "eni-1235b8ca123456789", sourceAddress: "10.0.0.71",
                                   destinationAddress: "52.95.128.179", sourcePort: 34210, destinationPort: 443, protocolNumber: 6, packets: 7,
                                   bytes: 471, start: EventTime(secondsSinceEpoch: 1_616_729_292), end: EventTime(secondsSinceEpoch: 1_616_729_349),
                                   action: "ACCEPT", logStatus: "OK", vpcId: "vpc-abcdefab012345678", subnetId: "subnet-aaaaaaaa012345678",
                                   instanceId: "i-0c50d5961bcb2d47b", tcpFlags: 3, trafficType: "IPv4", packetSourceAddress: "10.0.0.71",
                                   packetDestinationAddress: "52.95.128.179", region: "ap-southeast-2", packetSourceAWSService: nil,
                                   packetDestinationAWSService: "S3", flowDirection: "egress", trafficPath: 8))
    }

    @Test("behind a NAT gateway the packet addresses differ from the interface's")
    func natGateway() throws {
        let format = try #require(FlowLogFormat(header: "interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr start end"))
        let flow = try record("eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5 1700000000 1700000060", format)
        #expect(flow.destinationAddress == "10.0.0.220")
        #expect(flow.effectiveDestination == "203.0.113.5")
        #expect(flow.version == nil)
        #expect(flow.bytes == nil)
    }

    @Test("unknown and unmapped fields are skipped without shifting the others")
    func skippedFields() throws {
        let format = try #require(FlowLogFormat(header: "srcaddr encryption-status ecs-task-id dstaddr bytes start end reject-reason"))
        let flow = try record("10.0.0.5 1 3f2a9c 52.95.128.10 900 1700000000 1700000060 -", format)
        #expect(flow.sourceAddress == "10.0.0.5")
        #expect(flow.destinationAddress == "52.95.128.10")
        #expect(flow.bytes == 900)
    }

    @Test("runs of spaces and CRLF endings are accepted")
    func whitespace() throws {
        let flow = try record("2 123456789010  eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK \r")
        #expect(flow.interfaceId == "eni-1235b8ca123456789")
        #expect(flow.logStatus == "OK")
    }

    @Test("a format without start and end leaves the capture window at the epoch")
    func noCaptureWindow() throws {
        let format = try #require(FlowLogFormat(header: "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr"))
        #expect(!format.hasCaptureWindow)
        let flow = try record("i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5", format)
        #expect(!flow.hasCaptureWindow)
        #expect(flow.start == EventTime(millisecondsSinceEpoch: 0))
        #expect(flow.instanceId == "i-01234567890123456")
    }

    @Test("a truncated line says how many fields it has and expects")
    func truncated() throws {
        let line = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22"
        let error = try #require(failure(line))
        #expect(error.column == line.utf8.count)
        #expect(error.reason == "the line has 7 fields but its format has 14 (version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status); the line is cut short, or the file's header line is missing")
    }

    @Test("a line with more fields than its format points at the first extra one")
    func tooLong() throws {
        let line = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK 3 vpc-1"
        let error = try #require(failure(line))
        #expect(error.column == byteOffset(of: " 3 vpc-1", in: line).map { $0 + 1 })
        #expect(error.reason.hasPrefix("the line has more fields than its format's 14"))
    }

    @Test("number fields that are not numbers name the field and point at it")
    func badNumbers() throws {
        let bytes = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4k249 1418530010 1418530070 ACCEPT OK"
        let error = try #require(failure(bytes))
        #expect(error.column == byteOffset(of: "4k249", in: bytes))
        #expect(error.reason == "the bytes field '4k249' is not a number or '-'")
        let start = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 2014-12-14 1418530070 ACCEPT OK"
        #expect(failure(start)?.reason == "the start field '2014-12-14' is not a number or '-'")
        let port = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 99999999999 22 6 20 4249 1418530010 1418530070 ACCEPT OK"
        #expect(failure(port)?.reason == "the srcport field '99999999999' is out of range")
        let version = "v2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 1 22 6 20 4249 1418530010 1418530070 ACCEPT OK"
        #expect(failure(version)?.column == 0)
    }

    @Test("AWS's documented examples parse", .enabled(if: FileManager.default.fileExists(atPath: Self.samples.path)))
    func documentationSamples() throws {
        var parsed: [String: [FlowRecord]] = [:]
        for name in ["default-v2", "nat-gateway.custom", "tcp-flag-sequence.custom-v3", "traffic-path.custom-v5", "transit-gateway.custom-v3"] {
            let url = Self.samples.appendingPathComponent("flow-logs-records-examples.\(name).log")
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            var format = FlowLogFormat.defaultV2
            var records: [FlowRecord] = []
            for (index, line) in lines.enumerated() {
                if index == 0 { #expect(FlowLogFormat.looksLikeFlowLog(line), "\(name)") }
                if let header = FlowLogFormat(header: line) { format = header; continue }
                records.append(try format.parse(line).get())
            }
            parsed[name] = records
        }
        #expect(parsed["default-v2"]?.count == 7)
        #expect(parsed["default-v2"]?[3].logStatus == "SKIPDATA")
        #expect(parsed["nat-gateway.custom"]?.first?.effectiveDestination == "203.0.113.5")
        let tcp = try #require(parsed["tcp-flag-sequence.custom-v3"])
        #expect(tcp.count == 8)
        #expect(tcp.last?.tcpFlags == 19, "the line with a double space")
        #expect(tcp.last?.packetSourceAddress == "10.0.0.62")
        #expect(tcp[5].bytes == 23_294_588)
        let v5 = try #require(parsed["traffic-path.custom-v5"])
        #expect(v5.map(\.packetSourceAWSService) == ["S3", nil])
        #expect(v5.map(\.trafficPath) == [nil, 8])
        #expect(v5.map(\.flowDirection) == ["ingress", "egress"])
        #expect(parsed["transit-gateway.custom-v3"]?.count == 4)
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/samples/aws-docs/amazon-vpc-user-guide").standardized
}
