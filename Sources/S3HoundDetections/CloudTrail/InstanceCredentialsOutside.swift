import S3HoundCore

/// Credentials of an EC2 instance profile used from a public address the role's instances never call from:
/// stolen from the instance (metadata service, SSRF) and used elsewhere — the pattern of the best-known S3 breach.
public struct InstanceCredentialsOutside: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.instance-credentials-outside",
        title: "EC2 instance credentials used from an unfamiliar outside address",
        severity: .high,
        techniques: [.t1552_005, .t1530],
        guardDutyEquivalent: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
        falsePositives: [
            "A new NAT gateway or Elastic IP for the role's instances: confirm the address belongs to your VPC",
            "Calls routed differently after a network change",
        ],
        triage: "Is the address one of your NAT gateways or Elastic IPs? If not, revoke the role's sessions now (the report shows how), then look for SSRF or metadata-service access on the instance.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        var findings: [Finding] = []
        for (profile, facts) in judgedPrincipals(activity, windows: windows) where !profile.instanceIPs.isEmpty {
            let instance = NewTerms(profile.instanceIPs, windows: windows)
                .excludingAllowed(activity.configuration.allowedNetworks)
            let anyUse = NewTerms(profile.ips.totals, windows: windows, learned: windows.learnedProfile(profile.principal)?.sourceIPs)
            for (ip, tally) in instance.new where !anyUse.known.contains(ip) {
                var finding = newTermFinding(profile, tally: tally, explanation: "\(ByteCount.grouped(tally.count)) calls with this role's EC2 instance credentials from the public address \(ip), not through a VPC endpoint, first at \(tally.first.time.reportMinute); in \(facts.activeDays) days of baseline the role's sessions called only from \(anyUse.known.count) other address(es) (\(anyUse.examples())).")
                finding.sourceIPs = [ip: tally.count]
                finding.evidence = ["sourceIP": ip, "knownAddresses": String(anyUse.known.count), "baselineDays": String(facts.activeDays)]
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension InstanceCredentialsOutside {
    public static var cases: [DetectionCase] {
        let window = "2026-02-23T00:00:00Z"
        var web = CaseEvents.role("web-server", session: "i-0a1b2c3d4e5f60718")
        web.ec2RoleDelivery = "2.0"
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [8, 12, 18]) {
            CaseEvents.getObject($0, by: web, from: "52.23.10.4", bucket: "app-assets")
        }
        var listing = CaseEvents.getObject(CaseEvents.time("2026-02-23T01:15:00Z"), by: web, from: "198.51.100.66", bucket: "customer-records")
        listing.eventName = "ListBuckets"
        let read = CaseEvents.getObject(CaseEvents.time("2026-02-23T01:16:00Z"), by: web, from: "198.51.100.66", bucket: "customer-records")
        var throughEndpoint = CaseEvents.getObject(CaseEvents.time("2026-02-23T09:00:00Z"), by: web, from: "10.0.3.7", bucket: "app-assets")
        throughEndpoint.vpcEndpointId = "vpce-0a1b2c3d"
        return [
            .fires("the web server's role lists buckets and reads records from an outside address", windowStart: window, history + [listing, read]),
            .quiet("the web server calling from its own NAT address", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T09:00:00Z"), by: web, from: "52.23.10.4", bucket: "app-assets")]),
            .quiet("the web server through its VPC endpoint", windowStart: window, history + [throughEndpoint]),
        ]
    }
}
