/// The evidence sources an incident's story draws on, by the keys `IncidentStory.sources` and
/// timeline entries use, and how reports name them.
enum EvidenceSource {
    static let cloudTrail = "cloudTrail"
    static let serverAccessLog = "serverAccessLog"
    static let vpcFlowLogs = "vpcFlowLogs"
    static let guardDuty = "guardDuty"
    static let macie = "macie"
    /// S3Hound itself (the report's own timeline lines).
    static let s3hound = "s3hound"

    /// `CloudTrail` for `cloudTrail`; unknown keys as given.
    static func name(_ key: String) -> String {
        switch key {
        case cloudTrail: return "CloudTrail"
        case serverAccessLog: return "S3 server access logs"
        case vpcFlowLogs: return "VPC Flow Logs"
        case guardDuty: return "GuardDuty"
        case macie: return "Macie"
        case s3hound: return "S3Hound"
        default: return key
        }
    }

    /// The source a detection reads, from its id's prefix (`cloudtrail.bulk-download` → `cloudTrail`).
    static func of(detectionID: String) -> String {
        let prefix = detectionID.split(separator: ".").first.map(String.init)?.lowercased() ?? ""
        switch prefix {
        case "cloudtrail": return cloudTrail
        case "accesslog", "serveraccesslog", "s3accesslog", "sal": return serverAccessLog
        case "flowlog", "flowlogs", "vpcflow", "vpcflowlogs": return vpcFlowLogs
        case "guardduty": return guardDuty
        case "macie": return macie
        default: return prefix.isEmpty ? cloudTrail : prefix
        }
    }

    /// How a detection source is described in "Detection source": `CloudTrail S3 data events`.
    static func detectionSourceName(_ key: String) -> String {
        switch key {
        case cloudTrail: return "CloudTrail S3 data events"
        case serverAccessLog: return "S3 server access logs"
        default: return name(key)
        }
    }
}
