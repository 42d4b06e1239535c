import S3HoundCore

/// One principal's reads from one source: per-hour counters, and the stream's number in its
/// accumulator's own `ReadLedger` (where each read's object, bucket, access key and event are).
public struct ReadStream: Sendable {
    /// The stream's number in the owning accumulator's ledger; `unregistered` for a stream merged in from
    /// another accumulator and not read since (its reads are in that accumulator's ledger).
    var ledgerID: UInt32
    /// Counters per clock hour (hours since the epoch).
    public internal(set) var hours: [Int64: ReadHour] = [:]

    /// The number of a stream not yet in the owning ledger.
    static let unregistered = UInt32.max

    init(ledgerID: UInt32) { self.ledgerID = ledgerID }

    /// Counts a read at `time`.
    mutating func add(time: EventTime, failed: Bool, bytes: Int64) {
        let minute = time.minuteIndex
        let hour = minute.floorDiv(60)
        let minuteOfHour = Int(minute - hour * 60)
        if let index = hours.index(forKey: hour) {
            hours.values[index].add(minuteOfHour: minuteOfHour, failed: failed, bytes: bytes)
        } else {
            var tally = ReadHour()
            tally.add(minuteOfHour: minuteOfHour, failed: failed, bytes: bytes)
            hours[hour] = tally
        }
    }

    /// Adds another accumulator's tally of the same stream (keeping this one's ledger number).
    mutating func merge(_ other: ReadStream) {
        hours.mergeLarger(other.hours) { $0.merge($1) }
    }

    /// Requests (successful and failed) and bytes over the whole stream.
    public var totals: (requests: Int, bytes: Int64) {
        var requests = 0, bytes: Int64 = 0
        for hour in hours.values {
            requests += hour.reads + hour.failed
            bytes += hour.bytesOut
        }
        return (requests, bytes)
    }

    /// True when any read fell in an hour strictly between `from` and `to` that `included` rejects: a quiet
    /// stretch the sliding windows of `BulkDownload` must not be bridged across.
    func hasReads(between from: Int64, and to: Int64, outside included: Set<Int64>) -> Bool {
        guard to - from > 1 else { return false }
        if to - from - 1 <= Int64(hours.count) {
            for hour in (from + 1)..<to where !included.contains(hour) && hours[hour] != nil { return true }
            return false
        }
        return hours.keys.contains { $0 > from && $0 < to && !included.contains($0) }
    }
}
