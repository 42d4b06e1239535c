import Foundation
import Testing
import S3HoundCore
import S3HoundDetections
import S3HoundHunt
import S3HoundSimulator
@testable import S3HoundSources

/// Hunts find exactly the same with the fast CloudTrail scanner and with the `JSONDecoder` reference
/// (`--json-parser reference`): simulated stories and a folder of damaged files.
@Suite("Reference JSON parser: the same records, findings and incidents as the fast scanner")
struct ReferenceParserHuntTests {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-reference-parser-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Small stories: a few days at a low scale, so that each test stays within seconds in a debug build.
    static let bulkDownload = generate(.bulkDownload, attackObjects: 1_100, population: .classic)
    static let ransomware = generate(.ransomware, attackObjects: nil, population: .organisation)
    static let fullStory = generate(.fullStory, attackObjects: 1_100, population: .organisation)

    static func generate(_ scenario: Scenario, attackObjects: Int?, population: SimulatedPopulation) -> Scenarios.Generated {
        let directory = root.appendingPathComponent(scenario.rawValue)
        let options = SimulationOptions(scenario: scenario, seed: 11, days: 5, scale: 0.05, attackObjects: attackObjects, population: population)
        do {
            return Scenarios.Generated(directory: directory.path, result: try Simulator(options: options).write(to: directory))
        } catch {
            fatalError("simulation failed: \(error)")
        }
    }

    /// Hunts `directory` (with the configuration written beside it, if any) using `parser`.
    static func hunt(_ directory: String, with parser: CloudTrailJSONParser) throws -> HuntEngine.Outcome {
        var options = Scenarios.options([directory])
        options.minimumSeverity = .info
        options.jsonParser = parser
        options.baselineSeconds = 3 * 86_400
        var detections = DetectionCatalog.all
        let configPath = directory + "/" + OrganisationFiles.configFileName
        if FileManager.default.fileExists(atPath: configPath) {
            let file = try ConfigFile.load(path: configPath)
            options.suppressions = file.suppressions
            var configuration = file.detection
            configuration.threatLists += try file.threatListPaths.map { try ThreatListFile.load(path: $0) }
            options.configuration = configuration
            detections = detections.filter { !file.disabledDetections.contains(type(of: $0).metadata.id) }
        }
        return try HuntEngine(options: options, detections: detections).run()
    }

    /// Hunts with both parsers and expects the same report (but for its timing), findings and problems.
    static func expectSameHunt(_ directory: String) throws -> HuntEngine.Outcome {
        let fast = try hunt(directory, with: .fast)
        let reference = try hunt(directory, with: .reference)
        var fastReport = fast.report, referenceReport = reference.report
        fastReport.summary.elapsedSeconds = 0
        referenceReport.summary.elapsedSeconds = 0
        #expect(fast.findings == reference.findings)
        #expect(fastReport.incidents == referenceReport.incidents)
        #expect(fastReport.summary == referenceReport.summary)
        #expect(fastReport == referenceReport)
        #expect(fast.filesOpened == reference.filesOpened)
        // Problems: the same records of the same files; a parser's own words may differ, the rest may not.
        #expect(fast.issues.count == reference.issues.count && fast.issuesDropped == reference.issuesDropped)
        #expect(fast.issues.map(\.file) == reference.issues.map(\.file))
        #expect(fast.issues.map(\.recordIndex) == reference.issues.map(\.recordIndex))
        for (a, b) in zip(fast.issues, reference.issues) where !a.message.hasSuffix("; record skipped") || !b.message.hasSuffix("; record skipped") {
            #expect(a == b)
        }
        return fast
    }

    /// Reads every file of `directory` with both parsers and expects the same events, record for record.
    static func expectSameRecords(_ directory: String) throws -> Int {
        let plan = try InputWalker().plan([directory])
        var events = 0
        for input in plan.inputs {
            var fastEvents: [ActivityEvent] = [], referenceEvents: [ActivityEvent] = []
            let fast = LogFileReader(jsonParser: .fast).read(input) { fastEvents.append(ReferenceRecordParser.comparable($0)) }
            let reference = LogFileReader(jsonParser: .reference).read(input) { referenceEvents.append(ReferenceRecordParser.comparable($0)) }
            #expect(fastEvents.count == referenceEvents.count, "\(input.displayName)")
            if let index = zip(fastEvents, referenceEvents).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("\(input.displayName) event \(index): fast \(fastEvents[index]) != reference \(referenceEvents[index])")
            }
            #expect(fast.records == reference.records && fast.skipped == reference.skipped, "\(input.displayName)")
            #expect(fast.issues.map(\.recordIndex) == reference.issues.map(\.recordIndex), "\(input.displayName)")
            events += fastEvents.count
        }
        return events
    }

    @Test("bulk-download: every record, the findings and the incident are the same")
    func bulkDownload() throws {
        let generated = Self.bulkDownload
        #expect(try Self.expectSameRecords(generated.directory) == generated.result.events)
        let outcome = try Self.expectSameHunt(generated.directory)
        #expect(outcome.report.incidents.contains { $0.principal == generated.truth.attack?.principal })
    }

    @Test("ransomware (organisation population): every record, the findings and the incident are the same")
    func ransomware() throws {
        let generated = Self.ransomware
        #expect(try Self.expectSameRecords(generated.directory) == generated.result.events)
        let outcome = try Self.expectSameHunt(generated.directory)
        #expect(outcome.report.incidents.contains { $0.principal == generated.truth.attack?.principal })
    }

    @Test("full-story (five sources): every record, the findings and the incident are the same")
    func fullStory() throws {
        let generated = Self.fullStory
        #expect(try Self.expectSameRecords(generated.directory) >= generated.result.events)
        let outcome = try Self.expectSameHunt(generated.directory)
        #expect(outcome.report.incidents.contains { $0.principal == generated.truth.attack?.principal })
    }

    @Test("hunt --json-parser reference prints the same JSON report as the default, but for its timing")
    func commandLine() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/cross-account-copy").standardized.path
        func report(_ extra: [String]) throws -> String {
            let run = try CLI.run(["hunt", sample, "--format", "json", "-q"] + extra)
            #expect(run.status == 1, "\(run.stderr)")
            // The run's own time ("now") and duration differ between two runs.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let now = try #require((object["summary"] as? [String: Any])?["generatedAt"] as? String)
            return run.stdout.replacingOccurrences(of: now, with: "now")
                .replacingOccurrences(of: #""elapsedSeconds" *: *[0-9.e+-]+"#, with: "", options: .regularExpression)
        }
        let fast = try report([])
        #expect(fast.contains("cloudtrail.cross-account-copy"))
        #expect(try report(["--json-parser", "reference"]) == fast)
        #expect(try CLI.run(["hunt", "--help"]).stdout.contains("--json-parser <parser>"))
    }

    @Test("damaged files: the same records read, skipped and reported, and the same findings")
    func damagedFiles() throws {
        let directory = try DamagedFiles.write(in: Self.root.appendingPathComponent("damaged-\(UUID().uuidString)"))
        let events = try Self.expectSameRecords(directory)
        #expect(events > 1_000)
        let outcome = try Self.expectSameHunt(directory)
        #expect(outcome.report.summary.recordsSkipped >= 10)
        #expect(outcome.report.summary.filesWithErrors >= 2)
        #expect(!outcome.findings.isEmpty)
    }
}
