import GRDB

/// Events of one principal in one clock hour: active days, hour-of-day histogram, first and last seen.
struct ActivityHourRecord: Codable, Hashable, Sendable {
    var principal: String
    /// Hours since the epoch.
    var hour: Int64
    var events: Int
    /// Milliseconds since the epoch.
    var firstSeen: Int64
    /// Milliseconds since the epoch.
    var lastSeen: Int64
}

extension ActivityHourRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "activity_hour"

    enum Columns {
        static let principal = Column(CodingKeys.principal)
        static let hour = Column(CodingKeys.hour)
        static let events = Column(CodingKeys.events)
        static let firstSeen = Column(CodingKeys.firstSeen)
        static let lastSeen = Column(CodingKeys.lastSeen)
    }

    /// Adds the hour's events to what the store holds for the same hour.
    func add(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO activity_hour (principal, hour, events, firstSeen, lastSeen) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(principal, hour) DO UPDATE SET
              events = events + excluded.events,
              firstSeen = min(firstSeen, excluded.firstSeen),
              lastSeen = max(lastSeen, excluded.lastSeen)
            """).execute(arguments: [principal, hour, events, firstSeen, lastSeen])
    }
}
