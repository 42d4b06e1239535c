import Foundation
import S3HoundCore

/// Why the baseline store cannot be used, naming the file and what to do next.
public struct BaselineStoreError: Error, CustomStringConvertible, Sendable {
    fileprivate enum Code: Sendable { case notAStore, newerVersion, busy, cannotOpen, learnedMeanwhile, failed }

    /// What kind of failure this is (compare with `==`; new kinds may be added).
    public struct Kind: Hashable, Sendable {
        fileprivate let code: Code
        /// The file exists but is not an S3Hound baseline store.
        public static let notAStore = Kind(code: .notAStore)
        /// The store was written by a newer S3Hound.
        public static let newerVersion = Kind(code: .newerVersion)
        /// Another process held the write lock for longer than the busy timeout.
        public static let busy = Kind(code: .busy)
        /// The file or its folder cannot be opened or created.
        public static let cannotOpen = Kind(code: .cannotOpen)
        /// Another run learned some of the same files while this one was reading them.
        public static let learnedMeanwhile = Kind(code: .learnedMeanwhile)
        /// Any other database failure.
        public static let failed = Kind(code: .failed)
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The store's path (`:memory:` for an in-memory store).
    public let path: String
    /// The full sentence: what went wrong with which file, and what to do.
    public let message: String

    public var description: String { message }

    private init(_ code: Code, path: String, message: String) {
        self.kind = Kind(code: code); self.path = path; self.message = message
    }

    static func notAStore(_ path: String, detail: String) -> Self {
        Self(.notAStore, path: path, message: "\(SafeText.terminal(path)) is not an S3Hound baseline store (\(detail)). Give another file with --state PATH, or move this one away if it is a damaged store; S3Hound will create a new store there.")
    }

    static func newerVersion(_ path: String, unknown: [String]) -> Self {
        Self(.newerVersion, path: path, message: "\(SafeText.terminal(path)) was written by a newer version of s3hound (it holds changes this version does not know: \(unknown.joined(separator: ", "))). Upgrade s3hound, or give this version a store of its own with --state PATH.")
    }

    static func busy(_ path: String, waited: Double) -> Self {
        Self(.busy, path: path, message: "another s3hound is writing the baseline store \(SafeText.terminal(path)) (waited \(formatSeconds(waited)) s for it). Let it finish and run this command again, or give a separate store with --state PATH.")
    }

    static func cannotOpen(_ path: String, reason: String) -> Self {
        Self(.cannotOpen, path: path, message: "cannot open the baseline store \(SafeText.terminal(path)): \(reason). Check that the folder exists and is writable, or give another file with --state PATH.")
    }

    static func learnedMeanwhile(_ path: String, files: Int) -> Self {
        Self(.learnedMeanwhile, path: path, message: "another s3hound learned \(files) of these files into \(SafeText.terminal(path)) while this run was reading them; nothing was written, so nothing is counted twice. Run the same command again to learn the rest.")
    }

    static func failed(_ path: String, reason: String) -> Self {
        Self(.failed, path: path, message: "the baseline store \(SafeText.terminal(path)) failed: \(reason). If the file is damaged, move it away and learn again; S3Hound will create a new store.")
    }

    private static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
