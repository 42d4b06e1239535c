import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves backups into a directory and reads them back. A backup file is never overwritten: each save
/// creates a new file (`s3hound-contain-INC-…-20260223T042500Z.json`, `-2` … when that name is taken).
public struct BackupStore: Sendable {
    /// The default directory, relative to the working directory.
    public static let defaultDirectory = "./s3hound-backups"

    /// Where backups are saved.
    public var directory: String

    /// Creates a store for a directory (created on the first save).
    public init(directory: String = BackupStore.defaultDirectory) {
        self.directory = directory
    }

    /// Saves the backup into a new file readable only by its owner and returns its path.
    public func save(_ backup: Backup, now: Date = Date()) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ResponseError.backup("cannot create the backup directory \(directory): \(error.localizedDescription). Nothing was changed; choose another with --backup-dir")
        }
        let text = try JSONValue.encoding(backup).prettyText + "\n"
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + Self.fileStem(backup, now: now)
        for attempt in 1...1000 {
            let path = base + (attempt == 1 ? "" : "-\(attempt)") + ".json"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw ResponseError.backup("cannot create the backup file \(path): \(String(cString: strerror(errno))). Nothing was changed; choose another directory with --backup-dir")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            do {
                try handle.write(contentsOf: Data(text.utf8))
                try handle.synchronize()
                try handle.close()
            } catch {
                throw ResponseError.backup("cannot write the backup file \(path): \(error.localizedDescription). Nothing was changed")
            }
            return path
        }
        throw ResponseError.backup("too many backups named \(base)*.json: clean up \(directory)")
    }

    /// Reads a backup file; the error names the file and what is wrong with it.
    public static func load(path: String) throws -> Backup {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ResponseError.backup("cannot read backup \(path): \(error.localizedDescription)")
        }
        let json = try JSONValue.parse(data, source: path)
        guard json["schema"]?.stringValue == Backup.currentSchema else {
            throw ResponseError.backup("\(path) is not an S3Hound backup (its schema is not \(Backup.currentSchema)): pass a file that s3hound contain --apply or s3hound setup --apply saved")
        }
        return try json.decoded(as: Backup.self, source: path)
    }

    /// `s3hound-<kind>-<incident>-<time>`, with only safe file-name characters.
    static func fileStem(_ backup: Backup, now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var parts = ["s3hound", backup.kind.rawValue]
        if let incident = backup.incidentID { parts.append(incident) }
        parts.append(formatter.string(from: now))
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        return String(parts.joined(separator: "-").map { allowed.contains($0) ? $0 : "_" })
    }
}
