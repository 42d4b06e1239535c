import ArgumentParser
import Foundation
import S3HoundCore
import S3HoundHunt

/// `s3hound config`: write and check the configuration file.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented default configuration file, or check one.",
        discussion: """
        The configuration file (TOML) holds own, organisation and trusted accounts, every threshold, \
        disabled detections, bucket labels and suppressions with an expiry date. Use it with \
        s3hound hunt --config FILE; flags given on the command line win over the file.
        """,
        subcommands: [Init.self, Check.self])

    /// `s3hound config init`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the default configuration, every key commented, or write it to a new file.")

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output; it must not exist yet.", valueName: "file"))
        var output: String?

        func run() throws {
            guard let output else { Terminal.output(ConfigFile.defaultText); return }
            guard !FileManager.default.fileExists(atPath: output) else {
                Terminal.error("s3hound: error: \(SafeText.terminal(output)) already exists; S3Hound never overwrites a file — choose another name or remove it first.")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(ConfigFile.defaultText.utf8)) else {
                Terminal.error("s3hound: error: cannot write \(SafeText.terminal(output)) — check the folder exists and is writable.")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            Terminal.error("s3hound: wrote \(SafeText.terminal(output))")
        }
    }

    /// `s3hound config check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a configuration file; errors name the line (exit 2 when it is wrong).")

        @Argument(help: ArgumentHelp("The configuration file.", valueName: "file"))
        var file: String

        func run() throws {
            do {
                let config = try ConfigFile.load(path: file)
                Terminal.output("\(file): ok — \(config.setKeys.count) setting(s), \(config.disabledDetections.count) disabled detection(s), \(config.suppressions.count) suppression(s)\n")
            } catch let error as ConfigFile.LoadError {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
        }
    }
}
