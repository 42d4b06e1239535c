import GRDB

/// A principal the store has rows for.
struct PrincipalRecord: Codable, Hashable, Sendable {
    var principal: String
    var identityType: String?
    var accountId: String?
}

extension PrincipalRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "principal"

    enum Columns {
        static let principal = Column(CodingKeys.principal)
        static let identityType = Column(CodingKeys.identityType)
        static let accountId = Column(CodingKeys.accountId)
    }

    /// Inserts the principal, or fills in what an earlier row left unknown.
    func add(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO principal (principal, identityType, accountId) VALUES (?, ?, ?)
            ON CONFLICT(principal) DO UPDATE SET
              identityType = coalesce(identityType, excluded.identityType),
              accountId = coalesce(accountId, excluded.accountId)
            """).execute(arguments: [principal, identityType, accountId])
    }
}
