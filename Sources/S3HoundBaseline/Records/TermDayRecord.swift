import GRDB

/// A source IP, user-agent family or bucket of one principal on one UTC day.
struct TermDayRecord: Codable, Hashable, Sendable {
    var principal: String
    /// `TermKind` raw value.
    var kind: String
    var term: String
    /// Days since the epoch.
    var day: Int64
    var count: Int
    /// Milliseconds since the epoch.
    var firstSeen: Int64
    /// Milliseconds since the epoch.
    var lastSeen: Int64
}

extension TermDayRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "term_day"

    enum Columns {
        static let principal = Column(CodingKeys.principal)
        static let kind = Column(CodingKeys.kind)
        static let term = Column(CodingKeys.term)
        static let day = Column(CodingKeys.day)
        static let count = Column(CodingKeys.count)
        static let firstSeen = Column(CodingKeys.firstSeen)
        static let lastSeen = Column(CodingKeys.lastSeen)
    }

    /// Adds the day's count to what the store holds for the same term and day.
    func add(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO term_day (principal, kind, term, day, count, firstSeen, lastSeen) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(principal, kind, term, day) DO UPDATE SET
              count = count + excluded.count,
              firstSeen = min(firstSeen, excluded.firstSeen),
              lastSeen = max(lastSeen, excluded.lastSeen)
            """).execute(arguments: [principal, kind, term, day, count, firstSeen, lastSeen])
    }
}
