import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

/// The HTML report in a real browser, in two headless Chromium launches: the realistic
/// two-incident report must render its charts (checked in the decoded screenshot) with no console
/// message and no Content-Security-Policy violation; the hostile report must parse to nothing but
/// the report's own elements, while a control script planted in it must be blocked and reported —
/// proof that violations are read from the log, not missed.
@Suite(.serialized, .enabled(if: Chromium.executable != nil,
                             "Chromium is not installed: scripts/setup installs Debian's chromium package"))
struct HTMLChromiumTests {
    static var twoIncidents: HuntReport {
        HuntReport(incidents: [Fixtures.janeIncident(), Fixtures.roleCopyIncident()], summary: Fixtures.summary())
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(.timeLimit(.minutes(2)))
    func screenshotShowsTheChartsAndTheConsoleStaysQuiet() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try HTMLReport.render(Self.twoIncidents, minimumSeverity: .medium).write(to: page, atomically: true, encoding: .utf8)
        let screenshot = directory.appendingPathComponent("report.png")
        let run = try Chromium.run(page, ["--screenshot=\(screenshot.path)", "--window-size=1280,2000", "--hide-scrollbars"], in: directory)
        #expect(!run.timedOut, "Chromium did not finish in time")
        #expect(run.status == 0, "Chromium exited with \(run.status): \(run.stderr.suffix(2000))")
        #expect(run.consoleLines.isEmpty, "console messages or CSP violations: \(run.consoleLines)")

        let size = try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int ?? 0
        #expect(size > 20_000, "screenshot is only \(size) bytes")
        let png = try PNGPixels(contentsOf: screenshot)
        #expect(png.width == 1280 && png.height == 2000)
        let total = png.width * png.height
        // The activity chart's bars, the heat map's busiest cell and the Macie-flagged buckets, in their exact colours.
        let (inked, near) = png.tally([(0xC6, 0x28, 0x28), (0xEF, 0x6C, 0x00), (0x6A, 0x1B, 0x9A)])
        let (red, orange, purple) = (near[0], near[1], near[2])
        #expect(Double(inked) / Double(total) > 0.08, "only \(inked) of \(total) pixels are not white")
        #expect(red > 20_000, "request bars: \(red) red pixels")
        #expect(orange > 20_000, "byte bars: \(orange) orange pixels")
        #expect(purple > 1_000, "Macie-flagged bucket bars: \(purple) purple pixels")
    }

    @Test(.timeLimit(.minutes(2)))
    func hostileValuesStayTextAndAPlantedScriptIsBlocked() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("hostile.html")
        let control = "<script id=\"s3hound-control\">console.error('control script ran')</script>"
        let html = HTMLReport.render(Fixtures.hostileReport()).replacingOccurrences(of: "</body>", with: control + "</body>")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let run = try Chromium.run(page, ["--dump-dom"], in: directory)
        #expect(!run.timedOut && run.status == 0, "Chromium failed: \(run.stderr.suffix(2000))")
        // Exactly one report: the planted control script, blocked by the page's own policy.
        #expect(run.consoleLines.count == 1, "console lines: \(run.consoleLines)")
        #expect(run.consoleLines.first?.contains("Content Security Policy") == true)
        #expect(!run.stderr.contains("control script ran"))

        let tags = HTMLScan.tags(run.stdout)
        let unexpected = HTMLScan.unexpected(tags).filter { !$0.hasPrefix("<script") }
        #expect(unexpected.isEmpty, "the browser built elements or attributes from log values: \(unexpected)")
        #expect(tags.filter { $0.name == "script" }.count == 1, "only the planted control script may be a script element")
        #expect(tags.filter { $0.name == "svg" }.count == 3)
        #expect(run.stdout.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!run.stdout.contains(Fixtures.janeKey))
    }
}
