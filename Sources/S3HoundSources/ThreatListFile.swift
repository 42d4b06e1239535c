import Foundation
import S3HoundCore

/// Reads threat-list files: one IP address or CIDR a line; `#` (or `;`, as in Spamhaus DROP) starts a
/// comment; blank lines are skipped. The list is named after the file (`tor-exits.txt` → `tor-exits`).
public enum ThreatListFile {
    /// A threat-list file that cannot be used, with the file and (for bad lines) the line number.
    public struct LoadError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The file as given.
        public var path: String
        /// 1-based line number, or nil when the file itself could not be read.
        public var line: Int?
        /// What is wrong and what to do.
        public var reason: String

        public var description: String {
            let place = SafeText.terminal(path) + (line.map { ":\($0)" } ?? "")
            return "threat list \(place): \(reason)"
        }
    }

    /// Loads the file at `path`; `name` defaults to the file name without its extension.
    public static func load(path: String, name: String? = nil) throws -> ThreatList {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file; check the path given to --threat-list"
                : isDirectory.boolValue ? "is a folder; give a file with one IP address or CIDR a line"
                : "cannot be read; check its permissions"
            throw LoadError(path: path, line: nil, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(path: path, line: nil, reason: "is not UTF-8 text; give a plain list with one IP address or CIDR a line")
        }
        return try parse(text, path: path, name: name ?? listName(path))
    }

    /// Parses list text; `path` is only used in errors.
    public static func parse(_ text: String, path: String, name: String) throws -> ThreatList {
        var networks: [IPNetwork] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if let comment = line.firstIndex(where: { $0 == "#" || $0 == ";" }) { line = line[..<comment] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 1 else {
                throw LoadError(path: path, line: lineNumber, reason: "'\(SafeText.terminal(String(line.trimmingCharacters(in: .whitespacesAndNewlines))))' has more than one entry; put one IP address or CIDR on each line (comments start with #)")
            }
            guard let network = IPNetwork(String(fields[0])) else {
                throw LoadError(path: path, line: lineNumber, reason: "'\(SafeText.terminal(String(fields[0])))' is not an IP address or CIDR (e.g. 185.220.101.47, 185.220.101.0/24, 2001:db8::/32)")
            }
            networks.append(network)
        }
        return ThreatList(name: name, networks: networks)
    }

    /// `tor-exits` for `/lists/tor-exits.txt`.
    static func listName(_ path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let stem = file.split(separator: ".", maxSplits: 1).first.map(String.init) ?? file
        return stem.isEmpty ? file : stem
    }
}
