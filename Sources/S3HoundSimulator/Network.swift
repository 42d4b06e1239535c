/// A network interface in the simulated VPC, as VPC Flow Logs name it.
struct VPCInterface {
    let interfaceId: String
    /// The instance it is attached to, or `-` (load balancers, Lambda, databases).
    let instanceId: String
    let subnetId: String
    let privateAddress: String
}

/// The VPC of the `full-story` scenario: the hosts behind the batch jobs and the web server, the build
/// instance whose compromise the story tells, and the addresses they talk to.
enum Network {
    /// The flow log that delivers every interface of the VPC to S3.
    static let flowLogId = "fl-0a1b2c3d4e5f60789"
    static let vpcId = "vpc-0f3c2a1b9d8e7f601"

    static let webServer = VPCInterface(interfaceId: "eni-0a11b22c33d44e551", instanceId: Population.webServerInstance,
                                        subnetId: "subnet-0c1d2e3f4a5b60002", privateAddress: "10.0.1.15")
    static let analyticsHost = VPCInterface(interfaceId: "eni-0b22c33d44e55f662", instanceId: "i-0c4d5e6f708192a3b",
                                            subnetId: "subnet-0c1d2e3f4a5b60002", privateAddress: "10.0.1.25")
    static let backupHost = VPCInterface(interfaceId: "eni-0c33d44e55f66a773", instanceId: "i-0e5f60718293a4b5c",
                                         subnetId: "subnet-0c1d2e3f4a5b60003", privateAddress: "10.0.2.15")
    static let reportLambda = VPCInterface(interfaceId: "eni-0d44e55f66a77b884", instanceId: "-",
                                           subnetId: "subnet-0c1d2e3f4a5b60004", privateAddress: "10.0.3.40")
    /// The shared build instance developer-jane's key was taken from; it has a public address.
    static let buildHost = VPCInterface(interfaceId: "eni-0e55f66a77b88c995", instanceId: "i-0b1d2e3f4a5b6c7d8",
                                        subnetId: "subnet-0c1d2e3f4a5b60001", privateAddress: "10.0.4.23")
    /// The bastion host in the public subnet, probed from the internet (GuardDuty's noise finding).
    static let bastion = VPCInterface(interfaceId: "eni-0f66a77b88c99d0a6", instanceId: "i-0f9e8d7c6b5a40312",
                                      subnetId: "subnet-0c1d2e3f4a5b60001", privateAddress: "10.0.0.99")
    /// The load balancer in front of the web servers (no instance).
    static let loadBalancer = VPCInterface(interfaceId: "eni-0a77b88c99d0a1b17", instanceId: "-",
                                           subnetId: "subnet-0c1d2e3f4a5b60001", privateAddress: "10.0.0.45")
    /// The database the web servers query.
    static let database = VPCInterface(interfaceId: "eni-0b88c99d0a1b2c228", instanceId: "-",
                                       subnetId: "subnet-0c1d2e3f4a5b60005", privateAddress: "10.0.5.10")

    /// The interfaces whose traffic is derived from S3 calls: the client's index and its host.
    static func host(ofClient client: Int32) -> VPCInterface? {
        switch client {
        case Population.backupJob: return backupHost
        case Population.analyticsJob: return analyticsHost
        case Population.reportExportJob: return reportLambda
        case Population.webServerNAT: return webServer
        default: return nil
        }
    }

    /// Public S3 addresses in us-east-1 (S3 answers from many; these are a few of them).
    static let s3Addresses = ["52.216.8.134", "52.217.46.28", "3.5.29.117", "54.231.139.64", "52.216.113.3", "3.5.11.201"]
    /// Addresses on the internet the build instance fetches from (GitHub, a package mirror).
    static let buildUpstreams = ["140.82.114.4", "140.82.112.3", "151.101.64.223", "151.101.128.223"]
    /// Internet clients of the website, as the load balancer sees them.
    static let websiteClients = ["198.51.100.34", "203.0.113.201", "192.0.2.150", "198.51.100.77", "203.0.113.18", "192.0.2.61",
                                 "198.51.100.190", "203.0.113.144"]
    /// Scanners probing the public subnet.
    static let scanners = ["45.141.84.120", "89.248.165.52", "162.142.125.217", "194.180.49.3"]
}
