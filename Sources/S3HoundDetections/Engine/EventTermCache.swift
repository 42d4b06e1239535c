import S3HoundCore

/// What per-event detections work out from a term that repeats across events — does this user agent name
/// an attack tool, is this address on a threat list — worked out once per distinct term on each reader
/// thread and then looked up. A scan meets a few hundred user agents and a few thousand addresses in
/// millions of events; matching every user agent against the tool list took a twentieth of a hunt.
///
/// One per accumulator (not thread-safe); a fixed number of slots per kind of term (`TermSlots`).
public final class EventTermCache {
    private let tools = TermSlots<String?>()
    private let listings = TermSlots<(ThreatList, IPNetwork)?>()
    private let families = TermSlots<String>()
    private let foreign = TermSlots<Bool>()

    /// Creates an empty cache.
    public init() {}

    /// The entry of `configuration.toolUserAgents` found in `agent`, if any.
    public func toolMatch(_ agent: String, configuration: DetectionConfiguration) -> String? {
        tools.value(agent) { configuration.toolUserAgents.firstMatch(in: $0) }
    }

    /// `UserAgentFamily.family(of:)`.
    public func agentFamily(_ agent: String?) -> String {
        guard let agent else { return UserAgentFamily.family(of: nil) }
        return families.value(agent) { UserAgentFamily.family(of: $0) }
    }

    /// Whether `account` is an account id that is neither one of `configuration.ownAccounts` nor trusted.
    public func isForeignAccount(_ account: String, configuration: DetectionConfiguration) -> Bool {
        foreign.value(account) { ForeignAccountCaller.isForeign($0, configuration: configuration) }
    }

    /// The first of `configuration.threatLists` naming `ip`, and its entry.
    public func threatListing(_ ip: String, configuration: DetectionConfiguration) -> (ThreatList, IPNetwork)? {
        guard !configuration.threatLists.isEmpty else { return nil }
        return listings.value(ip) { KnownBadCaller.listing($0, configuration: configuration) }
    }
}
