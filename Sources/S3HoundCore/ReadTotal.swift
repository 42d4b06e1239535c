/// GetObject requests and the bytes they sent out, for one principal calling from one source address.
public struct ReadTotal: Hashable, Sendable, Codable {
    /// The principal, as `CallerIdentity.principal` names it (the role behind a session, an AWS service's name …).
    public var principal: String
    /// `sourceIPAddress` as logged (an address or an AWS service's name); empty when the record has none.
    public var sourceIP: String
    /// GetObject requests, failed ones included.
    public var requests: Int
    /// `bytesTransferredOut` summed over the successful requests (negative values count as 0).
    public var bytes: Int64

    /// Creates a total.
    public init(principal: String, sourceIP: String, requests: Int, bytes: Int64) {
        self.principal = principal; self.sourceIP = sourceIP; self.requests = requests; self.bytes = bytes
    }

    /// Orders by principal, then source address, comparing UTF-8 bytes (the order `sort` and SQL's `ORDER BY … COLLATE binary` give).
    public static func byPrincipalAndSource(_ a: ReadTotal, _ b: ReadTotal) -> Bool {
        if a.principal != b.principal { return a.principal.utf8.lexicographicallyPrecedes(b.principal.utf8) }
        return a.sourceIP.utf8.lexicographicallyPrecedes(b.sourceIP.utf8)
    }
}
