import S3HoundCore

/// A principal calling from an IP address it never used in its baseline history ("new terms").
public struct NewSourceIP: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.new-source-ip",
        title: "Principal used a source IP never seen for it before",
        severity: .low,
        techniques: [.t1078_004],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Travel, a new office or VPN exit, a changed NAT gateway: confirm with the owner",
            "Short histories: the principal needs --min-history-days of baseline before this judges it",
        ],
        triage: "Who owns the address (cloud provider, VPN, Tor exit)? Did the principal do anything unusual from it (bulk reads, copies)?")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        var findings: [Finding] = []
        for (profile, facts) in judgedPrincipals(activity, windows: windows) {
            let terms = NewTerms(profile.ips.totals, windows: windows, learned: windows.learnedProfile(profile.principal)?.sourceIPs)
                .excludingAllowed(activity.configuration.allowedNetworks)
            let knownNetworks = Set(terms.known.map(AddressNetwork.of))
            for (ip, tally) in terms.new {
                let network = AddressNetwork.of(ip)
                let networkKnown = knownNetworks.contains(network)
                var finding = newTermFinding(profile, tally: tally, explanation: "\(ByteCount.grouped(tally.count)) requests from \(ip), first at \(tally.first.time.reportMinute); in \(facts.activeDays) days of baseline this principal used \(terms.known.count) other address(es) (\(terms.examples())) and never this one"
                    + (networkKnown ? ", though it did use its network \(network)." : ", nor any address in its network \(network)."))
                // A new address next to known ones (DHCP, a NAT pool) is worth knowing, not worth raising.
                if networkKnown { finding.severity = .info }
                finding.sourceIPs = [ip: tally.count]
                finding.evidence = ["sourceIP": ip, "network": network, "networkKnown": String(networkKnown),
                                    "knownAddresses": String(terms.known.count), "baselineDays": String(facts.activeDays)]
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension NewSourceIP {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let window = "2026-02-23T00:00:00Z"
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [9, 14]) {
            CaseEvents.getObject($0, by: jane, from: "203.0.113.10")
        }
        var vpn = DetectionConfiguration()
        vpn.allowedNetworks = IPNetworkSet([IPNetwork("198.51.100.0/24")!])
        return [
            .quiet("developer-jane on the company VPN range, listed as allowed", windowStart: window, configuration: vpn,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T10:47:00Z"), by: jane, from: "198.51.100.20")]),
            .fires("developer-jane, seven days from the office, then a read from a Tor exit", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T02:47:00Z"), by: jane, from: "185.220.101.47")]),
            .quiet("an address first used five minutes before the window is history, not new, when it is used again inside it", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-22T23:55:00Z"), by: jane, from: "185.220.101.47"),
                              CaseEvents.getObject(CaseEvents.time("2026-02-23T00:05:00Z"), by: jane, from: "185.220.101.47")]),
            .quiet("developer-jane reading from the office address she always uses", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T09:30:00Z"), by: jane, from: "203.0.113.10")]),
            .quiet("a principal with one day of history is not judged", windowStart: window,
                   Array(history.suffix(2)) + [CaseEvents.getObject(CaseEvents.time("2026-02-23T02:47:00Z"), by: jane, from: "185.220.101.47")]),
            .quiet("calls made by an AWS service name, not an IP", windowStart: window,
                   history + [CaseEvents.getObject(CaseEvents.time("2026-02-23T10:00:00Z"), by: jane, from: "s3.amazonaws.com")]),
        ]
    }
}
