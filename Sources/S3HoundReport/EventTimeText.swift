import S3HoundCore

/// Times of minute indexes as reports write them.
enum EventTimeText {
    /// `2026-02-23 02:47 UTC` for a minute index (minutes since the epoch).
    static func reportMinute(minute: Int64) -> String {
        EventTime(millisecondsSinceEpoch: minute * 60_000).reportMinute
    }
}
