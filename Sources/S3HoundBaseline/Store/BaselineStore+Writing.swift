import Foundation
import GRDB
import S3HoundCore

/// What one write to the store changed.
public struct StoreUpdate: Hashable, Sendable {
    /// Principals whose rows were added to.
    public var principalsUpdated = 0
    /// Files recorded as learned.
    public var filesRecorded = 0
    /// Days before this one (days since the epoch) were pruned, when retention removed anything.
    public var prunedBeforeDay: Int64?
    /// Rows removed by retention.
    public var rowsPruned = 0
}

extension BaselineStore {
    /// Adds histories to the store and records `files` as learned, in one transaction: either all of it is
    /// written or none. Throws `.learnedMeanwhile` (and writes nothing) when another run recorded one of
    /// `files` since the caller checked, so no event is counted twice. Prunes by `retentionDays` afterwards.
    public func learn(_ histories: [PrincipalHistory], files: [LearnedFile]) throws -> StoreUpdate {
        try perform {
            try database.write { db in
                let fingerprints = files.map(\.fingerprint)
                let already = try LearnedFile.filter(keys: fingerprints).fetchCount(db)
                if already > 0 { throw BaselineStoreError.learnedMeanwhile(path, files: already) }
                var update = StoreUpdate()
                for history in histories where !history.isEmpty {
                    try add(history, db)
                    update.principalsUpdated += 1
                }
                for file in files { try file.insert(db) }
                update.filesRecorded = files.count
                (update.prunedBeforeDay, update.rowsPruned) = try prune(db)
                return update
            }
        }
    }

    /// Adds one history's rows to the rows the store holds (hours and days already present add up).
    private func add(_ history: PrincipalHistory, _ db: Database) throws {
        let principal = history.principal
        try PrincipalRecord(principal: principal, identityType: history.identityType, accountId: history.accountId).add(db)
        for (hour, activity) in history.hours {
            try ActivityHourRecord(principal: principal, hour: hour, events: activity.count,
                                   firstSeen: activity.firstSeen.millisecondsSinceEpoch, lastSeen: activity.lastSeen.millisecondsSinceEpoch).add(db)
        }
        for (key, seen) in history.terms {
            try TermDayRecord(principal: principal, kind: key.kind.rawValue, term: key.term, day: key.day, count: seen.count,
                              firstSeen: seen.firstSeen.millisecondsSinceEpoch, lastSeen: seen.lastSeen.millisecondsSinceEpoch).add(db)
        }
        for (hour, volume) in history.reads {
            try ReadHourRecord(principal: principal, hour: hour, requests: volume.requests, bytes: volume.bytes).add(db)
        }
    }

    /// Removes rows more than `retentionDays` before the newest day in the store, and principals left with none.
    public func prune() throws -> StoreUpdate {
        try perform {
            try database.write { db in
                var update = StoreUpdate()
                (update.prunedBeforeDay, update.rowsPruned) = try prune(db)
                return update
            }
        }
    }

    private func prune(_ db: Database) throws -> (Int64?, Int) {
        guard retentionDays > 0, let newestHour = try Int64.fetchOne(db, sql: "SELECT max(hour) FROM activity_hour") else { return (nil, 0) }
        let firstKeptDay = ClockHour.day(of: newestHour) - Int64(retentionDays) + 1
        var removed = 0
        try db.execute(sql: "DELETE FROM term_day WHERE day < ?", arguments: [firstKeptDay]); removed += db.changesCount
        try db.execute(sql: "DELETE FROM activity_hour WHERE hour < ?", arguments: [firstKeptDay * 24]); removed += db.changesCount
        try db.execute(sql: "DELETE FROM read_hour WHERE hour < ?", arguments: [firstKeptDay * 24]); removed += db.changesCount
        try db.execute(sql: "DELETE FROM principal WHERE principal NOT IN (SELECT principal FROM activity_hour)"); removed += db.changesCount
        return removed > 0 ? (firstKeptDay, removed) : (nil, 0)
    }

    /// The learned files among `fingerprints`.
    public func learnedFingerprints(among fingerprints: [String]) throws -> Set<String> {
        try perform {
            try database.read { db in
                var found: Set<String> = []
                for chunk in stride(from: 0, to: fingerprints.count, by: 500) {
                    let keys = Array(fingerprints[chunk..<min(chunk + 500, fingerprints.count)])
                    found.formUnion(try LearnedFile.filter(keys: keys).fetchAll(db).map(\.fingerprint))
                }
                return found
            }
        }
    }

    /// Every learned file, oldest learned first.
    public func learnedFiles() throws -> [LearnedFile] {
        try perform { try database.read { db in try LearnedFile.order(LearnedFile.Columns.learnedAt, LearnedFile.Columns.path).fetchAll(db) } }
    }
}
