import GRDB
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import Testing

@Suite("Baseline store logic (in memory)")
struct BaselineStoreTests {
    static func file(_ name: String, records: Int = 1) -> LearnedFile {
        LearnedFile(fingerprint: "fp-\(name)", path: "/logs/\(name)", size: 10, modifiedAt: 0, learnedAt: 0, records: records)
    }

    @Test("A profile read back from the store equals the one built in memory")
    func roundTrip() throws {
        let activity = Fixtures.activity(Fixtures.janeWeek(days: 5) + [
            CaseEvents.getObject(CaseEvents.time("2026-02-22T03:00:00Z"), by: CaseEvents.role("backup"), from: "10.0.0.9", bucket: "backups"),
        ])
        let builder = ProfileBuilder()
        let store = try Fixtures.memoryStore()
        let update = try store.learn(builder.histories(from: activity), files: [Self.file("a")])
        #expect(update.principalsUpdated == 2 && update.filesRecorded == 1)
        for expected in builder.profiles(from: activity) {
            #expect(store.profile(for: expected.principal) == expected)
        }
        #expect(store.principals() == InMemoryBaseline(profiles: builder.profiles(from: activity)).principals())
        #expect(store.readers(ofBucket: "backups").keys.sorted() == ["arn:aws:iam::123456789012:role/backup"])
        #expect(store.readers(ofBucket: "sensitive-data-bucket") == builder.readers(from: activity)["sensitive-data-bucket"])
        #expect(try store.snapshot().profiles == builder.baseline(from: activity).profiles)
        #expect(store.profile(for: "arn:aws:iam::123456789012:user/nobody") == nil)
    }

    @Test("Learning adds up: a new day adds to the same principal; the same hour adds to its counts")
    func learningAdds() throws {
        let store = try Fixtures.memoryStore()
        let builder = ProfileBuilder()
        let first = Fixtures.activity(Fixtures.janeWeek(days: 3, before: "2026-02-20T00:00:00Z"))
        let second = Fixtures.activity(Fixtures.janeWeek(days: 2, before: "2026-02-22T00:00:00Z"))
        _ = try store.learn(builder.histories(from: first), files: [Self.file("first")])
        _ = try store.learn(builder.histories(from: second), files: [Self.file("second")])
        let profile = try #require(store.profile(for: Fixtures.janePrincipal))
        #expect(profile.activeDayIndexes.count == 5)
        #expect(profile.sourceIPs["203.0.113.10"]?.count == 20)
        #expect(profile.firstSeen == CaseEvents.time("2026-02-17T09:10:00Z"))
        #expect(profile.lastSeen == CaseEvents.time("2026-02-21T14:11:00Z"))

        var expected = try #require(builder.profiles(from: first).first)
        expected.merge(try #require(builder.profiles(from: second).first))
        #expect(profile == expected)

        // The same hour learned from another file adds to the hour's counts.
        _ = try store.learn(builder.histories(from: second), files: [Self.file("copy-with-other-bytes")])
        #expect(store.profile(for: Fixtures.janePrincipal)?.peakHourlyReads == Volume(requests: 4, bytes: 4_000))
    }

    @Test("A file already in the store is refused and nothing is written")
    func sameFileTwice() throws {
        let store = try Fixtures.memoryStore()
        let histories = ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 2)))
        _ = try store.learn(histories, files: [Self.file("a")])
        let before = store.profile(for: Fixtures.janePrincipal)
        let error = try #require(throws: BaselineStoreError.self) { try store.learn(histories, files: [Self.file("b"), Self.file("a")]) }
        #expect(error.kind == .learnedMeanwhile)
        #expect(store.profile(for: Fixtures.janePrincipal) == before)
        #expect(try store.learnedFiles().map(\.fingerprint) == ["fp-a"])
        #expect(try store.learnedFingerprints(among: ["fp-a", "fp-b"]) == ["fp-a"])
    }

    @Test("Retention removes days older than the window before the newest day")
    func retention() throws {
        let store = try Fixtures.memoryStore(retentionDays: 3)
        let old = Fixtures.activity([CaseEvents.getObject(CaseEvents.time("2026-01-01T10:00:00Z"), by: CaseEvents.role("gone"), from: "10.0.0.1")])
        _ = try store.learn(ProfileBuilder().histories(from: old), files: [Self.file("old")])
        let update = try store.learn(ProfileBuilder().histories(from: Fixtures.activity(Fixtures.janeWeek(days: 7))), files: [Self.file("week")])
        #expect(update.prunedBeforeDay == CaseEvents.time("2026-02-20T00:00:00Z").dayIndex)
        #expect(update.rowsPruned > 0)
        #expect(store.principals() == [Fixtures.janePrincipal], "a principal with no day left is removed")
        let profile = try #require(store.profile(for: Fixtures.janePrincipal))
        #expect(profile.activeDayIndexes.count == 3)
        #expect(profile.dailyReads.count == 3)
        #expect(profile.sourceIPs["203.0.113.10"]?.count == 12)
        #expect(try store.learnedFiles().count == 2, "learned files are remembered after their days are pruned")
    }

    @Test("A cutoff gives only history before it")
    func cutoff() throws {
        let store = try Fixtures.memoryStore()
        let events = Fixtures.janeWeek(days: 7) + [CaseEvents.getObject(CaseEvents.time("2026-02-22T03:00:00Z"), by: Fixtures.jane, from: "185.220.101.47")]
        _ = try store.learn(ProfileBuilder().histories(from: Fixtures.activity(events)), files: [Self.file("a")])
        let cutoff = CaseEvents.time("2026-02-22T00:00:00Z")
        let profile = try #require(try store.fetchProfile(for: Fixtures.janePrincipal, before: cutoff))
        #expect(!profile.knows(ip: "185.220.101.47") && profile.knows(ip: "203.0.113.10"))
        #expect(profile.activeDayIndexes.count == 6 && !profile.knowsHour(3))
        let expected = ProfileBuilder(window: TimeWindow(end: cutoff)).profiles(from: Fixtures.activity(events)).first
        #expect(profile == expected)
        #expect(try store.snapshot(before: cutoff).profile(for: Fixtures.janePrincipal) == expected)
        #expect(try store.fetchProfile(for: Fixtures.janePrincipal, before: CaseEvents.time("2020-01-01")) == nil)
    }

    @Test("The default location follows XDG")
    func location() {
        #expect(BaselineStore.defaultPath(environment: ["XDG_STATE_HOME": "/var/state", "HOME": "/home/a"]) == "/var/state/s3hound/baseline.sqlite")
        #expect(BaselineStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/s3hound/baseline.sqlite")
        #expect(BaselineStore.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/state/s3hound/baseline.sqlite")
    }
}
