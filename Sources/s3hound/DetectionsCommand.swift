import ArgumentParser
import Foundation
import S3HoundCore
import S3HoundDetections

/// `s3hound detections`: the catalog and its self-test.
struct Detections: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in detections or run their test cases.",
        subcommands: [List.self, Test.self], defaultSubcommand: List.self)

    /// `s3hound detections list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the detection catalog: id, severity, ATT&CK, what it catches.")

        @Option(help: "table or json.")
        var format: CatalogFormat = .table

        func run() throws {
            let metadata = DetectionCatalog.all.map { type(of: $0).metadata }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.output(String(decoding: try encoder.encode(metadata), as: UTF8.self) + "\n")
            case .table:
                let idWidth = metadata.map(\.id.count).max() ?? 2
                let techniques = metadata.map { $0.techniques.map(\.id).joined(separator: ",") }
                let techniqueWidth = max(6, techniques.map(\.count).max() ?? 6)
                var text = "ID".padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  SEVERITY  "
                    + "ATT&CK".padding(toLength: techniqueWidth, withPad: " ", startingAt: 0) + "  TITLE\n"
                for (m, technique) in zip(metadata, techniques) {
                    text += m.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                        + m.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                        + technique.padding(toLength: techniqueWidth, withPad: " ", startingAt: 0) + "  " + m.title + "\n"
                }
                Terminal.output(text)
            }
        }
    }

    /// `s3hound detections test`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every detection's built-in firing and quiet cases and report pass/fail (exit 1 on a failure).")

        func run() throws {
            var failures = 0
            var total = 0
            for detection in DetectionCatalog.all {
                let id = type(of: detection).metadata.id
                for testCase in type(of: detection).cases {
                    total += 1
                    let ok = testCase.passes(detection)
                    if !ok { failures += 1 }
                    Terminal.output("\(ok ? "pass" : "FAIL")  \(id)  \(testCase.expectation.rawValue): \(testCase.name)\n")
                }
            }
            Terminal.output("\(total - failures) passed, \(failures) failed\n")
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

/// Output of `detections list`.
enum CatalogFormat: String, ExpressibleByArgument, CaseIterable { case table, json }
