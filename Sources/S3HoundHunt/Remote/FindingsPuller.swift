import Foundation
import S3HoundAWS
import S3HoundCore
import S3HoundSources

/// `s3hound findings pull`: fetches GuardDuty's S3-related findings (ListFindings with the runbook's finding
/// types, then GetFindings) from every detector, and Macie's findings, updated since a time — to save as
/// files or feed straight into a hunt's correlation.
public struct FindingsPuller: Sendable {
    /// GuardDuty, or nil to skip it.
    public var guardDuty: GuardDutyClient?
    /// Macie, or nil to skip it.
    public var macie: Macie2Client?

    /// Creates a puller.
    public init(guardDuty: GuardDutyClient?, macie: Macie2Client?) { self.guardDuty = guardDuty; self.macie = macie }

    /// GuardDuty finding types about S3 data and the credentials used on it (the runbook's list, completed).
    public static let guardDutyTypes = [
        "Exfiltration:S3/AnomalousBehavior", "Exfiltration:S3/MaliciousIPCaller", "Exfiltration:S3/ObjectRead.Unusual",
        "Discovery:S3/AnomalousBehavior", "Discovery:S3/MaliciousIPCaller", "Discovery:S3/MaliciousIPCaller.Custom",
        "Discovery:S3/TorIPCaller", "Discovery:S3/BucketEnumeration.Unusual",
        "Impact:S3/AnomalousBehavior.Delete", "Impact:S3/AnomalousBehavior.Permission", "Impact:S3/AnomalousBehavior.Write",
        "Impact:S3/MaliciousIPCaller", "UnauthorizedAccess:S3/MaliciousIPCaller.Custom", "UnauthorizedAccess:S3/TorIPCaller",
        "PenTest:S3/KaliLinux", "PenTest:S3/ParrotLinux", "PenTest:S3/PentooLinux",
        "Policy:S3/AccountBlockPublicAccessDisabled", "Policy:S3/BucketBlockPublicAccessDisabled",
        "Policy:S3/BucketAnonymousAccessGranted", "Policy:S3/BucketPublicAccessGranted",
        "Stealth:S3/ServerAccessLoggingDisabled", "AttackSequence:S3/CompromisedData",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS",
    ]

    /// What was pulled: each finding's raw JSON as the service sent it, and notes on services skipped.
    public struct Pulled: Sendable {
        /// GuardDuty findings (camelCase JSON objects).
        public var guardDuty: [Data] = []
        /// Macie findings (camelCase JSON objects).
        public var macie: [Data] = []
        /// What could not be pulled and why (a service not enabled, a permission missing).
        public var notes: [String] = []

        /// Creates a result (tests, or findings fetched another way).
        public init(guardDuty: [Data] = [], macie: [Data] = [], notes: [String] = []) {
            self.guardDuty = guardDuty; self.macie = macie; self.notes = notes
        }

        /// The findings as documents in `get-findings` shape: `{"findings":[…]}` per service.
        public func documents() -> [(name: String, bytes: [UInt8])] {
            var documents: [(String, [UInt8])] = []
            func document(_ items: [Data]) -> [UInt8] {
                var bytes = Array(#"{"findings":["#.utf8)
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes += item
                }
                bytes += Array("]}\n".utf8)
                return bytes
            }
            if !guardDuty.isEmpty { documents.append(("guardduty-findings.json", document(guardDuty))) }
            if !macie.isEmpty { documents.append(("macie-findings.json", document(macie))) }
            return documents
        }

        /// The findings parsed, as a hunt reads them.
        public func serviceFindings(options: ServiceFindingParser.Options = .init()) -> ServiceFindingParser.Outcome {
            var merged = ServiceFindingParser.Outcome()
            for (_, bytes) in documents() {
                let outcome = ServiceFindingParser.parse(bytes, options: options)
                merged.findings += outcome.findings
                merged.failures += outcome.failures
                merged.skippedArchived += outcome.skippedArchived
                merged.skippedSamples += outcome.skippedSamples
            }
            return merged
        }

        /// Writes the documents into `directory` (created if needed), never over an existing file; returns the paths.
        public func save(to directory: String) throws -> [String] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var paths: [String] = []
            let stamp = EventTime(Date()).iso8601.replacingOccurrences(of: ":", with: "")
            for (name, bytes) in documents() {
                var path = (directory as NSString).appendingPathComponent(stamp + "-" + name)
                var attempt = 2
                while FileManager.default.fileExists(atPath: path) {
                    path = (directory as NSString).appendingPathComponent("\(stamp)-\(attempt)-\(name)")
                    attempt += 1
                }
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                paths.append(path)
            }
            return paths
        }
    }

    /// Pulls findings updated at or after `since` (nil: all). A service that is not enabled, or refuses, is a
    /// note — the other is still pulled.
    public func pull(since: EventTime?) async -> Pulled {
        var pulled = Pulled()
        var updated: [String: FindingCondition] = [:]
        if let since { updated["updatedAt"] = FindingCondition(gte: since.millisecondsSinceEpoch) }
        if let guardDuty {
            do {
                let detectors = try await guardDuty.listDetectors()
                if detectors.isEmpty { pulled.notes.append("GuardDuty: no detector in this region — GuardDuty is not enabled; nothing pulled.") }
                for detector in detectors {
                    var criterion = updated
                    criterion["type"] = .equals(Self.guardDutyTypes)
                    let ids = try await guardDuty.listFindings(detectorID: detector, criteria: FindingCriteria(criterion))
                    pulled.guardDuty += try await guardDuty.getFindings(detectorID: detector, findingIDs: ids)
                }
            } catch {
                pulled.notes.append("GuardDuty: \(error)")
            }
        }
        if let macie {
            do {
                let ids = try await macie.listFindings(criteria: FindingCriteria(updated))
                pulled.macie += try await macie.getFindings(findingIDs: ids)
            } catch {
                pulled.notes.append("Macie: \(error)")
            }
        }
        return pulled
    }

    /// A puller for the account `profile`/`region` resolve to (endpoint overrides honoured), run to completion.
    public static func pull(profile: String?, region: String?, since: EventTime?, guardDuty: Bool = true, macie: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Pulled {
        let resolver = CredentialResolver(environment: environment, profile: profile)
        return try BlockingAsync.run {
            let factory = try await AWSClientFactory.resolve(resolver, region: region)
            let puller = FindingsPuller(guardDuty: guardDuty ? factory.guardDuty() : nil, macie: macie ? factory.macie2() : nil)
            return await puller.pull(since: since)
        }
    }
}
