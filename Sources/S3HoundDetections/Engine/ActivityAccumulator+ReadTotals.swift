import S3HoundCore

extension ActivityAccumulator {
    /// Every GetObject accumulated (failed ones, AWS services' and anonymous callers' included), per principal
    /// and source address: requests and bytes sent out, sorted by principal then address.
    ///
    /// Only events in `readRange` were accumulated: with `--since`, the window and its baseline.
    public var readTotals: [ReadTotal] {
        var totals: [ReadTotal] = []
        totals.reserveCapacity(readStreams.count)
        for (key, stream) in readStreams {
            let (requests, bytes) = stream.totals
            totals.append(ReadTotal(principal: key.principal, sourceIP: key.sourceIP, requests: requests, bytes: bytes))
        }
        totals.sort(by: ReadTotal.byPrincipalAndSource)
        return totals
    }
}
