import S3HoundCore

/// A problem found while reading input: which file, where, what, and what happens next.
public struct IngestIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file (or `-` for standard input).
    public var file: String
    /// Index of the record in the file (0-based), when the problem is one record.
    public var recordIndex: Int?
    /// Byte offset in the decompressed text (or in the compressed file for gzip damage).
    public var byteOffset: Int?
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(file: String, recordIndex: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.file = file; self.recordIndex = recordIndex; self.byteOffset = byteOffset; self.message = message
    }

    /// `FILE: record 12 at byte 3456: reason` — terminal-safe.
    public var description: String {
        var position: [String] = []
        if let recordIndex { position.append("record \(recordIndex)") }
        if let byteOffset { position.append("byte \(byteOffset)") }
        let at = position.isEmpty ? "" : " (" + position.joined(separator: ", ") + ")"
        return SafeText.terminal(file) + at + ": " + SafeText.terminal(message)
    }
}

/// What reading one file gave.
public struct FileReadResult: Sendable {
    /// The file read.
    public var file: String
    /// Records parsed into events.
    public var records = 0
    /// Records skipped as malformed.
    public var skipped = 0
    /// Uncompressed bytes of text read.
    public var bytes: Int64 = 0
    /// Problems, in order (at most `IngestLimits.issuesPerFile`; `issuesDropped` counts the rest).
    public var issues: [IngestIssue] = []
    /// Problems not kept in `issues`.
    public var issuesDropped = 0
    /// True when the file could not be read to the end (unreadable, truncated, not a log).
    public var incomplete = false
    /// What the file held, as detected (or forced); nil when it was not recognised.
    public var source: LogSourceType?
    /// Archived GuardDuty/Macie findings skipped.
    public var findingsSkippedArchived = 0
    /// Sample GuardDuty/Macie findings skipped.
    public var findingsSkippedSamples = 0

    /// Creates an empty result for a file.
    public init(file: String) { self.file = file }

    mutating func note(_ issue: IngestIssue, limit: Int) {
        if issues.count < limit { issues.append(issue) } else { issuesDropped += 1 }
    }
}
