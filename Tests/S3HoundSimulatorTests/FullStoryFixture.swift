import Foundation
import S3HoundCore
import S3HoundSimulator

/// Readers of the full story's other sources, written for the tests (independent of the project's parsers).
enum EvidenceFiles {
    /// The fields of a server access log line: space-separated, `[…]` and `"…"` kept whole (without the brackets or quotes).
    static func accessLogFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = "", closing: Character? = nil
        for character in line {
            if let end = closing {
                if character == end { fields.append(current); current = ""; closing = nil } else { current.append(character) }
            } else if character == " " {
                if !current.isEmpty { fields.append(current); current = "" }
            } else if current.isEmpty, character == "[" || character == "\"" {
                closing = character == "[" ? "]" : "\""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    /// The time of an access log line, from `06/Feb/2019:00:00:38 +0000`.
    static func accessLogTime(_ field: String) -> EventTime? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = field.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == " " }).map(String.init)
        guard parts.count == 7, parts[6] == "+0000", let month = months.firstIndex(of: parts[1]) else { return nil }
        return EventTime(iso8601: "\(parts[2])-\(month < 9 ? "0" : "")\(month + 1)-\(parts[0])T\(parts[3]):\(parts[4]):\(parts[5])Z")
    }

    /// Every line of a plain text file (without the trailing empty one).
    static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

extension SimulationFixture {
    /// A small full story: four days (Friday to the Monday of the attack), a fifth of the benign volume.
    static func fullStory(seed: UInt64 = 1) throws -> SimulationFixture {
        try write(.fullStory, seed: seed, days: 4, scale: 0.2, attackObjects: 600)
    }

    /// Every server access log line, with the path of its file.
    func accessLogLines() throws -> [(path: String, fields: [String])] {
        try result.accessLogFiles.flatMap { path in
            EvidenceFiles.lines(try data(path)).map { (path, EvidenceFiles.accessLogFields($0)) }
        }
    }

    /// Every flow log file's lines (the header first).
    func flowLogFiles() throws -> [(path: String, lines: [String])] {
        try result.flowLogFiles.map { ($0, EvidenceFiles.lines(try gunzip($0))) }
    }

    /// Every GuardDuty finding of the export files.
    func guardDutyFindings() throws -> [[String: Any]] {
        try result.findingFiles.filter { $0.hasSuffix(".jsonl.gz") }.flatMap { path in
            try EvidenceFiles.lines(try gunzip(path)).map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw FixtureError("\(path): a line is not a JSON object")
                }
                return object
            }
        }
    }
}
