import Foundation
import GRDB
import S3HoundCore

/// The persistent baseline: what `s3hound baseline learn` took from logs, as per-principal rows per clock hour
/// and per UTC day in one SQLite file. Learning adds rows up; each log file is learned once.
///
/// Several processes may open one store: a writer waits up to `busyTimeout` for another to finish, then
/// fails with `BaselineStoreError.Kind.busy`; readers are never blocked (write-ahead log).
public struct BaselineStore: Sendable {
    /// Days of history kept by default, counted back from the newest day learned.
    public static let defaultRetentionDays = 90
    /// Seconds a writer waits for another by default.
    public static let defaultBusyTimeout: Double = 30

    /// The file (`:memory:` for an in-memory store).
    public let path: String
    /// Days of history kept, counted back from the newest day in the store; 0 keeps everything.
    public var retentionDays: Int
    /// Seconds a writer waits for another before giving up.
    public let busyTimeout: Double
    let database: DatabaseQueue

    /// Opens the store at `path`, creating it (and its folder) when missing and migrating it to this version's schema.
    public init(path: String, retentionDays: Int = defaultRetentionDays, busyTimeout: Double = defaultBusyTimeout) throws {
        self.path = path
        self.retentionDays = retentionDays
        self.busyTimeout = busyTimeout
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { throw BaselineStoreError.cannotOpen(path, reason: "it is a folder; give the path of a file") }
        if !exists {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw BaselineStoreError.cannotOpen(path, reason: "its folder cannot be created (\(error.localizedDescription))")
                }
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "s3hound.baseline"
        let database: DatabaseQueue
        do { database = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
        self.database = database
        try perform { try Self.checkIdentity(database, path: path) }
        try perform { try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") } }
        try migrate()
    }

    /// Wraps an open database (tests use an in-memory `DatabaseQueue()`), migrating it to this version's schema.
    public init(database: DatabaseQueue, retentionDays: Int = defaultRetentionDays) throws {
        self.path = database.path.isEmpty ? ":memory:" : database.path
        self.retentionDays = retentionDays
        self.busyTimeout = 0
        self.database = database
        try perform { try Self.checkIdentity(database, path: path) }
        try migrate()
    }

    /// The default store location: `$XDG_STATE_HOME/s3hound/baseline.sqlite`, else `~/.local/state/s3hound/baseline.sqlite`
    /// (a relative `XDG_STATE_HOME` is ignored, as the XDG specification asks).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("s3hound/baseline.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return (home as NSString).appendingPathComponent(".local/state/s3hound/baseline.sqlite")
    }

    /// Refuses SQLite files that some other program wrote.
    private static func checkIdentity(_ database: DatabaseQueue, path: String) throws {
        try database.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if applicationID == BaselineSchema.applicationID { return }
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if applicationID != 0 { throw BaselineStoreError.notAStore(path, detail: "it is an SQLite database of another program") }
            // A store another s3hound is creating right now has only GRDB's migration table so far.
            if !tables.isEmpty && tables != ["grdb_migrations"] { throw BaselineStoreError.notAStore(path, detail: "it is an SQLite database with other tables: \(tables.prefix(3).joined(separator: ", "))") }
        }
    }

    /// Runs the migrations this store lacks; refuses a store from a newer version.
    private func migrate() throws {
        let migrator = BaselineSchema.migrator
        try perform {
            let superseded = try database.read { db -> [String]? in
                guard try migrator.hasBeenSuperseded(db) else { return nil }
                return try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            if let unknown = superseded { throw BaselineStoreError.newerVersion(path, unknown: unknown) }
            // Two processes creating one store at once: the loser's migration fails, and the winner's is complete.
            for attempt in 1...3 {
                do { try migrator.migrate(database); return } catch {
                    if try database.read({ try migrator.hasCompletedMigrations($0) }) { return }
                    if attempt == 3 { throw error }
                }
            }
        }
    }

    /// Runs `body`, turning database errors into `BaselineStoreError`s that name this store.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw Self.storeError(error, path: path, busyTimeout: busyTimeout) }
    }

    /// The sentence for a database error.
    static func storeError(_ error: any Error, path: String, busyTimeout: Double) -> BaselineStoreError {
        if let error = error as? BaselineStoreError { return error }
        guard let error = error as? DatabaseError else { return .failed(path, reason: String(describing: error)) }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path, waited: busyTimeout)
        case .SQLITE_NOTADB: return .notAStore(path, detail: "it is not an SQLite database")
        case .SQLITE_CORRUPT: return .notAStore(path, detail: "it is damaged: \(error.message ?? "database disk image is malformed")")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: return .cannotOpen(path, reason: error.message ?? "permission denied")
        case .SQLITE_FULL: return .failed(path, reason: "the disk is full")
        default: return .failed(path, reason: error.message ?? error.description)
        }
    }
}
