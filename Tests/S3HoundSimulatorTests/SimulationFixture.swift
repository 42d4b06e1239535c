import Foundation
import S3HoundCore
import S3HoundSimulator
import S3HoundSources

/// A simulation written into a fresh temporary directory, removed by `remove()`.
struct SimulationFixture {
    let directory: URL
    let result: SimulationResult

    /// A new, not yet created, directory path under the temporary directory.
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-sim-\(UUID().uuidString)", isDirectory: true)
    }

    /// Writes a small simulation (few days, low volume) so tests stay fast.
    static func write(_ scenario: Scenario, seed: UInt64 = 1, days: Int = 4, scale: Double = 0.2,
                      attackObjects: Int? = 200) throws -> SimulationFixture {
        let directory = temporaryDirectory()
        let options = SimulationOptions(scenario: scenario, seed: seed, days: days, scale: scale, attackObjects: attackObjects)
        let result = try Simulator(options: options).write(to: directory)
        return SimulationFixture(directory: directory, result: result)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Every file below the directory, relative to it, sorted.
    func allFiles() -> [String] {
        let base = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(relativePath))
    }

    /// Decompresses a gzip file with the project's streaming decoder.
    func gunzip(_ relativePath: String) throws -> Data {
        let compressed = try data(relativePath)
        let decoder = try GzipDecoder()
        var output = Data()
        try compressed.withUnsafeBytes { bytes in
            try decoder.decode(bytes) { piece in output.append(contentsOf: piece) }
        }
        try decoder.finish()
        return output
    }

    /// The parsed JSON object of a gzipped file.
    func object(_ relativePath: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: try gunzip(relativePath))
        guard let object = value as? [String: Any] else { throw FixtureError("\(relativePath) is not a JSON object") }
        return object
    }

    /// The records of one log file.
    func records(_ relativePath: String) throws -> [[String: Any]] {
        guard let records = try object(relativePath)["Records"] as? [[String: Any]] else {
            throw FixtureError("\(relativePath) has no Records array")
        }
        return records
    }

    /// Every record of every log file, in file order.
    func allRecords() throws -> [[String: Any]] {
        try result.logFiles.flatMap { try records($0) }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Typed access to the fields of a parsed CloudTrail record.
extension Dictionary where Key == String, Value == Any {
    subscript(path path: String) -> Any? {
        var current: Any? = self
        for component in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(component)]
        }
        return current
    }

    func string(_ path: String) -> String? { self[path: path] as? String }

    /// A number field as a whole count (CloudTrail writes some as floats, e.g. `5120.0`).
    func count(_ path: String) -> Int64? {
        guard let number = self[path: path] as? NSNumber else { return nil }
        return Int64(number.doubleValue)
    }

    var eventTime: EventTime? { string("eventTime").flatMap(EventTime.init(iso8601:)) }
}
