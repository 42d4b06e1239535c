import Foundation

/// Runs the system's headless Chromium for the HTML report tests: finds it, runs it with a fresh
/// profile, a time limit and no background networking, and collects what it logs.
enum Chromium {
    /// The browser binary: `$S3HOUND_CHROMIUM`, else the first of Debian's `chromium` or
    /// `chromium-headless-shell` (or `chromium-browser`, `google-chrome`) on `PATH`.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["S3HOUND_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        return which(["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"])
    }()

    /// The first of `names` found on `PATH`.
    static func which(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// What one run produced.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool

        /// Console messages and Content-Security-Policy reports the page caused (`…:INFO:CONSOLE:1] "…"`).
        var consoleLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter {
                $0.contains(":CONSOLE") || $0.contains("Content Security Policy") || $0.contains("Refused to")
            }
        }
    }

    /// Runs Chromium headless on a file with `arguments` added, in `directory` (its profile goes there).
    static func run(_ file: URL, _ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> Run {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
            "--enable-logging=stderr", "--v=0",
        ] + arguments + [file.absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let timedOut = process.isRunning
        if timedOut { process.terminate(); process.waitUntilExit() }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", timedOut: timedOut)
    }
}
