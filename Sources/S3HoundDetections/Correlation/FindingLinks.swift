import S3HoundCore

/// What a finding can be joined on across sources: its principal, access keys, outside addresses,
/// instances and (for service findings with no caller) buckets.
struct FindingLinks {
    /// Join keys, each prefixed by kind (`p:`, `k:`, `ip:`, `i:`, `b:`).
    let keys: Set<String>
    /// The instances named.
    let instances: Set<String>

    init(_ finding: Finding, configuration: DetectionConfiguration) {
        var keys: Set<String> = []
        var instances: Set<String> = []
        let principal = finding.principal
        keys.insert("p:" + principal)
        for key in finding.accessKeyIds where !key.isEmpty { keys.insert("k:" + key) }
        if principal.hasPrefix("access-key:") { keys.insert("k:" + principal.dropFirst("access-key:".count)) }
        var addresses = Array(finding.sourceIPs.keys)
        if let destination = finding.evidence["destination"] { addresses.append(destination) }
        for ip in addresses where Self.isJoinableAddress(ip, configuration: configuration) { keys.insert("ip:" + ip) }
        if let instance = finding.evidence["instanceId"], !instance.isEmpty { instances.insert(instance) }
        if principal.hasPrefix("ec2-instance:") { instances.insert(String(principal.dropFirst("ec2-instance:".count))) }
        for arn in finding.arns { if let instance = Self.instanceSession(arn) { instances.insert(instance) } }
        for instance in instances { keys.insert("i:" + instance) }
        // Buckets are shared by everyone: only findings with no caller of their own (a GuardDuty or Macie
        // finding about a bucket) join on them.
        if principal.hasPrefix("bucket:") || (finding.detectionID == MacieExposure.metadata.id && finding.arns.isEmpty) {
            for bucket in finding.buckets.keys { keys.insert("b:" + bucket) }
        }
        self.keys = keys
        self.instances = instances
    }

    /// Keys that invite other findings to join on their buckets (those with a real caller touching them).
    static func bucketKeys(_ finding: Finding) -> Set<String> {
        guard !finding.principal.hasPrefix("bucket:") else { return [] }
        return Set(finding.buckets.keys.map { "b:" + $0 })
    }

    /// Outside, literal addresses that are not ours: private ranges, allowed networks and AWS service names never join.
    static func isJoinableAddress(_ ip: String, configuration: DetectionConfiguration) -> Bool {
        guard IPAddress.isIPAddress(ip), !IPAddress.isPrivate(ip) else { return false }
        if let value = IPAddressValue(ip), configuration.allowedNetworks.match(value) != nil { return false }
        return true
    }

    /// The instance id of an instance-role session ARN (`…:assumed-role/role/i-0abc…`).
    static func instanceSession(_ arn: String) -> String? {
        guard arn.contains(":assumed-role/"), let session = arn.split(separator: "/").last, session.hasPrefix("i-"), session.count >= 10 else { return nil }
        return String(session)
    }
}

/// Union–find over finding indexes.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { let next = parent[node]; parent[node] = root; node = next }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
