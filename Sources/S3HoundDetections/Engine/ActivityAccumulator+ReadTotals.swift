import S3HoundCore

extension ActivityAccumulator {
    /// Every GetObject accumulated (failed ones, AWS services' and anonymous callers' included), per principal
    /// and source address: requests and bytes sent out, sorted by principal then address.
    ///
    /// Only events in `readRange` were accumulated: with `--since`, the window and its baseline.
    public var readTotals: [ReadTotal] {
        var totals: [ReadTotal] = []
        totals.reserveCapacity(readStreams.count)
        for (key, minutes) in readStreams {
            var requests = 0, bytes: Int64 = 0
            for minute in minutes.values {
                requests += minute.reads + minute.failed
                bytes += minute.bytesOut
            }
            totals.append(ReadTotal(principal: key.principal, sourceIP: key.sourceIP, requests: requests, bytes: bytes))
        }
        totals.sort(by: ReadTotal.byPrincipalAndSource)
        return totals
    }
}
