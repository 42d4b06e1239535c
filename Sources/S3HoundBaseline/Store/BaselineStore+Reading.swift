import GRDB
import S3HoundCore

extension BaselineStore {
    /// One principal's rows, or nil when the store has none. With `cutoff`, only history before it counts:
    /// hours that start before it, and terms first seen before it (so "known before the cutoff" is exact).
    public func history(for principal: String, before cutoff: EventTime? = nil) throws -> PrincipalHistory? {
        try perform {
            try database.read { db in
                try Self.histories(db, principal: principal, before: cutoff).first
            }
        }
    }

    /// One principal's profile, or nil when the store has none (see `history(for:before:)` for `cutoff`).
    public func fetchProfile(for principal: String, before cutoff: EventTime? = nil) throws -> PrincipalProfile? {
        try history(for: principal, before: cutoff)?.profile
    }

    /// Principals that read `bucket`, with when and how often (terms first seen before `cutoff`, if given).
    public func fetchReaders(ofBucket bucket: String, before cutoff: EventTime? = nil) throws -> [String: TermHistory] {
        try perform {
            try database.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT principal, min(firstSeen) AS firstSeen, max(lastSeen) AS lastSeen, sum(count) AS count FROM term_day
                    WHERE kind = ? AND term = ? AND firstSeen < ? GROUP BY principal
                    """, arguments: [TermKind.bucket.rawValue, bucket, cutoff?.millisecondsSinceEpoch ?? Int64.max])
                var readers: [String: TermHistory] = [:]
                for row in rows {
                    readers[row["principal"]] = TermHistory(firstSeen: EventTime(millisecondsSinceEpoch: row["firstSeen"]),
                                                            lastSeen: EventTime(millisecondsSinceEpoch: row["lastSeen"]), count: row["count"])
                }
                return readers
            }
        }
    }

    /// Every principal with rows, sorted.
    public func fetchPrincipals() throws -> [String] {
        try perform {
            try database.read { db in
                try String.fetchAll(db, sql: "SELECT principal FROM principal WHERE principal IN (SELECT principal FROM activity_hour) ORDER BY principal")
            }
        }
    }

    /// The whole store in memory (only history before `cutoff`, if given): one query per table, for a hunt
    /// that asks about many principals.
    public func snapshot(before cutoff: EventTime? = nil) throws -> InMemoryBaseline {
        try perform {
            try database.read { db in
                InMemoryBaseline(profiles: try Self.histories(db, principal: nil, before: cutoff).compactMap(\.profile))
            }
        }
    }

    /// Histories of one principal, or of all, from the rows.
    private static func histories(_ db: Database, principal: String?, before cutoff: EventTime?) throws -> [PrincipalHistory] {
        let limit = cutoff?.millisecondsSinceEpoch ?? Int64.max
        // Hours that start before the cutoff: hour < ceil(cutoff / 1 h).
        let hourLimit = cutoff.map { ($0.millisecondsSinceEpoch + 3_599_999) / 3_600_000 } ?? Int64.max
        let only = principal == nil ? "" : " AND principal = ?"
        func arguments(_ bound: Int64) -> StatementArguments { principal.map { [bound, $0] } ?? [bound] }
        var histories: [String: PrincipalHistory] = [:]
        let principals = principal == nil
            ? try PrincipalRecord.fetchAll(db)
            : try PrincipalRecord.filter(PrincipalRecord.Columns.principal == principal!).fetchAll(db)
        for record in principals {
            histories[record.principal] = PrincipalHistory(principal: record.principal, identityType: record.identityType, accountId: record.accountId)
        }
        for row in try ActivityHourRecord.fetchAll(db, sql: "SELECT * FROM activity_hour WHERE hour < ?" + only, arguments: arguments(hourLimit)) {
            histories[row.principal]?.hours[row.hour] = TermHistory(firstSeen: EventTime(millisecondsSinceEpoch: row.firstSeen),
                                                                   lastSeen: EventTime(millisecondsSinceEpoch: row.lastSeen), count: row.events)
        }
        for row in try TermDayRecord.fetchAll(db, sql: "SELECT * FROM term_day WHERE firstSeen < ?" + only, arguments: arguments(limit)) {
            guard let kind = TermKind(rawValue: row.kind) else { continue }
            histories[row.principal]?.terms[TermDay(kind: kind, term: row.term, day: row.day)] =
                TermHistory(firstSeen: EventTime(millisecondsSinceEpoch: row.firstSeen), lastSeen: EventTime(millisecondsSinceEpoch: row.lastSeen), count: row.count)
        }
        for row in try ReadHourRecord.fetchAll(db, sql: "SELECT * FROM read_hour WHERE hour < ?" + only, arguments: arguments(hourLimit)) {
            histories[row.principal]?.reads[row.hour] = Volume(requests: row.requests, bytes: row.bytes)
        }
        return histories.values.filter { !$0.isEmpty }.sorted { $0.principal < $1.principal }
    }
}

extension BaselineStore: BaselineReading {
    /// The principal's profile; nil when unknown (or, rarely, when the store cannot be read after it was opened).
    public func profile(for principal: String) -> PrincipalProfile? { (try? fetchProfile(for: principal)) ?? nil }

    /// Principals that read `bucket` (empty when none, or when the store cannot be read after it was opened).
    public func readers(ofBucket bucket: String) -> [String: TermHistory] { (try? fetchReaders(ofBucket: bucket)) ?? [:] }

    /// Every principal with a profile (empty when the store cannot be read after it was opened).
    public func principals() -> [String] { (try? fetchPrincipals()) ?? [] }
}
