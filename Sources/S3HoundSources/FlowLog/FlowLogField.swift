/// One field a VPC Flow Log format can hold, by its published name
/// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
public enum FlowLogField: Hashable, Sendable, CustomStringConvertible {
    /// `version`
    case version
    /// `account-id`
    case accountId
    /// `interface-id`
    case interfaceId
    /// `srcaddr`
    case sourceAddress
    /// `dstaddr`
    case destinationAddress
    /// `srcport`
    case sourcePort
    /// `dstport`
    case destinationPort
    /// `protocol`
    case protocolNumber
    /// `packets`
    case packets
    /// `bytes`
    case bytes
    /// `start`
    case start
    /// `end`
    case end
    /// `action`
    case action
    /// `log-status`
    case logStatus
    /// `vpc-id` (v3)
    case vpcId
    /// `subnet-id` (v3)
    case subnetId
    /// `instance-id` (v3)
    case instanceId
    /// `tcp-flags` (v3)
    case tcpFlags
    /// `type` (v3)
    case trafficType
    /// `pkt-srcaddr` (v3)
    case packetSourceAddress
    /// `pkt-dstaddr` (v3)
    case packetDestinationAddress
    /// `region` (v4)
    case region
    /// `az-id` (v4)
    case availabilityZoneId
    /// `sublocation-type` (v4)
    case sublocationType
    /// `sublocation-id` (v4)
    case sublocationId
    /// `pkt-src-aws-service` (v5)
    case packetSourceAWSService
    /// `pkt-dst-aws-service` (v5)
    case packetDestinationAWSService
    /// `flow-direction` (v5)
    case flowDirection
    /// `traffic-path` (v5)
    case trafficPath
    /// `ecs-cluster-arn` (v7)
    case ecsClusterArn
    /// `ecs-cluster-name` (v7)
    case ecsClusterName
    /// `ecs-container-instance-arn` (v7)
    case ecsContainerInstanceArn
    /// `ecs-container-instance-id` (v7)
    case ecsContainerInstanceId
    /// `ecs-container-id` (v7)
    case ecsContainerId
    /// `ecs-second-container-id` (v7)
    case ecsSecondContainerId
    /// `ecs-service-name` (v7)
    case ecsServiceName
    /// `ecs-task-definition-arn` (v7)
    case ecsTaskDefinitionArn
    /// `ecs-task-arn` (v7)
    case ecsTaskArn
    /// `ecs-task-id` (v7)
    case ecsTaskId
    /// `reject-reason` (v8)
    case rejectReason
    /// A name this version of S3Hound does not know; its values are skipped.
    case unknown(String)

    /// Every published field, in the order of AWS's table.
    public static let allKnown: [FlowLogField] = [
        .version, .accountId, .interfaceId, .sourceAddress, .destinationAddress, .sourcePort, .destinationPort,
        .protocolNumber, .packets, .bytes, .start, .end, .action, .logStatus, .vpcId, .subnetId, .instanceId, .tcpFlags,
        .trafficType, .packetSourceAddress, .packetDestinationAddress, .region, .availabilityZoneId, .sublocationType,
        .sublocationId, .packetSourceAWSService, .packetDestinationAWSService, .flowDirection, .trafficPath,
        .ecsClusterArn, .ecsClusterName, .ecsContainerInstanceArn, .ecsContainerInstanceId, .ecsContainerId,
        .ecsSecondContainerId, .ecsServiceName, .ecsTaskDefinitionArn, .ecsTaskArn, .ecsTaskId, .rejectReason,
    ]

    private static let byName: [String: FlowLogField] = Dictionary(uniqueKeysWithValues: allKnown.map { ($0.name, $0) })

    /// The field with this published name; `account_id` (Athena's spelling) and `${account-id}` (the format
    /// string's) are read as `account-id`; anything else is `.unknown`.
    public init(name: String) {
        var normalized = name
        if normalized.hasPrefix("${"), normalized.hasSuffix("}") { normalized = String(normalized.dropFirst(2).dropLast()) }
        if normalized.contains("_") { normalized = String(normalized.map { $0 == "_" ? "-" : $0 }) }
        self = Self.byName[normalized] ?? .unknown(name)
    }

    /// The published name, e.g. `pkt-srcaddr`.
    public var name: String {
        switch self {
        case .version: return "version"
        case .accountId: return "account-id"
        case .interfaceId: return "interface-id"
        case .sourceAddress: return "srcaddr"
        case .destinationAddress: return "dstaddr"
        case .sourcePort: return "srcport"
        case .destinationPort: return "dstport"
        case .protocolNumber: return "protocol"
        case .packets: return "packets"
        case .bytes: return "bytes"
        case .start: return "start"
        case .end: return "end"
        case .action: return "action"
        case .logStatus: return "log-status"
        case .vpcId: return "vpc-id"
        case .subnetId: return "subnet-id"
        case .instanceId: return "instance-id"
        case .tcpFlags: return "tcp-flags"
        case .trafficType: return "type"
        case .packetSourceAddress: return "pkt-srcaddr"
        case .packetDestinationAddress: return "pkt-dstaddr"
        case .region: return "region"
        case .availabilityZoneId: return "az-id"
        case .sublocationType: return "sublocation-type"
        case .sublocationId: return "sublocation-id"
        case .packetSourceAWSService: return "pkt-src-aws-service"
        case .packetDestinationAWSService: return "pkt-dst-aws-service"
        case .flowDirection: return "flow-direction"
        case .trafficPath: return "traffic-path"
        case .ecsClusterArn: return "ecs-cluster-arn"
        case .ecsClusterName: return "ecs-cluster-name"
        case .ecsContainerInstanceArn: return "ecs-container-instance-arn"
        case .ecsContainerInstanceId: return "ecs-container-instance-id"
        case .ecsContainerId: return "ecs-container-id"
        case .ecsSecondContainerId: return "ecs-second-container-id"
        case .ecsServiceName: return "ecs-service-name"
        case .ecsTaskDefinitionArn: return "ecs-task-definition-arn"
        case .ecsTaskArn: return "ecs-task-arn"
        case .ecsTaskId: return "ecs-task-id"
        case .rejectReason: return "reject-reason"
        case .unknown(let name): return name
        }
    }

    /// True for fields S3Hound knows (not `.unknown`).
    public var isKnown: Bool { if case .unknown = self { return false } else { return true } }

    public var description: String { name }
}
