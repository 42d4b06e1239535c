import Foundation
import S3HoundCore
import S3HoundHunt
import S3HoundSimulator

/// Simulated log trees, generated once per test process and shared (read-only) by the tests.
enum Scenarios {
    /// A generated scenario: where it is and what really happened.
    struct Generated: Sendable {
        let directory: String
        let result: SimulationResult
        var truth: GroundTruth { result.groundTruth }
    }

    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-hunt-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let bulkDownload = generate(.bulkDownload, attackObjects: 2500)
    static let crossAccountCopy = generate(.crossAccountCopy, attackObjects: 120)
    static let benign = generate(.benign, attackObjects: nil)

    static func generate(_ scenario: Scenario, attackObjects: Int?, days: Int = 10) -> Generated {
        let directory = root.appendingPathComponent(scenario.rawValue)
        let options = SimulationOptions(scenario: scenario, seed: 7, days: days, scale: 0.3, attackObjects: attackObjects)
        do {
            let result = try Simulator(options: options).write(to: directory)
            return Generated(directory: directory.path, result: result)
        } catch {
            fatalError("simulation failed: \(error)")
        }
    }

    /// A fresh copy of a scenario's tree that a test may damage.
    static func copy(_ generated: Generated, as name: String) throws -> String {
        let target = root.appendingPathComponent(name + "-" + UUID().uuidString)
        try FileManager.default.copyItem(atPath: generated.directory, toPath: target.path)
        return target.path
    }

    /// Hunt options pinned for tests.
    static func options(_ paths: [String]) -> HuntOptions {
        var options = HuntOptions(paths: paths)
        options.now = EventTime(iso8601: "2026-02-24T06:00:00Z")!
        return options
    }
}
