import Foundation
import Testing
@testable import S3HoundResponse

/// Runs the built `s3hound` binary (or `S3HOUND_BIN`) with a controlled environment.
enum ResponseCLI {
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["S3HOUND_BIN"] { return explicit }
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        for candidate in [runner, runner.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("s3hound").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/s3hound").standardized.path
    }()

    /// True once `setup`, `contain` and `rollback` are registered in the root command.
    static let registered: Bool = {
        guard FileManager.default.isExecutableFile(atPath: binary),
              let result = try? run(["contain", "--help"], environment: [:]) else { return false }
        return result.status == 0 && result.stdout.contains("S3HoundContainDenyOutsideVpce")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `directory` with only `environment` (plus PATH and a scratch HOME).
    static func run(_ arguments: [String], environment: [String: String], directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": Fixtures.temporaryDirectory()]
        env.merge(environment) { _, given in given }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("s3hound setup / contain / rollback on the command line",
       .enabled(if: ResponseCLI.registered, "setup, contain and rollback are not registered in the s3hound root command yet (Sources/s3hound/S3Hound.swift)"))
struct ResponseCommandLineTests {
    @Test("--help teaches: what changes, examples, exit statuses", arguments: ["setup", "contain", "rollback"])
    func help(command: String) throws {
        let result = try ResponseCLI.run([command, "--help"], environment: [:])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:\n  s3hound "))
        let prose = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.contains("Exit status: 0 nothing to change"))
        #expect(result.stdout.contains("--apply"))
        #expect(result.stdout.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") }.allSatisfy { $0.count <= 80 })
    }

    @Test("dangerous requests are refused with status 2 before any AWS call")
    func refusals() throws {
        let noEndpoint = try ResponseCLI.run(["contain", "--bucket", "sensitive-data-bucket"], environment: [:])
        #expect(noEndpoint.status == 2)
        #expect(noEndpoint.stderr.contains("refusing to deny reads of sensitive-data-bucket"))
        let noApproved = try ResponseCLI.run(["contain", "--bucket", "sensitive-data-bucket", "--vpce", "vpce-0abc"], environment: [:])
        #expect(noApproved.status == 2)
        #expect(noApproved.stderr.contains("--approved-bucket"))
        let temporary = try ResponseCLI.run(["contain", "--access-key", "ASIAJANE00000000WXYZ"], environment: [:])
        #expect(temporary.status == 2)
        #expect(temporary.stderr.contains("ASIA…WXYZ is a temporary"))
        #expect(!temporary.stderr.contains("ASIAJANE00000000WXYZ"))
        let halfIncident = try ResponseCLI.run(["contain", "--incident", "INC-1"], environment: [:])
        #expect(halfIncident.status == 2)
    }

    @Test("--emit cloudformation writes the template without calling AWS")
    func emit() throws {
        let result = try ResponseCLI.run(["setup", "--trail", "management-trail", "--bucket", "sensitive-data-bucket",
                                          "--log-group", "cloudtrail-logs", "--emit", "cloudformation", "--template-format", "json"],
                                         environment: [:])
        #expect(result.status == 0)
        let template = try JSONValue.parse(result.stdout, source: "stdout")
        #expect(template["Resources"]?["GetObjectAlarm"]?["Type"] == "AWS::CloudWatch::Alarm")
        let both = try ResponseCLI.run(["setup", "--emit", "cloudformation", "--apply", "--log-group", "g", "--skip", "data-events"], environment: [:])
        #expect(both.status == 2)
    }
}

extension MotoResponseTests {
    @Test("the binary contains, re-runs idempotently and rolls back against moto",
          .enabled(if: ResponseCLI.registered, "setup, contain and rollback are not registered in the s3hound root command yet"))
    func commandLineRoundTrip() async throws {
        let iam = aws.iam()
        _ = try await iam.createUser(userName: "cli-jane")
        let key = try await iam.createAccessKey(userName: "cli-jane").accessKeyId
        try await aws.s3().createBucket("moto-cli-bucket")
        let vpc = try await aws.ec2().createVpc(cidrBlock: "10.43.0.0/16")
        let endpoint = try await aws.ec2().createVpcEndpoint(vpcID: vpc, serviceName: "com.amazonaws.us-east-1.s3").id
        let environment = ["AWS_ACCESS_KEY_ID": server.credentials.accessKeyId, "AWS_SECRET_ACCESS_KEY": server.credentials.secretAccessKey,
                           "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": server.endpoint.absoluteString]
        let directory = Fixtures.temporaryDirectory()
        let arguments = ["contain", "--access-key", key, "--bucket", "moto-cli-bucket", "--vpce", endpoint, "--approved-bucket", "moto-approved"]

        let plan = try ResponseCLI.run(arguments, environment: environment, directory: directory)
        #expect(plan.status == 1, "\(plan.stderr)")
        #expect(plan.stdout.contains("3 changes."))
        #expect(!plan.stdout.contains(key) && !plan.stderr.contains(key))

        let applied = try ResponseCLI.run(arguments + ["--apply"], environment: environment, directory: directory)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try await iam.listAccessKeys(userName: "cli-jane").first?.status == .inactive)
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory + "/s3hound-backups")
        let backup = try #require(backups.first)
        #expect(applied.stderr.contains("s3hound rollback ./s3hound-backups/\(backup) --apply"))

        let again = try ResponseCLI.run(arguments + ["--apply"], environment: environment, directory: directory)
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing to change"))

        let rollback = try ResponseCLI.run(["rollback", "s3hound-backups/" + backup, "--apply", "--format", "json"], environment: environment, directory: directory)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(try JSONValue.parse(rollback.stdout, source: "stdout")["kind"] == "rollback")
        #expect(try await iam.listAccessKeys(userName: "cli-jane").first?.status == .active)
        #expect(try await aws.s3().getBucketPolicy(bucket: "moto-cli-bucket") == nil)
    }
}
