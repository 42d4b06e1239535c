import Foundation
import Testing
import S3HoundCore
import S3HoundSimulator

/// Runs the built `s3hound` binary the way a user does.
enum CLI {
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["S3HOUND_BIN"] { return explicit }
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        for candidate in [runner, runner.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("s3hound").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/s3hound").standardized.path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the process runs so neither fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("The s3hound command", .serialized)
struct CommandLineTests {
    @Test("exit status: 1 for incidents at or above --fail-on, 0 for none, 2 when it cannot run")
    func exitStatus() throws {
        let attack = try CLI.run(["hunt", Scenarios.bulkDownload.directory])
        #expect(attack.status == 1)
        #expect(attack.stdout.contains("INC-20260223-"))
        #expect(attack.stdout.contains("AKIA…WXYZ"))
        #expect(!attack.stdout.contains(Scenarios.bulkDownload.truth.attack!.accessKeyId))
        #expect(attack.stderr.contains("records"))
        #expect(attack.stderr.contains("0 skipped as malformed"))
        #expect(try CLI.run(["hunt", Scenarios.bulkDownload.directory, "--fail-on", "none", "--quiet"]).status == 0)
        let benign = try CLI.run(["hunt", Scenarios.benign.directory])
        #expect(benign.status == 0)
        #expect(benign.stdout.contains("No incidents"))
        let missing = try CLI.run(["hunt", "/nonexistent/AWSLogs"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/AWSLogs"))
        let badSince = try CLI.run(["hunt", Scenarios.benign.directory, "--since", "last tuesday"])
        #expect(badSince.status == 2)
        #expect(badSince.stderr.contains("--since 'last tuesday' is not a time"))
    }

    @Test("--partitions: the same report in 4 partitions as in 1 (and the read totals), a note saying so; 0 or words refused")
    func partitions() throws {
        let directory = Scenarios.bulkDownload.directory
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-partitions-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func hunt(_ partitions: String) throws -> (report: [String: Any], totals: String) {
            let totals = folder.appendingPathComponent("totals-\(partitions).csv").path
            let result = try CLI.run(["hunt", directory, "--format", "json", "--fail-on", "none", "--quiet", "--partitions", partitions, "--read-totals", totals])
            #expect(result.status == 0, "\(result.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return (report, try String(contentsOfFile: totals, encoding: .utf8))
        }
        let one = try hunt("1"), four = try hunt("4")
        func notes(_ report: [String: Any]) -> [String] { ((report["summary"] as? [String: Any])?["notes"] as? [String]) ?? [] }
        #expect(notes(four.report).contains { $0.hasPrefix("Judged in 4 partitions of principals") })
        #expect(!notes(one.report).contains { $0.hasPrefix("Judged in") })
        // The incidents, with the report's own generation time (in each story's timeline) taken out.
        let incidents = { (report: [String: Any]) throws -> String in
            let text = String(decoding: try JSONSerialization.data(withJSONObject: report["incidents"] ?? [], options: [.sortedKeys]), as: UTF8.self)
            let generated = try #require((report["summary"] as? [String: Any])?["generatedAt"] as? String)
            return text.replacingOccurrences(of: generated, with: "GENERATED")
        }
        #expect(try incidents(four.report) == incidents(one.report))
        #expect((one.report["incidents"] as? [Any])?.isEmpty == false)
        #expect(four.totals == one.totals && one.totals.hasPrefix("principal,source_ip,requests,bytes\n"))
        for bad in ["0", "some"] {
            let refused = try CLI.run(["hunt", directory, "--partitions", bad])
            #expect(refused.status == 2, "\(bad): \(refused.status)")
            #expect(refused.stderr.contains("--partitions '\(bad)' is not a count"), "\(refused.stderr)")
        }
    }

    @Test("--downloads takes a count of at least 1")
    func downloads() throws {
        let refused = try CLI.run(["hunt", Scenarios.bulkDownload.directory, "--downloads", "0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--downloads must be at least 1."), "\(refused.stderr)")
        let help = try CLI.run(["hunt", "--help"])
        #expect(help.stdout.contains("--downloads <n>"))
    }

    @Test("standard input, JSON output and the documented schema")
    func stdinJSON() throws {
        // Decompress every log of the attack scenario into one JSON-lines stream.
        let files = Scenarios.bulkDownload.result.logFiles.map { Scenarios.bulkDownload.directory + "/" + $0 }
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "zcat \"$@\"", "sh"] + files
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let text = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        let result = try CLI.run(["hunt", "-", "--format", "json", "--fail-on", "none"], stdin: text)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "s3hound.hunt.v1")
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        #expect(incidents.count == 1)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["records"] as? Int == Scenarios.bulkDownload.result.events)
        #expect(!result.stdout.contains(Scenarios.bulkDownload.truth.attack!.accessKeyId))
    }

    @Test("--help teaches the flags and the exit status")
    func help() throws {
        let help = try CLI.run(["hunt", "--help"])
        #expect(help.status == 0)
        for flag in ["--since", "--until", "--baseline", "--format", "--fail-on", "--bulk-objects", "--bulk-bytes", "--trusted-account", "(values: text, markdown, json", "Exit status"] {
            #expect(help.stdout.contains(flag), "help lacks \(flag)")
        }
        let root = try CLI.run(["--help"])
        #expect(root.stdout.contains("hunt") && root.stdout.contains("simulate") && root.stdout.contains("detections"))
    }

    @Test("detections list and test")
    func detections() throws {
        let list = try CLI.run(["detections", "list", "--format", "json"])
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(catalog.compactMap { $0["id"] as? String }.contains("cloudtrail.bulk-download"))
        let test = try CLI.run(["detections", "test"])
        #expect(test.status == 0)
        #expect(test.stdout.contains(" 0 failed"))
    }

    @Test("simulate refuses to write into a folder that has files")
    func simulateRefuses() throws {
        let result = try CLI.run(["simulate", "--scenario", "benign", "--out", Scenarios.benign.directory, "--days", "2"])
        #expect(result.status != 0)
        #expect(FileManager.default.fileExists(atPath: Scenarios.benign.directory + "/" + GroundTruth.fileName))
    }
}
