import S3HoundCore

/// Object reads by one principal from one source in one clock hour: the counters every GetObject
/// updates (24 bytes). Which minutes had reads is a bitmap, so active minutes and quiet gaps are
/// known without a tally per minute; the reads themselves are in the `ReadLedger`.
public struct ReadHour: Sendable, Equatable {
    /// Bit `n` is set when minute `n` of the hour had a read (successful or failed).
    public var minuteBits: UInt64 = 0
    private var successful: UInt32 = 0
    private var failures: UInt32 = 0
    /// Bytes sent out by the successful reads.
    public var bytesOut: Int64 = 0

    /// An hour without reads.
    public init() {}

    /// Successful reads.
    public var reads: Int { Int(successful) }
    /// Failed read attempts.
    public var failed: Int { Int(failures) }
    /// Minutes of the hour with any read.
    public var activeMinutes: Int { minuteBits.nonzeroBitCount }

    /// Counts a read in minute `minuteOfHour` (0–59).
    mutating func add(minuteOfHour: Int, failed: Bool, bytes: Int64) {
        minuteBits |= 1 << UInt64(minuteOfHour)
        if failed {
            failures &+= 1
        } else {
            successful &+= 1
            bytesOut &+= bytes
        }
    }

    /// Adds another tally of the same hour.
    mutating func merge(_ other: ReadHour) {
        minuteBits |= other.minuteBits
        successful &+= other.successful
        failures &+= other.failures
        bytesOut &+= other.bytesOut
    }
}
