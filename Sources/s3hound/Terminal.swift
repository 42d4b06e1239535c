import Foundation
import S3HoundCore

/// Writes to standard error and standard output; stderr writes from several threads do not interleave.
enum Terminal {
    private static let lock = NSLock()

    /// True when standard error is a terminal (progress lines only then).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Rewrites the progress line on standard error.
    static func progress(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    /// Clears the progress line.
    static func clearProgress() {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// Writes text to standard output.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
