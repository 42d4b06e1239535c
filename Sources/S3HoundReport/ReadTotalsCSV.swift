import S3HoundCore

/// `hunt --read-totals`: GetObject requests and bytes per principal and source address, as CSV.
public enum ReadTotalsCSV {
    /// The header line's columns.
    public static let columns = ["principal", "source_ip", "requests", "bytes"]

    /// The header and one row per total, in the order given.
    public static func render(_ totals: [ReadTotal]) -> String {
        var text = CSVText.row(columns)
        text.reserveCapacity(totals.count * 80)
        for total in totals {
            text += CSVText.row([total.principal, total.sourceIP, String(total.requests), String(total.bytes)])
        }
        return text
    }
}
