import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("VPC Flow Log formats and headers")
struct FlowLogFormatTests {
    @Test("the default format is the fourteen v2 fields")
    func defaultFormat() {
        #expect(FlowLogFormat.defaultV2.description == "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status")
        #expect(FlowLogFormat.defaultV2.fields.count == 14)
        #expect(FlowLogFormat.defaultV2.hasCaptureWindow)
        #expect(FlowLogFormat(header: FlowLogFormat.defaultV2.description) == .defaultV2)
    }

    @Test("a v3 header with TCP flags and packet addresses")
    func v3Header() throws {
        let format = try #require(FlowLogFormat(header: "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status"))
        #expect(format.fields == [.version, .vpcId, .subnetId, .instanceId, .interfaceId, .accountId, .trafficType, .sourceAddress,
                                  .destinationAddress, .sourcePort, .destinationPort, .packetSourceAddress, .packetDestinationAddress,
                                  .protocolNumber, .bytes, .packets, .start, .end, .action, .tcpFlags, .logStatus])
    }

    @Test("a v5 header with Region, zone, services, direction and path")
    func v5Header() throws {
        let format = try #require(FlowLogFormat(header: "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status"))
        #expect(format.fields.count == 29)
        #expect(format.fields.allSatisfy { $0.isKnown })
        #expect(format.fields[16...19] == [.region, .availabilityZoneId, .sublocationType, .sublocationId])
        #expect(format.fields[24...27] == [.packetSourceAWSService, .packetDestinationAWSService, .trafficPath, .flowDirection])
    }

    @Test("unknown names are kept and skipped; Athena and format-string spellings are understood")
    func unknownNames() throws {
        let format = try #require(FlowLogFormat(header: "version srcaddr encryption-status dstaddr future-field-9"))
        #expect(format.fields == [.version, .sourceAddress, .unknown("encryption-status"), .destinationAddress, .unknown("future-field-9")])
        #expect(FlowLogField(name: "account_id") == .accountId)
        #expect(FlowLogField(name: "${pkt-srcaddr}") == .packetSourceAddress)
        #expect(FlowLogField(name: "ecs-task-arn") == .ecsTaskArn)
        #expect(FlowLogField(name: "reject-reason").name == "reject-reason")
        #expect(FlowLogField.allKnown.allSatisfy { FlowLogField(name: $0.name) == $0 }, "every name reads back as its field")
        #expect(Set(FlowLogField.allKnown.map(\.name)).count == FlowLogField.allKnown.count)
        #expect(FlowLogFormat(header: "${version} ${srcaddr} ${dstaddr}")?.fields == [.version, .sourceAddress, .destinationAddress])
        #expect(FlowLogFormat(header: "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\r")?.hasCaptureWindow == false)
    }

    @Test("record lines and other text are not headers", arguments: [
        "", "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
        "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5",
        "i-01234567890123456 eni-1111aaaa2222bbbb3",
        "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 ingress",
        "Version Account-ID", "{\"Records\":[]}", "version srcaddr 10.0.0.1",
    ])
    func notHeaders(line: String) {
        #expect(FlowLogFormat(header: line) == nil)
    }

    @Test("flow logs are recognised from their first line")
    func sniffing() {
        #expect(FlowLogFormat.looksLikeFlowLog("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK"))
        #expect(FlowLogFormat.looksLikeFlowLog("2 unknown eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA"))
        #expect(FlowLogFormat.looksLikeFlowLog("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"))
        #expect(FlowLogFormat.looksLikeFlowLog("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr"))
        #expect(!FlowLogFormat.looksLikeFlowLog("3 123456789010 eni-1235b8ca123456789 172.31.16.139"), "a v3 record needs its header")
        #expect(!FlowLogFormat.looksLikeFlowLog("2 12345 eni-1"))
        #expect(!FlowLogFormat.looksLikeFlowLog("2 123456789010 i-0123"))
        #expect(!FlowLogFormat.looksLikeFlowLog(ServerAccessLogLineBuilder().text))
        #expect(!FlowLogFormat.looksLikeFlowLog("{\"Records\":[]}"))
        #expect(!FlowLogFormat.looksLikeFlowLog(""))
    }
}
