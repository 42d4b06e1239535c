/// Helpers for IP address text as logs carry it.
public enum IPAddress {
    /// True for an IPv4 dotted quad or an IPv6 address; false for service names like `s3.amazonaws.com`.
    public static func isIPAddress(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isIPAddress) ?? isIPAddress(text.utf8)
    }

    private static func isIPAddress<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var dots = 0, colons = 0, digitsInPart = 0
        var sawHexLetter = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digitsInPart += 1
            case UInt8(ascii: "."): dots += 1; digitsInPart = 0
            case UInt8(ascii: ":"): colons += 1; digitsInPart = 0
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): sawHexLetter = true
            default: return false
            }
            if digitsInPart > 4 { return false }
        }
        if colons >= 2 { return true }
        return colons == 0 && dots == 3 && !sawHexLetter
    }

    /// True for addresses that cannot be on the public internet (RFC 1918, loopback, link-local, ULA).
    public static func isPrivate(_ text: String) -> Bool {
        if text.utf8.contains(UInt8(ascii: ":")) {
            let lower = text.lowercased()
            return lower == "::1" || lower.hasPrefix("fc") || lower.hasPrefix("fd") || lower.hasPrefix("fe80")
        }
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        switch (parts[0], parts[1]) {
        case (10, _), (127, _), (192, 168), (169, 254): return true
        case (172, 16...31): return true
        case (100, 64...127): return true
        default: return false
        }
    }
}
