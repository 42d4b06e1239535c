import GRDB

/// The store's schema, as named migrations.
///
/// A migration is never edited once shipped: stores in users' hands have already run it. To change the
/// schema, register a new migration with a new name after the last one.
enum BaselineSchema {
    /// `PRAGMA application_id` of an S3Hound store ("S3HD"), so other SQLite files are recognised and left alone.
    static let applicationID: Int32 = 0x5333_4844

    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 principals and terms") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "principal") { t in
                t.primaryKey("principal", .text)
                t.column("identityType", .text)
                t.column("accountId", .text)
            }
            try db.create(table: "activity_hour") { t in
                t.column("principal", .text).notNull().references("principal", onDelete: .cascade)
                t.column("hour", .integer).notNull()
                t.column("events", .integer).notNull()
                t.column("firstSeen", .integer).notNull()
                t.column("lastSeen", .integer).notNull()
                t.primaryKey(["principal", "hour"])
            }
            try db.create(table: "term_day") { t in
                t.column("principal", .text).notNull().references("principal", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("term", .text).notNull()
                t.column("day", .integer).notNull()
                t.column("count", .integer).notNull()
                t.column("firstSeen", .integer).notNull()
                t.column("lastSeen", .integer).notNull()
                t.primaryKey(["principal", "kind", "term", "day"])
            }
            try db.create(index: "term_day_by_term", on: "term_day", columns: ["kind", "term"])
            try db.create(index: "term_day_by_day", on: "term_day", columns: ["day"])
            try db.create(table: "read_hour") { t in
                t.column("principal", .text).notNull().references("principal", onDelete: .cascade)
                t.column("hour", .integer).notNull()
                t.column("requests", .integer).notNull()
                t.column("bytes", .integer).notNull()
                t.primaryKey(["principal", "hour"])
            }
        }
        migrator.registerMigration("v1 learned files") { db in
            try db.create(table: "learned_file") { t in
                t.primaryKey("fingerprint", .text)
                t.column("path", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("modifiedAt", .integer).notNull()
                t.column("learnedAt", .integer).notNull()
                t.column("records", .integer).notNull()
                t.column("windowStart", .integer)
                t.column("windowEnd", .integer)
            }
            try db.create(index: "learned_file_by_path", on: "learned_file", columns: ["path"])
        }
        return migrator
    }
}
