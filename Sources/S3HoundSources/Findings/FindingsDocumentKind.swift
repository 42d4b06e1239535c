/// The kinds of GuardDuty and Macie findings documents `ServiceFindingParser` reads, recognised from content.
public enum FindingsDocumentKind: String, Hashable, Sendable, CaseIterable {
    /// `aws guardduty get-findings` output: `{"Findings":[…]}` with PascalCase keys.
    case guardDutyGetFindings
    /// EventBridge events with `"detail-type":"GuardDuty Finding"`, one or many (array or JSON lines).
    case guardDutyEventBridge
    /// GuardDuty's S3 export: one camelCase finding per line, a JSON array of findings, or a single finding.
    case guardDutyExport
    /// `aws macie2 get-findings` output: `{"findings":[…]}`; also bare Macie findings in an array or one per line.
    case macieGetFindings
    /// EventBridge events with `"detail-type":"Macie Finding"`, one or many (array or JSON lines).
    case macieEventBridge
}
