import Foundation

/// AWS's published IP address ranges (`ip-ranges.json`): which addresses are AWS's, and which service and
/// Region each range serves — so a flow to `52.95.128.179` can be read as "to S3 in ap-southeast-2".
public struct AWSIPRanges: Sendable {
    /// One published range.
    public struct Prefix: Hashable, Sendable, Codable {
        /// The range (`ip_prefix` or `ipv6_prefix`).
        public var network: IPNetwork
        /// `region`, e.g. `us-east-1`, or `GLOBAL`.
        public var region: String
        /// `service`, e.g. `S3`, `EC2`, or `AMAZON` (every AWS range is also listed under AMAZON).
        public var service: String
        /// `network_border_group`, e.g. `us-east-1-wl1-bos-wlz-1`.
        public var networkBorderGroup: String?

        /// Creates a range entry.
        public init(network: IPNetwork, region: String, service: String, networkBorderGroup: String? = nil) {
            self.network = network; self.region = region; self.service = service; self.networkBorderGroup = networkBorderGroup
        }
    }

    /// Why a document is not a usable ip-ranges file.
    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong and what to do.
        public var reason: String
        /// Creates an error.
        public init(reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    /// `syncToken`: the publication time in Unix seconds, as text.
    public let syncToken: String?
    /// `createDate`, e.g. `2026-02-20-18-13-05`.
    public let createDate: String?
    /// Every range, IPv4 then IPv6, in the order published.
    public let prefixes: [Prefix]
    private let networks: IPNetworkSet
    private let entries: [IPNetwork: [Int]]
    private let lengthsIPv4: [Int]
    private let lengthsIPv6: [Int]

    /// Indexes ranges.
    public init(prefixes: [Prefix], syncToken: String? = nil, createDate: String? = nil) {
        self.prefixes = prefixes; self.syncToken = syncToken; self.createDate = createDate
        var entries: [IPNetwork: [Int]] = [:]
        for (position, prefix) in prefixes.enumerated() { entries[prefix.network, default: []].append(position) }
        self.entries = entries
        networks = IPNetworkSet(prefixes.map(\.network))
        lengthsIPv4 = Set(prefixes.filter { $0.network.address.isIPv4 }.map(\.network.prefixLength)).sorted(by: >)
        lengthsIPv6 = Set(prefixes.filter { !$0.network.address.isIPv4 }.map(\.network.prefixLength)).sorted(by: >)
    }

    /// Reads the JSON AWS publishes: `{"syncToken":…,"createDate":…,"prefixes":[{"ip_prefix":…,"region":…,"service":…,
    /// "network_border_group":…}],"ipv6_prefixes":[{"ipv6_prefix":…}]}`. Unknown keys are ignored.
    public init(json: Data) throws(FormatError) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: json)
        } catch let error as DecodingError {
            throw FormatError(reason: "is not AWS's ip-ranges.json: \(Self.describe(error))")
        } catch {
            throw FormatError(reason: "is not AWS's ip-ranges.json: \(error)")
        }
        guard document.prefixes != nil || document.ipv6Prefixes != nil else {
            throw FormatError(reason: "has no 'prefixes' or 'ipv6_prefixes' list; is this AWS's ip-ranges.json?")
        }
        var prefixes: [Prefix] = []
        for (index, entry) in (document.prefixes ?? []).enumerated() {
            guard let text = entry.ipPrefix, let network = IPNetwork(text), network.address.isIPv4 else {
                throw FormatError(reason: "prefixes[\(index)].ip_prefix '\(SafeText.terminal(entry.ipPrefix ?? "(missing)"))' is not an IPv4 CIDR such as 3.5.140.0/22")
            }
            prefixes.append(Prefix(network: network, region: entry.region ?? "", service: entry.service ?? "", networkBorderGroup: entry.networkBorderGroup))
        }
        for (index, entry) in (document.ipv6Prefixes ?? []).enumerated() {
            guard let text = entry.ipv6Prefix, let network = IPNetwork(text), !network.address.isIPv4 || text.contains(":") else {
                throw FormatError(reason: "ipv6_prefixes[\(index)].ipv6_prefix '\(SafeText.terminal(entry.ipv6Prefix ?? "(missing)"))' is not an IPv6 CIDR such as 2600:1f14::/35")
            }
            prefixes.append(Prefix(network: network, region: entry.region ?? "", service: entry.service ?? "", networkBorderGroup: entry.networkBorderGroup))
        }
        self.init(prefixes: prefixes, syncToken: document.syncToken, createDate: document.createDate)
    }

    /// True when the address (IPv4, IPv6 or IPv4-mapped IPv6) is in any published range.
    public func contains(_ address: String) -> Bool { networks.match(address) != nil }

    /// True when the address is in any published range.
    public func contains(_ address: IPAddressValue) -> Bool { networks.match(address) != nil }

    /// Every published entry whose range holds the address, most specific range first.
    public func entries(for address: String) -> [Prefix] {
        guard let value = IPAddressValue(address) else { return [] }
        return entries(for: value)
    }

    /// Every published entry whose range holds the address, most specific range first.
    public func entries(for address: IPAddressValue) -> [Prefix] {
        var found: [Prefix] = []
        for length in address.isIPv4 ? lengthsIPv4 : lengthsIPv6 {
            guard let positions = entries[IPNetwork(address: address, prefixLength: length)] else { continue }
            found.append(contentsOf: positions.map { prefixes[$0] })
        }
        return found
    }

    /// The service an address belongs to — the most specific named service (`S3`, `EC2` …), else `AMAZON` — or nil
    /// when it is not an AWS address.
    public func service(of address: String) -> String? {
        let found = entries(for: address)
        return found.first(where: { $0.service != "AMAZON" && !$0.service.isEmpty })?.service ?? found.first?.service
    }

    /// The Region of the most specific range holding the address, or nil when it is not an AWS address.
    public func region(of address: String) -> String? { entries(for: address).first?.region }

    /// True for addresses that cannot be on the public internet: RFC 1918 (10/8, 172.16/12, 192.168/16), shared
    /// address space (100.64/10), loopback (127/8, ::1), link-local (169.254/16, fe80::/10) and unique local IPv6
    /// (fc00::/7). IPv4-mapped IPv6 addresses are judged as IPv4; text that is not an address is not private.
    public static func isPrivate(_ address: String) -> Bool {
        guard let value = IPAddressValue(address) else { return false }
        return nonPublicNetworks.match(value) != nil
    }

    /// The ranges `isPrivate` treats as not on the public internet.
    public static let nonPublicNetworks = IPNetworkSet(
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
         "::1/128", "fc00::/7", "fe80::/10"].compactMap(IPNetwork.init))

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return context.underlyingError.map { "invalid JSON (\($0.localizedDescription))" } ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
        @unknown default: return "\(error)"
        }
    }

    private struct Document: Decodable {
        var syncToken: String?
        var createDate: String?
        var prefixes: [Entry]?
        var ipv6Prefixes: [Entry]?

        enum CodingKeys: String, CodingKey {
            case syncToken, createDate, prefixes
            case ipv6Prefixes = "ipv6_prefixes"
        }
    }

    private struct Entry: Decodable {
        var ipPrefix: String?
        var ipv6Prefix: String?
        var region: String?
        var service: String?
        var networkBorderGroup: String?

        enum CodingKeys: String, CodingKey {
            case region, service
            case ipPrefix = "ip_prefix"
            case ipv6Prefix = "ipv6_prefix"
            case networkBorderGroup = "network_border_group"
        }
    }
}
