import Foundation
import S3HoundCore

/// Expands the paths a user gave into the log files to read: files as given, directories walked
/// recursively (sorted, hidden entries and CloudTrail digests skipped), `-` for standard input;
/// with a delivery layout, folders and files outside the time range are skipped unopened.
public struct InputWalker: Sendable {
    /// Prunes by the CloudTrail delivery layout; nil reads everything.
    public var layout: DeliveryLayout?

    /// Creates a walker.
    public init(layout: DeliveryLayout? = nil) { self.layout = layout }

    /// The files to read and what was skipped.
    public struct Plan: Sendable {
        /// Inputs to read, in a stable order.
        public var inputs: [LogInput] = []
        /// Files skipped because their folder or name put them outside the time range.
        public var pruned = 0
        /// Day folders skipped whole.
        public var prunedFolders = 0
        /// `s3://` folders ruled out without listing them (their objects are in no other count).
        public var unlistedFolders = 0
        /// Files skipped because they are not logs S3Hound reads (digests, its own metadata).
        public var ignored = 0
        /// Bytes of the inputs to read, as stored (compressed or not), where known (not standard input).
        public var inputBytes: Int64 = 0

        /// An empty plan.
        public init() {}
    }

    /// What cannot be walked: a missing path.
    public struct WalkError: Error, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// Why.
        public var reason: String
        public var description: String { "\(SafeText.terminal(path)): \(reason)" }
    }

    /// Expands `paths`; throws when a path does not exist (nothing is read then).
    public func plan(_ paths: [String]) throws -> Plan {
        var plan = Plan()
        for path in paths {
            if path == "-" { plan.inputs.append(.standardInput); continue }
            guard let entry = Self.entry(path) else {
                throw WalkError(path: path, reason: "no such file or directory — give a log file, a folder of logs, or - for standard input")
            }
            if entry.isDirectory {
                walk(directory: path, into: &plan)
            } else {
                // A file named explicitly is read, whatever its name; the time filter still applies to records.
                plan.inputs.append(.file(path))
                plan.inputBytes += entry.size
            }
        }
        return plan
    }

    private func walk(directory: String, into plan: inout Plan) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for name in entries.sorted() {
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let entry = Self.entry(path) else { continue }
            if entry.isDirectory {
                if name == "CloudTrail-Digest" { plan.ignored += 1; continue }
                if let layout, let span = DeliveryLayout.folderSpan(path.split(separator: "/")), layout.excludes(span) {
                    plan.prunedFolders += 1
                    plan.pruned += countFiles(path)
                    continue
                }
                walk(directory: path, into: &plan)
            } else {
                if name.contains("CloudTrail-Digest") || Self.isS3HoundFile(name) { plan.ignored += 1; continue }
                if let layout, let delivered = DeliveryLayout.fileDeliveryTime(Substring(name)), layout.excludesFile(deliveredAt: delivered) {
                    plan.pruned += 1
                    continue
                }
                plan.inputs.append(.file(path))
                plan.inputBytes += entry.size
            }
        }
    }

    /// Whether a path (following links) is a directory, and its size; nil when it does not exist.
    static func entry(_ path: String) -> (isDirectory: Bool, size: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int64(info.st_size))
    }

    /// S3Hound's own files beside logs (ground truth, configuration, lists): `*.s3hound.json`, `.toml`, `.txt`.
    public static func isS3HoundFile(_ name: String) -> Bool {
        name.hasSuffix(".s3hound.json") || name.hasSuffix(".s3hound.toml") || name.hasSuffix(".s3hound.txt")
    }

    /// Counts files below a pruned folder for the summary (names only; nothing is opened).
    private func countFiles(_ directory: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var count = 0
        while enumerator.nextObject() != nil {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { count += 1 }
        }
        return count
    }
}
