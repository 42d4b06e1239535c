/// One VPC Flow Logs record in the custom version-5 format the `full-story` scenario writes.
struct FlowLogRecord {
    /// The header line of every file: the custom format's fields, in order.
    static let header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status "
        + "vpc-id subnet-id instance-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path pkt-dst-aws-service"

    var interface: VPCInterface
    var source: String
    var destination: String
    var sourcePort: Int
    var destinationPort: Int
    /// 6 for TCP, 17 for UDP.
    var protocolNumber = 6
    var packets: Int64
    var bytes: Int64
    /// Start and end of the capture window, seconds since the epoch.
    var start: Int64
    var end: Int64
    var action = "ACCEPT"
    /// `OK`, or `NODATA` / `SKIPDATA` for records without traffic fields.
    var logStatus = "OK"
    /// `ingress` or `egress`.
    var direction: String
    /// `1` through another VPC resource (NAT gateway), `7` a gateway VPC endpoint, `8` the internet gateway, `-` for ingress.
    var trafficPath = "-"
    /// `S3` when the packet's destination is in S3's address ranges.
    var awsService = "-"

    /// An egress record from `interface` to `destination`, and the matching ingress record of the answer.
    static func exchange(_ interface: VPCInterface, with remote: String, port: Int, localPort: Int, sent: Int64, received: Int64,
                         start: Int64, end: Int64, path: String, service: String = "-") -> [FlowLogRecord] {
        [
            FlowLogRecord(interface: interface, source: interface.privateAddress, destination: remote, sourcePort: localPort,
                          destinationPort: port, packets: packets(sent), bytes: sent, start: start, end: end, direction: "egress",
                          trafficPath: path, awsService: service),
            FlowLogRecord(interface: interface, source: remote, destination: interface.privateAddress, sourcePort: port,
                          destinationPort: localPort, packets: packets(received), bytes: received, start: start, end: end, direction: "ingress"),
        ]
    }

    /// Packets that carry `bytes` (full-size segments plus a few control packets).
    static func packets(_ bytes: Int64) -> Int64 { bytes / 1_448 + 2 }

    /// The record as a line of the file (no newline).
    func line(account: String) -> String {
        let vpc = Network.vpcId
        guard logStatus == "OK" else {
            return "5 \(account) \(interface.interfaceId) - - - - - - - \(start) \(end) - \(logStatus) \(vpc) \(interface.subnetId) \(interface.instanceId) - - - - -"
        }
        return "5 \(account) \(interface.interfaceId) \(source) \(destination) \(sourcePort) \(destinationPort) \(protocolNumber) \(packets) \(bytes) "
            + "\(start) \(end) \(action) \(logStatus) \(vpc) \(interface.subnetId) \(interface.instanceId) \(source) \(destination) "
            + "\(direction) \(trafficPath) \(awsService)"
    }
}
