import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import Testing

@Suite("baseline show output")
struct ProfileRenderingTests {
    static func profile() throws -> PrincipalProfile {
        let hostile = CaseEvents.getObject(CaseEvents.time("2026-02-22T03:00:00Z"), by: Fixtures.jane, from: "203.0.113.99", bucket: "evil\u{1B}[31mbucket")
        var events = Fixtures.janeWeek(days: 3)
        events.append(hostile)
        return try #require(ProfileBuilder().profiles(from: Fixtures.activity(events)).first)
    }

    @Test("Text shows first/last seen, IPs, histogram and percentiles, with log strings made safe")
    func text() throws {
        let text = ProfileText.render(try Self.profile())
        #expect(text.contains("First seen    2026-02-20 09:10 UTC"))
        #expect(text.contains("Active days   3 (2026-02-20 to 2026-02-22)"))
        #expect(text.contains("203.0.113.10") && text.contains("aws-cli"))
        #expect(text.contains("  09 |" + String(repeating: "#", count: 40) + " 6"))
        #expect(text.contains("  03 |" + String(repeating: "#", count: 6)))
        #expect(text.contains("per hour, requests"))
        #expect(!text.contains("\u{1B}") && text.contains("evil\\u{1b}[31mbucket"))
        #expect(!text.contains("AKIA"))
    }

    @Test("JSON lists every term and the percentiles")
    func json() throws {
        let data = Data(try ProfileJSON.render(try Self.profile()).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "s3hound.baseline-profile.v1")
        #expect((object["sourceIPs"] as? [[String: Any]])?.first?["value"] as? String == "203.0.113.10")
        #expect((object["hourOfDay"] as? [Int])?.count == 24)
        let reads = try #require(object["reads"] as? [String: Any])
        #expect((reads["hourlyRequests"] as? [String: Any])?["max"] as? Double == 2)
        #expect(!String(decoding: data, as: UTF8.self).contains("AKIA"))
    }
}
