import Foundation
import Testing
@testable import S3HoundReport

/// Runs a shell script with `/bin/sh` in a fresh directory; returns its output and the directory.
func runShell(_ script: String) throws -> (output: String, directory: URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), directory)
}

@Suite struct ShellQuoteTests {
    static let hostile = ["$(rm -rf ~)", "'", "it's", "a\nb", "`id`", "'; touch pwned; '", "$HOME", "*", "\\'", "x\u{1B}[31my", ""]

    @Test func quotesPlainValues() {
        #expect(ShellQuote.quote("developer-jane") == "'developer-jane'")
        #expect(ShellQuote.quote("it's") == #"'it'\''s'"#)
        #expect(ShellQuote.quote("") == "''")
    }

    @Test(arguments: hostile)
    func quotedValueReachesTheProgramUnchanged(_ value: String) throws {
        let (output, directory) = try runShell("printf '%s' \(ShellQuote.quote(value))")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output == value)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path))
    }

    @Test(arguments: hostile)
    func argumentIsTerminalSafeAndLiteral(_ value: String) throws {
        let argument = ShellQuote.argument(value)
        #expect(!argument.contains("\u{1B}"))
        #expect(!argument.contains("\n"))
        let (output, directory) = try runShell("printf '%s' \(argument)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output == SafeTextProbe.terminal(value))
    }

    @Test func fileNamesCannotClimbDirectories() {
        #expect(ShellQuote.fileName("../../etc/passwd") == "_._.._etc_passwd")
        #expect(ShellQuote.fileName("sensitive-data-bucket") == "sensitive-data-bucket")
        #expect(!ShellQuote.fileName(".hidden").hasPrefix("."))
        #expect(!ShellQuote.fileName("a/b$(x)").contains("/"))
    }
}

import S3HoundCore

/// `SafeText` as the report uses it, named for the tests.
enum SafeTextProbe {
    static func terminal(_ text: String) -> String { SafeText.terminal(text) }
}
