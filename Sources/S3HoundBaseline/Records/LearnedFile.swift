import GRDB

/// A log file whose events are in the store; a file is learned once, whatever its path later.
public struct LearnedFile: Codable, Hashable, Sendable {
    /// The content fingerprint (`FileFingerprint.identity`): the same bytes at another path are the same file.
    public var fingerprint: String
    /// The path it was learned from.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Modification time, milliseconds since the epoch.
    public var modifiedAt: Int64
    /// When it was learned, milliseconds since the epoch.
    public var learnedAt: Int64
    /// Records read from it.
    public var records: Int
    /// The `--since` of the run that learned it (milliseconds), if any: only events from then were taken.
    public var windowStart: Int64?
    /// The `--until` of the run that learned it (milliseconds), if any.
    public var windowEnd: Int64?

    /// Creates a row.
    public init(fingerprint: String, path: String, size: Int64, modifiedAt: Int64, learnedAt: Int64, records: Int,
                windowStart: Int64? = nil, windowEnd: Int64? = nil) {
        self.fingerprint = fingerprint; self.path = path; self.size = size; self.modifiedAt = modifiedAt
        self.learnedAt = learnedAt; self.records = records; self.windowStart = windowStart; self.windowEnd = windowEnd
    }
}

extension LearnedFile: FetchableRecord, PersistableRecord {
    /// The table's name.
    public static let databaseTableName = "learned_file"

    /// The table's columns.
    public enum Columns {
        /// `fingerprint`, the primary key.
        public static let fingerprint = Column(CodingKeys.fingerprint)
        /// `path`.
        public static let path = Column(CodingKeys.path)
        /// `size`.
        public static let size = Column(CodingKeys.size)
        /// `modifiedAt`.
        public static let modifiedAt = Column(CodingKeys.modifiedAt)
        /// `learnedAt`.
        public static let learnedAt = Column(CodingKeys.learnedAt)
        /// `records`.
        public static let records = Column(CodingKeys.records)
    }
}
