/// One VPC Flow Log record: a flow aggregated by the network interface over its capture window.
/// Fields a format does not carry are nil. Addresses are kept as text (IPv4 or IPv6).
public struct FlowRecord: Hashable, Sendable, Codable {
    /// `version`.
    public var version: Int?
    /// `account-id`.
    public var accountId: String?
    /// `interface-id`, e.g. `eni-1235b8ca123456789`.
    public var interfaceId: String?
    /// `srcaddr`.
    public var sourceAddress: String?
    /// `dstaddr`.
    public var destinationAddress: String?
    /// `srcport`.
    public var sourcePort: Int?
    /// `dstport`.
    public var destinationPort: Int?
    /// `protocol` (IANA number: 6 TCP, 17 UDP).
    public var protocolNumber: Int?
    /// `packets`.
    public var packets: Int64?
    /// `bytes`.
    public var bytes: Int64?
    /// `start`: the first packet of the capture window.
    public var start: EventTime
    /// `end`: the last packet of the capture window.
    public var end: EventTime
    /// `action`: `ACCEPT` or `REJECT`.
    public var action: String?
    /// `log-status`: `OK`, `NODATA`, `SKIPDATA`.
    public var logStatus: String?
    /// `vpc-id` (v3+).
    public var vpcId: String?
    /// `subnet-id` (v3+).
    public var subnetId: String?
    /// `instance-id` (v3+).
    public var instanceId: String?
    /// `tcp-flags` (v3+).
    public var tcpFlags: Int?
    /// `type`: `IPv4`, `IPv6`, `EFA` (v3+).
    public var trafficType: String?
    /// `pkt-srcaddr` (v3+): the packet-level source, differs from `srcaddr` behind NAT.
    public var packetSourceAddress: String?
    /// `pkt-dstaddr` (v3+).
    public var packetDestinationAddress: String?
    /// `region` (v4+).
    public var region: String?
    /// `pkt-src-aws-service` (v5): the AWS service range the source address belongs to, e.g. `S3`.
    public var packetSourceAWSService: String?
    /// `pkt-dst-aws-service` (v5).
    public var packetDestinationAWSService: String?
    /// `flow-direction` (v5): `ingress` or `egress`.
    public var flowDirection: String?
    /// `traffic-path` (v5): 1 through 8 (e.g. 8 = through an internet gateway).
    public var trafficPath: Int?

    /// Creates a record; only the capture window is required.
    public init(version: Int? = nil, accountId: String? = nil, interfaceId: String? = nil, sourceAddress: String? = nil,
                destinationAddress: String? = nil, sourcePort: Int? = nil, destinationPort: Int? = nil, protocolNumber: Int? = nil,
                packets: Int64? = nil, bytes: Int64? = nil, start: EventTime, end: EventTime, action: String? = nil,
                logStatus: String? = nil, vpcId: String? = nil, subnetId: String? = nil, instanceId: String? = nil,
                tcpFlags: Int? = nil, trafficType: String? = nil, packetSourceAddress: String? = nil,
                packetDestinationAddress: String? = nil, region: String? = nil, packetSourceAWSService: String? = nil,
                packetDestinationAWSService: String? = nil, flowDirection: String? = nil, trafficPath: Int? = nil) {
        self.version = version; self.accountId = accountId; self.interfaceId = interfaceId; self.sourceAddress = sourceAddress
        self.destinationAddress = destinationAddress; self.sourcePort = sourcePort; self.destinationPort = destinationPort
        self.protocolNumber = protocolNumber; self.packets = packets; self.bytes = bytes; self.start = start; self.end = end
        self.action = action; self.logStatus = logStatus; self.vpcId = vpcId; self.subnetId = subnetId; self.instanceId = instanceId
        self.tcpFlags = tcpFlags; self.trafficType = trafficType; self.packetSourceAddress = packetSourceAddress
        self.packetDestinationAddress = packetDestinationAddress; self.region = region
        self.packetSourceAWSService = packetSourceAWSService; self.packetDestinationAWSService = packetDestinationAWSService
        self.flowDirection = flowDirection; self.trafficPath = trafficPath
    }

    /// The address the packets really went to: `pkt-dstaddr` when present, else `dstaddr`.
    public var effectiveDestination: String? { packetDestinationAddress ?? destinationAddress }
    /// The address the packets really came from: `pkt-srcaddr` when present, else `srcaddr`.
    public var effectiveSource: String? { packetSourceAddress ?? sourceAddress }
}
