import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct ChartTests {
    @Test(arguments: [(1, 1), (86, 1), (240, 1), (241, 2), (600, 5), (1_440, 10), (7 * 1_440, 60), (400 * 1_440, 2_400)])
    func longIncidentsAreDrawnInBins(_ span: Int, _ bin: Int) {
        #expect(ActivityChart.binMinutes(span) == bin)
        #expect((span + bin - 1) / bin <= 240)
    }

    @Test func axesEndOnRoundNumbers() {
        #expect(SVG.axis(upTo: 159) == (200, 50))
        #expect(SVG.axis(upTo: 3) == (3, 1))
        #expect(SVG.axis(upTo: 0) == (1, 1))
        let bytes = SVG.byteAxis(upTo: 62_328_000)  // 59.4 MB
        #expect(bytes == (60 * 1_048_576, 20 * 1_048_576))
        #expect(ByteCount.format(Int64(bytes.step)) == "20.0 MB")
        #expect(SVG.number(12.0) == "12" && SVG.number(12.46) == "12.5" && SVG.number(.nan) == "0")
        #expect(SVG.Colour(red: 255, green: 0, blue: 0).mixed(with: SVG.Colour(red: 0, green: 0, blue: 255), 0.5).hex == "#800080")
    }

    @Test func longIncidentChartSaysItsBin() throws {
        let start = Fixtures.time("2026-02-20T00:00:00Z")
        let minutes = (0..<3).map { MinuteActivity(minute: start.adding(seconds: Int64($0) * 86_400), requests: 10, bytesOut: 100) }
        let svg = try #require(ActivityChart(minutes: minutes, usual: UsualRate(requests: 1, bytesOut: 10)).svg())
        #expect(svg.contains(">Requests per 15 minutes</text>"))
        #expect(svg.contains("(baseline, × 15 minutes)"))
        #expect(svg.contains(">usual 15</text>"))
        #expect(svg.contains("02-20 00:00"))
        #expect(ActivityChart(minutes: [], usual: nil).svg() == nil)
    }

    @Test func hoursAreWrittenAsRanges() {
        #expect(ActivityFacts.hourList([2, 3, 4, 9, 14]) == "02–04, 09, 14")
        #expect(ActivityFacts.hourList([]) == "none")
        #expect(ActivityFacts.multiple(66.2) == "66×" && ActivityFacts.multiple(2.46) == "2.5×")
        #expect([940, 1_386, 8_991, 12_000, 2_500_000].map(SVG.cellCount) == ["940", "1.4k", "9k", "12k", "2M"])
    }

    @Test func bucketChartFallsBackToRequestsAndShortensNames() throws {
        let bars = [IncidentCharts.BucketBar(name: String(repeating: "b", count: 60), bytesOut: 0, requests: 40, label: "pii", sensitive: false)]
        let svg = try #require(BucketChart(buckets: bars).svg())
        #expect(svg.contains("Requests per bucket (no bytes were sent out)"))
        #expect(svg.contains(String(repeating: "b", count: 43) + "… [pii]"))
        #expect(BucketChart(buckets: []).svg() == nil)
    }
}
