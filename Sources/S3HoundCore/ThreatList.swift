/// A named list of known-bad addresses and networks (a Tor exit list, a blocklist of a threat feed).
public struct ThreatList: Hashable, Sendable, Codable {
    /// The name findings show, e.g. `tor-exits`.
    public var name: String
    /// The addresses and networks.
    public var networks: IPNetworkSet

    /// Creates a list from networks.
    public init(name: String, networks: [IPNetwork]) { self.name = name; self.networks = IPNetworkSet(networks) }

    /// Creates a list from address or CIDR texts; texts that are neither are left out (file loaders report them).
    public init(name: String, cidrs: [String]) { self.init(name: name, networks: cidrs.compactMap(IPNetwork.init)) }

    /// The network of the list containing the address, if any.
    public func match(_ address: String) -> IPNetwork? { networks.match(address) }
}
