/// Object reads in one period (an hour or a day): successful GetObject requests and the bytes they sent out.
public struct Volume: Hashable, Sendable, Codable {
    /// Successful GetObject requests.
    public var requests: Int
    /// `bytesTransferredOut` of those requests.
    public var bytes: Int64

    /// Creates a volume.
    public init(requests: Int = 0, bytes: Int64 = 0) { self.requests = requests; self.bytes = bytes }

    /// Adds another period's reads.
    public static func += (lhs: inout Volume, rhs: Volume) {
        lhs.requests += rhs.requests
        lhs.bytes += rhs.bytes
    }
}

/// Which series of a profile's read volumes a percentile is taken over.
public enum VolumeMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    /// GetObject requests per clock hour with reads.
    case hourlyRequests
    /// Bytes sent out per clock hour with reads.
    case hourlyBytes
    /// GetObject requests per UTC day with reads.
    case dailyRequests
    /// Bytes sent out per UTC day with reads.
    case dailyBytes
}
