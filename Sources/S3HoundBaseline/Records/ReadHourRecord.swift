import GRDB

/// Successful GetObject requests and bytes of one principal in one clock hour.
struct ReadHourRecord: Codable, Hashable, Sendable {
    var principal: String
    /// Hours since the epoch.
    var hour: Int64
    var requests: Int
    var bytes: Int64
}

extension ReadHourRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "read_hour"

    enum Columns {
        static let principal = Column(CodingKeys.principal)
        static let hour = Column(CodingKeys.hour)
        static let requests = Column(CodingKeys.requests)
        static let bytes = Column(CodingKeys.bytes)
    }

    /// Adds the hour's reads to what the store holds for the same hour.
    func add(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO read_hour (principal, hour, requests, bytes) VALUES (?, ?, ?, ?)
            ON CONFLICT(principal, hour) DO UPDATE SET
              requests = requests + excluded.requests,
              bytes = bytes + excluded.bytes
            """).execute(arguments: [principal, hour, requests, bytes])
    }
}
