import Foundation
import GRDB
import S3HoundBaseline
import S3HoundCore
import Testing

@Suite("Baseline store files")
struct StoreFileTests {
    @Test("A fresh file is created with its folder and migrated; reopening keeps the data")
    func migrations() throws {
        let path = try Fixtures.temporaryFolder() + "/state/s3hound/baseline.sqlite"
        let histories = ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 2)))
        do {
            let store = try BaselineStore(path: path)
            _ = try store.learn(histories, files: [BaselineStoreTests.file("a")])
        }
        let reopened = try BaselineStore(path: path)
        #expect(reopened.profile(for: Fixtures.janePrincipal) == histories.first?.profile)
        let applied = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        #expect(applied == ["v1 principals and terms", "v1 learned files"])
    }

    @Test("A file that is not SQLite gives an error naming it and what to do")
    func notSQLite() throws {
        let path = try Fixtures.temporaryFolder() + "/baseline.sqlite"
        try "these are my notes, not a database\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: BaselineStoreError.self) { try BaselineStore(path: path) }
        #expect(error.kind == .notAStore)
        #expect(error.description.contains(path) && error.description.contains("--state"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database\n", "the file is left alone")
    }

    @Test("Another program's SQLite database is refused and left unchanged")
    func otherDatabase() throws {
        let path = try Fixtures.temporaryFolder() + "/app.sqlite"
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE player (name TEXT)") }
        let error = try #require(throws: BaselineStoreError.self) { try BaselineStore(path: path) }
        #expect(error.kind == .notAStore)
        #expect(error.description.contains("player"))
        let journal = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "delete")
    }

    @Test("A store from a newer version is refused with advice")
    func newerVersion() throws {
        let path = try Fixtures.temporaryFolder() + "/baseline.sqlite"
        _ = try BaselineStore(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9 from the future')") }
        let error = try #require(throws: BaselineStoreError.self) { try BaselineStore(path: path) }
        #expect(error.kind == .newerVersion)
        #expect(error.description.contains("v9 from the future") && error.description.contains("Upgrade"))
    }

    @Test("A folder at the store path is a clear error")
    func folder() throws {
        let path = try Fixtures.temporaryFolder()
        let error = try #require(throws: BaselineStoreError.self) { try BaselineStore(path: path) }
        #expect(error.kind == .cannotOpen && error.description.contains("folder"))
    }

    @Test("A writer that cannot get the lock in time says another s3hound is writing")
    func busy() throws {
        let path = try Fixtures.temporaryFolder() + "/baseline.sqlite"
        _ = try BaselineStore(path: path)
        let holder = try DatabaseQueue(path: path)
        let histories = ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 1)))
        let store = try BaselineStore(path: path, busyTimeout: 0.2)
        try holder.inTransaction(.immediate) { _ in
            let error = #expect(throws: BaselineStoreError.self) { try store.learn(histories, files: [BaselineStoreTests.file("a")]) }
            #expect(error?.kind == .busy)
            #expect(error?.description.contains("another s3hound is writing") == true)
            return .rollback
        }
        _ = try store.learn(histories, files: [BaselineStoreTests.file("a")])
        #expect(store.profile(for: Fixtures.janePrincipal) != nil)
    }

    @Test("Two writers on one file from two threads both succeed and nothing is lost")
    func twoWriters() async throws {
        let path = try Fixtures.temporaryFolder() + "/baseline.sqlite"
        let janeDays = ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 30, perHour: 20)))
        let laterDays = ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 30, before: "2026-04-01T00:00:00Z", perHour: 20)))
        // The store exists (as after a first learn); the two runs then write to it at the same time.
        _ = try BaselineStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, histories) in [janeDays, laterDays].enumerated() {
                group.addTask {
                    let store = try BaselineStore(path: path)
                    for round in 0..<5 {
                        _ = try store.learn(histories, files: [BaselineStoreTests.file("writer\(index)-\(round)")])
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try BaselineStore(path: path)
        let profile = try #require(store.profile(for: Fixtures.janePrincipal))
        #expect(profile.sourceIPs["203.0.113.10"]?.count == 2 * 5 * 30 * 2 * 20)
        #expect(profile.activeDayIndexes.count == 60)
        #expect(try store.learnedFiles().count == 10)
    }
}
