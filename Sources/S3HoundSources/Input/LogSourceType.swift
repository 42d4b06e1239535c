/// The kinds of evidence S3Hound reads; detected from each file's content, or forced with `--source-type`.
public enum LogSourceType: String, CaseIterable, Hashable, Sendable, Codable {
    /// CloudTrail JSON: delivery files, arrays, JSON lines, EventBridge envelopes.
    case cloudTrail = "cloudtrail"
    /// S3 server access log lines.
    case serverAccessLog = "s3-access-log"
    /// VPC Flow Log lines (default v2 format, or the format in the file's header line).
    case vpcFlowLog = "flow-log"
    /// GuardDuty and Macie findings (get-findings output, EventBridge events, GuardDuty S3 exports).
    case findings

    /// How reports name the source.
    public var displayName: String {
        switch self {
        case .cloudTrail: return "CloudTrail"
        case .serverAccessLog: return "S3 server access logs"
        case .vpcFlowLog: return "VPC Flow Logs"
        case .findings: return "GuardDuty/Macie findings"
        }
    }
}
