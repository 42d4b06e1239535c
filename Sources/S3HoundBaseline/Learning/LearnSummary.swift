import S3HoundSources

/// What `BaselineLearner.learn` did.
public struct LearnSummary: Sendable {
    /// Files read and learned in this run.
    public var filesRead = 0
    /// Files skipped because the store already holds them (or because the same file appeared twice in the input).
    public var filesAlreadyLearned = 0
    /// Files skipped unopened because the delivery layout put them outside `--since`/`--until`.
    public var filesPruned = 0
    /// Digests and S3Hound metadata files ignored.
    public var filesIgnored = 0
    /// Files not read to the end (truncated, unreadable); what was read is learned.
    public var filesWithErrors = 0
    /// Records read.
    public var records = 0
    /// Records skipped as malformed.
    public var recordsSkipped = 0
    /// Records outside `--since`/`--until`, not learned.
    public var recordsOutsideWindow = 0
    /// Uncompressed bytes read.
    public var bytesRead: Int64 = 0
    /// Principals whose profiles gained history.
    public var principalsUpdated = 0
    /// Rows removed by retention, and the first day kept (days since the epoch) when any were.
    public var update = StoreUpdate()
    /// Problems with the input, in file order.
    public var issues: [IngestIssue] = []
    /// Problems not kept in `issues`.
    public var issuesDropped = 0
    /// Wall-clock seconds.
    public var elapsedSeconds = 0.0
}
