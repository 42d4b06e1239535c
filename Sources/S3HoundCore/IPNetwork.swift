/// An IPv4 or IPv6 address as a 128-bit number; IPv4 addresses (and IPv4-mapped IPv6 ones,
/// `::ffff:a.b.c.d`) are kept in the low 32 bits with `isIPv4` set, so both forms match the same networks.
public struct IPAddressValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Upper 64 bits (always 0 for IPv4).
    public var high: UInt64
    /// Lower 64 bits (the address itself for IPv4).
    public var low: UInt64
    /// True for IPv4.
    public var isIPv4: Bool

    /// Width of the address in bits: 32 or 128.
    public var bitWidth: Int { isIPv4 ? 32 : 128 }

    /// Creates a value from its parts.
    public init(high: UInt64, low: UInt64, isIPv4: Bool) { self.high = high; self.low = low; self.isIPv4 = isIPv4 }

    /// Parses dotted-quad IPv4 or IPv6 text (with `::` compression, an embedded IPv4 tail, a `%zone`
    /// suffix, or `[brackets]`); nil for anything else.
    public init?(_ text: String) {
        // Most addresses in logs are plain IPv4: read those from the bytes, without splitting.
        if let value = Self.parseIPv4Bytes(text) { self.init(high: 0, low: UInt64(value), isIPv4: true); return }
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        if text.contains(":") {
            guard let (high, low) = Self.parseIPv6(text) else { return nil }
            if high == 0, low >> 32 == 0xFFFF {
                self.init(high: 0, low: low & 0xFFFF_FFFF, isIPv4: true)
            } else {
                self.init(high: high, low: low, isIPv4: false)
            }
        } else {
            guard let value = Self.parseIPv4(text) else { return nil }
            self.init(high: 0, low: UInt64(value), isIPv4: true)
        }
    }

    /// The address with every bit after the first `prefixLength` cleared.
    public func masked(to prefixLength: Int) -> IPAddressValue {
        if isIPv4 {
            let shift = 32 - max(0, min(32, prefixLength))
            let mask: UInt64 = shift >= 32 ? 0 : (0xFFFF_FFFF >> UInt64(shift)) << UInt64(shift)
            return IPAddressValue(high: 0, low: low & mask, isIPv4: true)
        }
        let bits = max(0, min(128, prefixLength))
        let highMask: UInt64 = bits >= 64 ? .max : (bits == 0 ? 0 : .max << UInt64(64 - bits))
        let lowBits = bits - 64
        let lowMask: UInt64 = lowBits <= 0 ? 0 : (lowBits >= 64 ? .max : .max << UInt64(64 - lowBits))
        return IPAddressValue(high: high & highMask, low: low & lowMask, isIPv4: false)
    }

    public var description: String {
        if isIPv4 {
            return [24, 16, 8, 0].map { String((low >> UInt64($0)) & 0xFF) }.joined(separator: ".")
        }
        let groups = (0..<8).map { i -> UInt64 in
            let word = i < 4 ? high : low
            return (word >> UInt64((3 - i % 4) * 16)) & 0xFFFF
        }
        // Longest run of zero groups (at least two) becomes "::".
        var bestStart = -1, bestLength = 0, i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8 && groups[j] == 0 { j += 1 }
                if j - i > bestLength && j - i >= 2 { bestStart = i; bestLength = j - i }
                i = j
            } else { i += 1 }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        return hex[..<bestStart].joined(separator: ":") + "::" + hex[(bestStart + bestLength)...].joined(separator: ":")
    }

    /// `a.b.c.d` with one to three decimal digits per part, each at most 255; nil for anything else
    /// (the general parser then decides).
    static func parseIPv4Bytes(_ text: String) -> UInt32? {
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                digits += 1
                guard digits <= 3 else { return nil }
                part = part * 10 + UInt32(byte - 48)
            } else if byte == UInt8(ascii: ".") {
                guard digits > 0, part <= 255, parts < 3 else { return nil }
                value = value << 8 | part
                parts += 1; part = 0; digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, part <= 255, parts == 3 else { return nil }
        return value << 8 | part
    }

    static func parseIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseIPv6(_ text: Substring) -> (UInt64, UInt64)? {
        var halves = [String(text)]
        if let gap = text.firstRange(of: "::") {
            halves = [String(text[..<gap.lowerBound]), String(text[gap.upperBound...])]
            guard !halves[1].contains("::") else { return nil }
        }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if piece.contains(".") {
                    guard allowIPv4Tail, index == pieces.count - 1, let v4 = parseIPv4(piece) else { return nil }
                    result.append(UInt16(v4 >> 16)); result.append(UInt16(v4 & 0xFFFF))
                } else {
                    guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        var all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowIPv4Tail: false), let tail = groups(halves[1], allowIPv4Tail: true),
                  head.count + tail.count <= 7 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let only = groups(halves[0], allowIPv4Tail: true), only.count == 8 else { return nil }
            all = only
        }
        var high: UInt64 = 0, low: UInt64 = 0
        for group in all[0..<4] { high = high << 16 | UInt64(group) }
        for group in all[4..<8] { low = low << 16 | UInt64(group) }
        return (high, low)
    }
}

/// An IP network in CIDR notation (`192.0.2.0/24`, `2001:db8::/32`); a bare address is a /32 or /128.
public struct IPNetwork: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The network address (host bits cleared).
    public var address: IPAddressValue
    /// The prefix length in bits.
    public var prefixLength: Int

    /// Creates a network from an address and prefix length, clearing host bits.
    public init(address: IPAddressValue, prefixLength: Int) {
        self.prefixLength = max(0, min(address.bitWidth, prefixLength))
        self.address = address.masked(to: self.prefixLength)
    }

    /// Parses `address` or `address/length`; host bits after the prefix are cleared (`10.1.2.3/8` is `10.0.0.0/8`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressValue(String(parts[0])) else { return nil }
        var length = address.bitWidth
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isASCII), let value = Int(parts[1]) else { return nil }
            // `::ffff:1.2.3.0/120` names an IPv4 /24.
            let mapped = address.isIPv4 && parts[0].contains(":")
            length = mapped ? value - 96 : value
            guard length >= 0, length <= address.bitWidth else { return nil }
        }
        self.init(address: address, prefixLength: length)
    }

    /// True when `address` lies inside the network.
    public func contains(_ other: IPAddressValue) -> Bool {
        other.isIPv4 == address.isIPv4 && other.masked(to: prefixLength) == address
    }

    public var description: String { "\(address)/\(prefixLength)" }
}

/// Many networks, matched in a few set look-ups (one per distinct prefix length), whatever their number.
public struct IPNetworkSet: Hashable, Sendable, Codable {
    /// The networks, in the order given.
    public let networks: [IPNetwork]
    private let index: [Int: [IPAddressValue: Int]]
    private let lengths: [Int]

    /// Indexes the networks.
    public init(_ networks: [IPNetwork]) {
        self.networks = networks
        var index: [Int: [IPAddressValue: Int]] = [:]
        for (position, network) in networks.enumerated() {
            // IPv4 and IPv6 prefix lengths share the table: the family is part of the address key.
            let key = network.address.isIPv4 ? network.prefixLength : 1000 + network.prefixLength
            if index[key]?[network.address] == nil { index[key, default: [:]][network.address] = position }
        }
        self.index = index
        lengths = index.keys.sorted(by: >)
    }

    /// The most specific network containing the address, if any.
    public func match(_ address: IPAddressValue) -> IPNetwork? {
        for key in lengths {
            let isIPv4 = key < 1000
            guard isIPv4 == address.isIPv4 else { continue }
            let length = isIPv4 ? key : key - 1000
            if let position = index[key]?[address.masked(to: length)] { return networks[position] }
        }
        return nil
    }

    /// The most specific network containing the address text, if it is an address and any matches.
    public func match(_ text: String) -> IPNetwork? { IPAddressValue(text).flatMap(match) }

    /// True when there are no networks.
    public var isEmpty: Bool { networks.isEmpty }

    public static func == (lhs: IPNetworkSet, rhs: IPNetworkSet) -> Bool { lhs.networks == rhs.networks }
    public func hash(into hasher: inout Hasher) { hasher.combine(networks) }

    public init(from decoder: any Decoder) throws { self.init(try [IPNetwork](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try networks.encode(to: encoder) }
}
