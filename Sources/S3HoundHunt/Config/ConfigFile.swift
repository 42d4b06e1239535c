import Foundation
import S3HoundCore
import S3HoundDetections

/// S3Hound's configuration file: accounts, thresholds, disabled detections, suppressions and labels.
/// Unknown keys and bad values are errors that name the file and line.
public struct ConfigFile: Sendable {
    /// Detection tunables.
    public var detection = DetectionConfiguration()
    /// Detection ids not to run.
    public var disabledDetections: Set<String> = []
    /// Findings to drop.
    public var suppressions: [Suppression] = []
    /// Sensitivity labels per bucket (e.g. `pii`, `financial`).
    public var bucketLabels: [String: String] = [:]
    /// Threat-list files (relative paths are relative to the configuration file).
    public var threatListPaths: [String] = []
    /// AWS's ip-ranges.json (`[network] aws_ip_ranges`), resolved against the file's folder.
    public var awsIPRangesPath: String?
    /// History before the window used as baseline, when set.
    public var baselineSeconds: Int64?
    /// Keys that were set, for `flag overrides file` logic.
    public var setKeys: Set<String> = []

    /// Creates the default configuration.
    public init() {}

    /// What is wrong with a configuration file.
    public struct LoadError: Error, CustomStringConvertible {
        /// The file.
        public var file: String
        /// The line, when known.
        public var line: Int?
        /// What is wrong and what to do.
        public var message: String
        public var description: String { "\(SafeText.terminal(file))\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// Reads and validates a configuration file.
    public static func load(path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, message: "cannot read the configuration file — check the path (s3hound config init writes a default)")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> ConfigFile {
        let root: TOMLTable
        do { root = try TOMLParser.parse(text) } catch let error as TOMLError {
            throw LoadError(file: file, line: error.line, message: error.message)
        }
        var config = ConfigFile()
        var reader = ConfigReader(file: file)
        try reader.read(root, into: &config)
        return config
    }
}

/// Maps parsed TOML onto `ConfigFile`, checking every key and type.
struct ConfigReader {
    let file: String

    func fail(_ line: Int, _ message: String) -> ConfigFile.LoadError { ConfigFile.LoadError(file: file, line: line, message: message) }

    mutating func read(_ root: TOMLTable, into config: inout ConfigFile) throws {
        for entry in root.entries {
            switch entry.key {
            case "accounts": try accounts(table(entry), &config)
            case "network": try network(table(entry), &config)
            case "thresholds": try thresholds(table(entry), &config)
            case "detections": try detections(table(entry), &config)
            case "buckets": try buckets(table(entry), &config)
            case "suppression", "suppressions": try suppressions(entry, &config)
            default: throw fail(entry.line, "unknown section or key '\(entry.key)' (known: accounts, network, thresholds, detections, buckets, [[suppression]])")
            }
        }
    }

    func table(_ entry: TOMLTable.Entry) throws -> TOMLTable {
        guard case .table(let table) = entry.value else { throw fail(entry.line, "'\(entry.key)' must be a [\(entry.key)] section") }
        return table
    }

    func strings(_ entry: TOMLTable.Entry) throws -> [String] {
        guard case .array(let items) = entry.value else { throw fail(entry.line, "'\(entry.key)' must be a list of strings, e.g. [\"a\", \"b\"]") }
        return try items.map {
            guard case .string(let text) = $0 else { throw fail(entry.line, "'\(entry.key)' must hold strings, not \($0.kindDescription)") }
            return text
        }
    }

    func string(_ entry: TOMLTable.Entry) throws -> String {
        guard case .string(let text) = entry.value else { throw fail(entry.line, "'\(entry.key)' must be a string in quotes, not \(entry.value.kindDescription)") }
        return text
    }

    func integer(_ entry: TOMLTable.Entry, minimum: Int64 = 0) throws -> Int {
        guard case .integer(let value) = entry.value else { throw fail(entry.line, "'\(entry.key)' must be a whole number, not \(entry.value.kindDescription)") }
        guard value >= minimum else { throw fail(entry.line, "'\(entry.key)' must be at least \(minimum)") }
        return Int(value)
    }

    func number(_ entry: TOMLTable.Entry, minimum: Double) throws -> Double {
        let value: Double
        switch entry.value {
        case .integer(let i): value = Double(i)
        case .float(let f): value = f
        default: throw fail(entry.line, "'\(entry.key)' must be a number, not \(entry.value.kindDescription)")
        }
        guard value >= minimum else { throw fail(entry.line, "'\(entry.key)' must be at least \(minimum)") }
        return value
    }

    func duration(_ entry: TOMLTable.Entry) throws -> Int64 {
        guard case .string(let text) = entry.value, let seconds = TimeExpression.parseDuration(text), seconds > 0 else {
            throw fail(entry.line, "'\(entry.key)' must be a duration in quotes, like \"1h\", \"90m\" or \"7d\"")
        }
        return seconds
    }

    func size(_ entry: TOMLTable.Entry) throws -> Int64 {
        switch entry.value {
        case .integer(let bytes) where bytes > 0: return bytes
        case .string(let text):
            if let bytes = ByteCount.parse(text), bytes > 0 { return bytes }
        default: break
        }
        throw fail(entry.line, "'\(entry.key)' must be a size like \"500MB\" or \"1GiB\", or a number of bytes")
    }

    func account(_ text: String, line: Int) throws -> String {
        guard text.count == 12, text.allSatisfy(\.isNumber) else { throw fail(line, "'\(text)' is not a 12-digit AWS account id") }
        return text
    }

    mutating func accounts(_ table: TOMLTable, _ config: inout ConfigFile) throws {
        for entry in table.entries {
            let ids = try strings(entry).map { try account($0, line: entry.line) }
            switch entry.key {
            case "own", "organisation", "organization": config.detection.ownAccounts.formUnion(ids)
            case "trusted": config.detection.trustedAccounts.formUnion(ids)
            default: throw fail(entry.line, "unknown key '\(entry.key)' in [accounts] (known: own, organisation, trusted)")
            }
            config.setKeys.insert("accounts.\(entry.key)")
        }
    }

    mutating func thresholds(_ table: TOMLTable, _ config: inout ConfigFile) throws {
        for entry in table.entries {
            switch entry.key {
            case "bulk_objects": config.detection.bulkObjectThreshold = try integer(entry, minimum: 1)
            case "bulk_bytes": config.detection.bulkByteThreshold = try size(entry)
            case "bulk_window": config.detection.bulkWindowSeconds = try duration(entry)
            case "baseline_multiplier": config.detection.baselineMultiplier = try number(entry, minimum: 1)
            case "min_history_days": config.detection.minimumHistoryDays = try integer(entry)
            case "incident_gap": config.detection.incidentGapSeconds = try duration(entry)
            case "baseline": config.baselineSeconds = try duration(entry)
            case "enumeration_buckets": config.detection.enumerationBucketThreshold = try integer(entry, minimum: 1)
            case "denied_burst_calls": config.detection.deniedBurstCalls = try integer(entry, minimum: 1)
            case "denied_burst_buckets": config.detection.deniedBurstBuckets = try integer(entry, minimum: 1)
            case "mass_delete_objects": config.detection.massDeleteThreshold = try integer(entry, minimum: 1)
            case "presigned_ip_limit": config.detection.presignedDistinctIPLimit = try integer(entry)
            case "short_expiration_days": config.detection.shortExpirationDays = try integer(entry)
            case "stream_window": config.detection.streamWindowSeconds = try duration(entry)
            case "kept_events_per_detection": config.detection.keptEventsPerDetection = try integer(entry, minimum: 1)
            case "egress_bytes": config.detection.egressByteThreshold = try size(entry)
            case "egress_window": config.detection.egressWindowSeconds = try duration(entry)
            case "service_finding_min_severity":
                let text = try string(entry)
                guard let severity = Severity(rawValue: text) else { throw fail(entry.line, "'service_finding_min_severity' must be one of info, low, medium, high, critical") }
                config.detection.serviceFindingMinimumSeverity = severity
            default:
                throw fail(entry.line, "unknown threshold '\(entry.key)' (known: \(ConfigFile.thresholdNames.joined(separator: ", ")))")
            }
            config.setKeys.insert("thresholds.\(entry.key)")
        }
    }

    mutating func detections(_ table: TOMLTable, _ config: inout ConfigFile) throws {
        for entry in table.entries {
            switch entry.key {
            case "disabled":
                let ids = try strings(entry)
                let known = Set(DetectionCatalog.all.map { type(of: $0).metadata.id })
                for id in ids where !known.contains(id) {
                    throw fail(entry.line, "no detection has the id '\(id)' (s3hound detections list shows them)")
                }
                config.disabledDetections.formUnion(ids)
            case "tool_user_agents": config.detection.toolUserAgents = config.detection.toolUserAgents.adding(try strings(entry))
            case "credential_keys": config.detection.credentialKeyPatterns = config.detection.credentialKeyPatterns.adding(try strings(entry))
            case "ransom_notes": config.detection.ransomNotePatterns = config.detection.ransomNotePatterns.adding(try strings(entry))
            case "canaries":
                config.detection.canaries += try strings(entry).map { text in
                    guard let canary = Canary(argument: text) else { throw fail(entry.line, "canary '\(text)' names no bucket: use \"bucket\" or \"bucket/prefix\"") }
                    return canary
                }
            default: throw fail(entry.line, "unknown key '\(entry.key)' in [detections] (known: disabled, tool_user_agents, credential_keys, ransom_notes, canaries)")
            }
        }
    }

    mutating func network(_ table: TOMLTable, _ config: inout ConfigFile) throws {
        let directory = (file as NSString).deletingLastPathComponent
        for entry in table.entries {
            switch entry.key {
            case "threat_lists":
                config.threatListPaths += try strings(entry).map { path in
                    path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
                }
            case "allowed_cidrs":
                let networks = try strings(entry).map { text in
                    guard let network = IPNetwork(text) ?? IPAddressValue(text).map({ IPNetwork(address: $0, prefixLength: $0.bitWidth) }) else {
                        throw fail(entry.line, "'\(text)' is not an IP address or CIDR (e.g. 203.0.113.0/24 or 2001:db8::/48)")
                    }
                    return network
                }
                config.detection.allowedNetworks = IPNetworkSet(config.detection.allowedNetworks.networks + networks)
            case "aws_ip_ranges":
                let path = try string(entry)
                config.awsIPRangesPath = path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
            default: throw fail(entry.line, "unknown key '\(entry.key)' in [network] (known: threat_lists, allowed_cidrs, aws_ip_ranges)")
            }
        }
    }

    mutating func buckets(_ table: TOMLTable, _ config: inout ConfigFile) throws {
        for entry in table.entries {
            guard entry.key == "labels" else { throw fail(entry.line, "unknown key '\(entry.key)' in [buckets] (known: [buckets.labels])") }
            for label in try self.table(entry).entries {
                config.bucketLabels[label.key] = try string(label)
                config.detection.bucketLabels[label.key] = try string(label)
            }
        }
    }

    mutating func suppressions(_ entry: TOMLTable.Entry, _ config: inout ConfigFile) throws {
        guard case .array(let items) = entry.value else { throw fail(entry.line, "suppressions are written as [[suppression]] sections") }
        for item in items {
            guard case .table(let table) = item else { throw fail(entry.line, "suppressions are written as [[suppression]] sections") }
            var suppression = Suppression(reason: "", source: "\(file):\(table.line)")
            for field in table.entries {
                switch field.key {
                case "detection":
                    let id = try string(field)
                    guard DetectionCatalog.detection(id: id) != nil else { throw fail(field.line, "no detection has the id '\(id)' (s3hound detections list shows them)") }
                    suppression.detection = id
                case "principal": suppression.principal = try string(field)
                case "bucket": suppression.bucket = try string(field)
                case "user_agent": suppression.userAgent = try string(field)
                case "reason": suppression.reason = try string(field)
                case "expires":
                    guard case .date(let day) = field.value, let time = EventTime(iso8601: day) else {
                        throw fail(field.line, "'expires' must be a date like 2026-12-31 (no quotes)")
                    }
                    suppression.expires = time.adding(seconds: 86_400)
                default: throw fail(field.line, "unknown key '\(field.key)' in [[suppression]] (known: detection, principal, bucket, user_agent, expires, reason)")
                }
            }
            if suppression.detection == nil && suppression.principal == nil && suppression.bucket == nil && suppression.userAgent == nil {
                throw fail(table.line, "a [[suppression]] needs at least one of detection, principal, bucket or user_agent — otherwise it would silence everything")
            }
            if suppression.reason.isEmpty { throw fail(table.line, "a [[suppression]] needs a reason, for the next person who reads it") }
            config.suppressions.append(suppression)
        }
    }
}

extension ConfigFile {
    /// Every threshold's configuration name.
    public static let thresholdNames = ["bulk_objects", "bulk_bytes", "bulk_window", "baseline_multiplier", "min_history_days", "incident_gap",
                                        "baseline", "enumeration_buckets", "denied_burst_calls", "denied_burst_buckets", "mass_delete_objects",
                                        "presigned_ip_limit", "short_expiration_days", "stream_window", "kept_events_per_detection",
                                        "egress_bytes", "egress_window", "service_finding_min_severity"]
}
