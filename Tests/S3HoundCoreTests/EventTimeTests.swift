import Testing
@testable import S3HoundCore

@Suite("Times")
struct EventTimeTests {
    @Test("ISO-8601 forms logs use parse to the same instant", arguments: [
        "2026-02-23T02:47:12Z", "2026-02-23T02:47:12.000Z", "2026-02-23 02:47:12", "2026-02-23T03:47:12+01:00", "2026-02-22T21:47:12-05:00",
    ])
    func parses(_ text: String) {
        #expect(EventTime(iso8601: text) == EventTime(secondsSinceEpoch: 1_771_814_832))
    }

    @Test("malformed times are rejected", arguments: ["2026-02-30T00:00:00Z", "2026-13-01", "yesterday", "2026-02-23T25:00:00Z", "2026-02-23T02:47:12Q", ""])
    func rejects(_ text: String) {
        #expect(EventTime(iso8601: text) == nil)
    }

    @Test("formatting round-trips and reports hour and day")
    func formatting() throws {
        let time = try #require(EventTime(iso8601: "2026-02-23T02:47:12.250Z"))
        #expect(time.iso8601 == "2026-02-23T02:47:12.250Z")
        #expect(time.reportMinute == "2026-02-23 02:47 UTC")
        #expect(time.hourOfDay == 2)
        #expect(time.dayString == "2026-02-23")
        #expect(EventTime(iso8601: "1969-12-31T23:00:00Z")?.hourOfDay == 23)
    }

    @Test("civil dates round-trip across centuries")
    func civil() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let civil = CivilTime(millisecondsSinceEpoch: days * 86_400_000)
            #expect(CivilTime.daysSinceEpoch(year: civil.year, month: civil.month, day: civil.day) == days)
        }
    }

    @Test("relative and absolute --since values")
    func expressions() throws {
        let now = try #require(EventTime(iso8601: "2026-02-23T12:00:00Z"))
        #expect(TimeExpression.parse("24h", now: now) == EventTime(iso8601: "2026-02-22T12:00:00Z"))
        #expect(TimeExpression.parse("7d", now: now) == EventTime(iso8601: "2026-02-16T12:00:00Z"))
        #expect(TimeExpression.parse("2026-02-22", now: now) == EventTime(iso8601: "2026-02-22T00:00:00Z"))
        #expect(TimeExpression.parse("soon", now: now) == nil)
        #expect(TimeExpression.formatDuration(3600) == "1h")
        #expect(TimeExpression.formatDuration(90) == "90s")
    }
}
