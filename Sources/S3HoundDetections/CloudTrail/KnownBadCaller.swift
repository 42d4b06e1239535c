import S3HoundCore

/// Calls from an address on a configured threat list (a Tor exit list, a threat feed).
public struct KnownBadCaller: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.known-bad-caller",
        title: "Calls from an address on a threat list",
        severity: .high,
        techniques: [.t1078_004, .t1530],
        guardDutyEquivalent: "UnauthorizedAccess:S3/MaliciousIPCaller.Custom, UnauthorizedAccess:S3/TorIPCaller",
        falsePositives: [
            "Needs local settings: quiet until a threat list is given with --threat-list",
            "Staff using Tor or a commercial VPN whose exits are listed: confirm with the person, then suppress the principal",
            "Stale entries in an old list: refresh the list before the hunt",
        ],
        triage: "Which list and entry matched? A valid key used from a Tor exit or a listed host is stolen until proven otherwise: deactivate it, then read what it touched.")

    /// Creates the detection.
    public init() {}

    public static let consequence = "Calls from listed addresses are made by someone hiding their origin or known to attack; the credentials are likely in the wrong hands."
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "nothing read or changed") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard !configuration.threatLists.isEmpty, !event.identity.isAWSService, let ip = event.sourceIP,
              let (list, entry) = Self.listing(ip, configuration: configuration) else { return nil }
        return "\(event.eventName) from \(ip), on threat list '\(list.name)' (entry \(entry))"
    }

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration, terms: EventTermCache) -> Bool {
        guard !configuration.threatLists.isEmpty, !event.identity.isAWSService, let ip = event.sourceIP else { return false }
        return terms.threatListing(ip, configuration: configuration) != nil
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String {
        guard let ip = event.sourceIP, let (list, _) = Self.listing(ip, configuration: configuration) else { return "" }
        return "\(list.name) \(ip)"
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        guard let ip = run.first.sourceIP, let (list, entry) = Self.listing(ip, configuration: configuration) else { return }
        finding.evidence["threatList"] = list.name
        finding.evidence["listEntry"] = entry.description
        finding.evidence["sourceIP"] = ip
    }

    /// The first list naming the address, and its entry.
    static func listing(_ ip: String, configuration: DetectionConfiguration) -> (ThreatList, IPNetwork)? {
        guard let address = IPAddressValue(ip) else { return nil }
        for list in configuration.threatLists { if let entry = list.networks.match(address) { return (list, entry) } }
        return nil
    }
}

extension KnownBadCaller {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:47:00Z")
        var tor = DetectionConfiguration()
        tor.threatLists = [ThreatList(name: "tor-exits", cidrs: ["185.220.101.0/24", "2a0b:f4c2::/40"])]
        return [
            .fires("developer-jane's key reads records from a Tor exit", configuration: tor, [
                CaseEvents.getObject(at, by: jane, from: "185.220.101.47", bucket: "customer-records"),
            ]),
            .fires("an IPv6 Tor exit lists buckets, and is denied", configuration: tor, [
                CaseEvents.call("ListBuckets", at: at, by: jane, from: "2a0b:f4c2:2::1", errorCode: "AccessDenied"),
            ]),
            .quiet("the same read from the office address", configuration: tor, [
                CaseEvents.getObject(at, by: jane, from: "203.0.113.10", bucket: "customer-records"),
            ]),
            .quiet("a Tor exit with no threat list configured", [
                CaseEvents.getObject(at, by: jane, from: "185.220.101.47", bucket: "customer-records"),
            ]),
        ]
    }
}
