import Foundation
import S3HoundCore

/// Reads AWS's published `ip-ranges.json` (https://ip-ranges.amazonaws.com/ip-ranges.json) from disk.
public enum AWSIPRangesFile {
    /// An ip-ranges file that cannot be used, and why.
    public struct LoadError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The file as given.
        public var path: String
        /// What is wrong and what to do.
        public var reason: String

        public var description: String { "AWS IP ranges \(SafeText.terminal(path)): \(reason)" }
    }

    /// Loads and indexes the file at `path`.
    public static func load(path: String) throws -> AWSIPRanges {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file; download https://ip-ranges.amazonaws.com/ip-ranges.json and give its path"
                : isDirectory.boolValue ? "is a folder; give the ip-ranges.json file itself"
                : "cannot be read; check its permissions"
            throw LoadError(path: path, reason: reason)
        }
        do {
            return try AWSIPRanges(json: data)
        } catch {
            throw LoadError(path: path, reason: error.reason)
        }
    }
}
