/// What a detection is, in the words a responder needs: id, title, severity, ATT&CK, false positives.
public struct DetectionMetadata: Hashable, Sendable, Codable {
    /// Stable id, e.g. `cloudtrail.bulk-download`. Never renamed once shipped.
    public var id: String
    /// One-line title.
    public var title: String
    /// Severity of a finding from this detection alone.
    public var severity: Severity
    /// MITRE ATT&CK techniques.
    public var techniques: [AttackTechnique]
    /// Closest GuardDuty finding type, when one exists.
    public var guardDutyEquivalent: String?
    /// Known benign causes and how to tune them away.
    public var falsePositives: [String]
    /// What to check first when it fires.
    public var triage: String

    /// Creates metadata.
    public init(id: String, title: String, severity: Severity, techniques: [AttackTechnique],
                guardDutyEquivalent: String? = nil, falsePositives: [String], triage: String) {
        self.id = id; self.title = title; self.severity = severity; self.techniques = techniques
        self.guardDutyEquivalent = guardDutyEquivalent; self.falsePositives = falsePositives; self.triage = triage
    }
}
