import Foundation
import Testing
import S3HoundCore
import S3HoundDetections
import S3HoundHunt
import S3HoundSimulator
import S3HoundSources

/// The catalog scenarios, generated once per test process (8 days at scale 0.2, organisation population),
/// and a 30-day benign run with the same population.
enum CatalogScenarios {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-catalog-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Every attack scenario, generated on first use (in parallel: the generator is deterministic per scenario).
    static let attacks: [Scenario: Scenarios.Generated] = {
        let lock = NSLock()
        nonisolated(unsafe) var generated: [Scenario: Scenarios.Generated] = [:]
        let scenarios = Scenario.attacks
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { index in
            let result = generate(scenarios[index], days: 8)
            lock.lock(); generated[scenarios[index]] = result; lock.unlock()
        }
        return generated
    }()

    /// Thirty days of the organisation population with no attack.
    static let benign30 = generate(.benign, days: 30)

    static func generate(_ scenario: Scenario, days: Int) -> Scenarios.Generated {
        let directory = root.appendingPathComponent("\(scenario.rawValue)-\(days)d")
        let options = SimulationOptions(scenario: scenario, seed: 7, days: days, scale: 0.2, population: .organisation)
        do {
            return Scenarios.Generated(directory: directory.path, result: try Simulator(options: options).write(to: directory))
        } catch {
            fatalError("simulation failed: \(error)")
        }
    }

    /// Hunts a generated tree with the configuration written next to it, as `hunt DIR --config DIR/config.s3hound.toml` does.
    static func hunt(_ generated: Scenarios.Generated, minimumSeverity: Severity = .info,
                     adjust: (inout HuntOptions) -> Void = { _ in }) throws -> HuntEngine.Outcome {
        let file = try ConfigFile.load(path: generated.directory + "/" + OrganisationFiles.configFileName)
        var options = Scenarios.options([generated.directory])
        options.minimumSeverity = minimumSeverity
        options.suppressions = file.suppressions
        options.baselineSeconds = file.baselineSeconds ?? options.baselineSeconds
        var configuration = file.detection
        configuration.threatLists += try file.threatListPaths.map { try ThreatListFile.load(path: $0) }
        options.configuration = configuration
        let detections = DetectionCatalog.all.filter { !file.disabledDetections.contains(type(of: $0).metadata.id) }
        adjust(&options)
        return try HuntEngine(options: options, detections: detections).run()
    }
}

@Suite("Every catalog technique has a simulated attack that is found; the organisation's benign month is not")
struct ScenarioCatalogTests {
    @Test("the attack's expected detections fire for its principal and name its resources, as one incident", arguments: Scenario.attacks)
    func attackIsDetected(_ scenario: Scenario) throws {
        let generated = try #require(CatalogScenarios.attacks[scenario])
        let truth = try #require(generated.truth.attack)
        #expect(!truth.expectedDetections.isEmpty)
        let outcome = try CatalogScenarios.hunt(generated)
        #expect(outcome.issues.isEmpty)
        #expect(outcome.report.summary.recordsSkipped == 0)
        for id in truth.expectedDetections {
            let findings = outcome.findings.filter { $0.detectionID == id }
            let finding = try #require(findings.first { $0.principal == truth.principal }, "\(id) did not fire for \(truth.principal)")
            let resource = try #require(truth.findingResources[id])
            let named = finding.explanation.contains(resource) || finding.evidence.values.contains { $0.contains(resource) }
                || finding.buckets.keys.contains(resource) || finding.sourceIPs.keys.contains(resource)
            #expect(named, "\(id) finding does not name \(resource): \(finding.explanation)")
        }
        // The attack is one incident of the truth's principal, at medium or above, holding every expected detection.
        let incidents = outcome.report.incidents.filter { $0.principal == truth.principal && $0.severity >= .medium }
        #expect(incidents.count == 1, "\(outcome.report.incidents.map { "\($0.principal) \($0.severity)" })")
        let incident = try #require(incidents.first)
        #expect(Set(incident.findings.map(\.detectionID)).isSuperset(of: truth.expectedDetections))
        #expect(incident.firstEvent.time <= truth.windowStart.adding(seconds: 60) && incident.lastEvent.time >= truth.windowStart)
        // Nobody else is blamed.
        #expect(Set(outcome.findings.map(\.principal)) == [truth.principal], "\(outcome.findings.map { "\($0.principal) \($0.detectionID)" })")
        if let account = truth.destinationAccount {
            let findings = outcome.findings.filter { truth.expectedDetections.contains($0.detectionID) }
            #expect(findings.contains { $0.evidence["destinationAccount"]?.contains(account) == true })
        }
    }

    @Test("the truth names the principal, resources and detections of every attack")
    func truthsAreComplete() throws {
        for scenario in Scenario.attacks {
            let truth = try #require(CatalogScenarios.attacks[scenario]?.truth.attack, "\(scenario)")
            #expect(!truth.principal.isEmpty && !truth.sourceIP.isEmpty && truth.objects >= 1, "\(scenario)")
            #expect(Set(truth.findingResources.keys) == Set(truth.expectedDetections), "\(scenario)")
            #expect(truth.expectedDetections.allSatisfy { id in DetectionCatalog.all.contains { type(of: $0).metadata.id == id } }, "\(scenario)")
        }
    }

    @Test("30 benign days with DR-account backups, a web server and presigned reports raise no finding at any severity")
    func benignMonthIsQuiet() throws {
        let outcome = try CatalogScenarios.hunt(CatalogScenarios.benign30)
        #expect(outcome.report.summary.records == CatalogScenarios.benign30.result.events)
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map { "\($0.detectionID) \($0.principal): \($0.explanation)" })")
        #expect(outcome.report.incidents.isEmpty && outcome.report.summary.incidentsBelowThreshold == 0)
    }

    @Test("without the configuration the DR-account copies are cross-account copies")
    func drCopiesNeedTheConfiguration() throws {
        var options = Scenarios.options([CatalogScenarios.benign30.directory])
        options.minimumSeverity = .info
        let outcome = try HuntEngine(options: options).run()
        #expect(Set(outcome.findings.map(\.detectionID)) == ["cloudtrail.cross-account-copy"])
        #expect(outcome.findings.allSatisfy { $0.principal.hasSuffix(":role/nightly-backup") && $0.evidence["destinationAccount"] == "555566667777" })
    }
}
