import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import Testing

@Suite("Profiles built from a scan")
struct ProfileBuilderTests {
    @Test("IPs, agents, hours, active days and buckets come from the events")
    func termsAndHours() throws {
        let events = Fixtures.janeWeek(days: 7) + [
            CaseEvents.getObject(CaseEvents.time("2026-02-22T20:30:00Z"), by: Fixtures.jane, from: "198.51.100.7", bucket: "other-bucket", bytes: 5),
        ]
        let profiles = ProfileBuilder().profiles(from: Fixtures.activity(events))
        let profile = try #require(profiles.first)
        #expect(profiles.count == 1)
        #expect(profile.principal == Fixtures.janePrincipal)
        #expect(profile.identityType == "IAMUser")
        #expect(profile.accountId == "123456789012")
        #expect(profile.sourceIPs["203.0.113.10"]?.count == 28)
        #expect(profile.sourceIPs["198.51.100.7"] == TermHistory(firstSeen: CaseEvents.time("2026-02-22T20:30:00Z"), lastSeen: CaseEvents.time("2026-02-22T20:30:00Z"), count: 1))
        #expect(profile.userAgentFamilies.keys.sorted() == ["aws-cli"])
        #expect(profile.buckets["sensitive-data-bucket"]?.count == 28)
        #expect(profile.buckets["other-bucket"]?.count == 1)
        #expect(profile.knows(ip: "203.0.113.10") && !profile.knows(ip: "185.220.101.47"))
        #expect(profile.knowsHour(9) && profile.knowsHour(14) && profile.knowsHour(20) && !profile.knowsHour(3))
        #expect(profile.hourOfDay[9] == 14 && profile.hourOfDay[14] == 14 && profile.hourOfDay[20] == 1)
        #expect(profile.activeDayIndexes.count == 7)
        #expect(profile.activeDays(before: CaseEvents.time("2026-02-23T00:00:00Z")) == 7)
        #expect(profile.activeDays(before: CaseEvents.time("2026-02-20T12:00:00Z")) == 4)
        #expect(profile.firstSeen == CaseEvents.time("2026-02-16T09:10:00Z"))
        #expect(profile.lastSeen == CaseEvents.time("2026-02-22T20:30:00Z"))
    }

    @Test("Hourly and daily volumes and their percentiles")
    func volumes() throws {
        // Day 1: 2 reads at 09, 4 at 14; day 2: 6 at 09, 8 at 14 (1,000 bytes each).
        var events: [ActivityEvent] = []
        for (hour, count) in [("2026-02-20T09:00:00Z", 2), ("2026-02-20T14:00:00Z", 4), ("2026-02-21T09:00:00Z", 6), ("2026-02-21T14:00:00Z", 8)] {
            events += CaseEvents.series(count, from: CaseEvents.time(hour), every: 30) { index, time in
                CaseEvents.getObject(time, by: Fixtures.jane, from: "203.0.113.10", key: "k\(hour)\(index)", bytes: 1_000)
            }
        }
        events.append(CaseEvents.getObject(CaseEvents.time("2026-02-21T15:00:00Z"), by: Fixtures.jane, from: "203.0.113.10", errorCode: "AccessDenied"))
        let profile = try #require(ProfileBuilder().profiles(from: Fixtures.activity(events)).first)
        #expect(profile.hourlyReads.count == 4, "a failed read is not volume")
        #expect(profile.dailyReads.values.map(\.requests).sorted() == [6, 14])
        #expect(profile.peakHourlyReads == Volume(requests: 8, bytes: 8_000))
        #expect(profile.percentile(50, of: .hourlyRequests) == 5)
        #expect(profile.percentile(100, of: .hourlyRequests) == 8)
        #expect(profile.percentile(0, of: .hourlyBytes) == 2_000)
        #expect(profile.percentile(95, of: .hourlyRequests)! > 7.6 && profile.percentile(95, of: .hourlyRequests)! < 7.8)
        #expect(profile.percentile(50, of: .dailyBytes) == 10_000)
        #expect(profile.buckets["sensitive-data-bucket"]?.count == 21, "failed reads count as touching the bucket")
        #expect(PrincipalProfile(principal: "x", firstSeen: CaseEvents.time("2026-02-20"), lastSeen: CaseEvents.time("2026-02-20")).percentile(50, of: .dailyRequests) == nil)
    }

    @Test("A window keeps only the hours whose first event falls inside it")
    func window() throws {
        let events = Fixtures.janeWeek(days: 7)
        let window = TimeWindow(end: CaseEvents.time("2026-02-19T00:00:00Z"))
        let profile = try #require(ProfileBuilder(window: window).profiles(from: Fixtures.activity(events)).first)
        #expect(profile.activeDayIndexes.count == 3)
        #expect(profile.lastSeen < CaseEvents.time("2026-02-19T00:00:00Z"))
        #expect(profile.dailyReads.count == 3)
        #expect(ProfileBuilder(window: TimeWindow(start: CaseEvents.time("2027-01-01"))).profiles(from: Fixtures.activity(events)).isEmpty)
    }

    @Test("Per-bucket readers and the in-memory baseline")
    func readers() {
        let bob = CaseEvents.role("analytics")
        let events = Fixtures.janeWeek(days: 2) + [CaseEvents.getObject(CaseEvents.time("2026-02-22T01:00:00Z"), by: bob, from: "10.0.0.5")]
        let baseline = ProfileBuilder().baseline(from: Fixtures.activity(events))
        #expect(baseline.principals() == ["arn:aws:iam::123456789012:role/analytics", Fixtures.janePrincipal])
        #expect(Set(baseline.readers(ofBucket: "sensitive-data-bucket").keys) == Set(baseline.principals()))
        #expect(baseline.readers(ofBucket: "sensitive-data-bucket")[Fixtures.janePrincipal]?.count == 8)
        #expect(baseline.readers(ofBucket: "nobody-reads-this").isEmpty)
        #expect(baseline.profile(for: "arn:aws:iam::123456789012:user/stranger") == nil)
    }
}
