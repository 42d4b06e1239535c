import S3HoundCore

/// Classifies findings for Security Hub (ASFF `Types`, `namespace/category/classifier`) and OCSF
/// (`finding_info.types`), and names ATT&CK tactics by their ids.
enum FindingTypes {
    /// ASFF's TTP categories (ATT&CK tactics Security Hub knows under `TTPs/`).
    private static let ttpCategories: Set<String> = ["Initial Access", "Execution", "Persistence", "Privilege Escalation", "Defense Evasion",
                                                     "Credential Access", "Discovery", "Lateral Movement", "Collection", "Command and Control"]

    /// ATT&CK tactic ids by name.
    static let tacticIDs = ["Initial Access": "TA0001", "Execution": "TA0002", "Persistence": "TA0003", "Privilege Escalation": "TA0004",
                            "Defense Evasion": "TA0005", "Credential Access": "TA0006", "Discovery": "TA0007", "Lateral Movement": "TA0008",
                            "Collection": "TA0009", "Exfiltration": "TA0010", "Command and Control": "TA0011", "Impact": "TA0040"]

    /// Detections judged against the principal's own history, by the ASFF behaviour category they show.
    private static let unusual = ["cloudtrail.new-source-ip": "IP address", "cloudtrail.presigned-url-new-ip": "IP address",
                                  "cloudtrail.unusual-hour": "User", "cloudtrail.new-user-agent": "User",
                                  "cloudtrail.bulk-download": "Data", "cloudtrail.mass-deletion": "Data", "cloudtrail.bucket-enumeration": "User"]

    /// The finding's types: its techniques by tactic, the unusual behaviour it shows, and the sensitive
    /// data (Macie categories) in the buckets it touched. Never empty; at most 50.
    static func types(for finding: Finding, sensitive: [SensitiveDataHit]) -> [String] {
        var types: [String] = []
        for id in finding.techniques {
            guard let technique = AttackTechnique.known.first(where: { $0.id == id }) else { continue }
            let classifier = "\(technique.id) \(technique.name)"
            if ttpCategories.contains(technique.tactic) {
                types.append("TTPs/\(technique.tactic)/\(classifier)")
            } else if technique.tactic == "Exfiltration" {
                types.append("Effects/Data Exfiltration/\(classifier)")
            } else if technique.tactic == "Impact" {
                types.append("Effects/Data Destruction/\(classifier)")
            }
        }
        if let category = unusual[finding.detectionID] { types.append("Unusual Behaviors/\(category)/\(finding.title.replacingSlashes)") }
        if finding.detectionID == DetectionIDs.bulkDownload || finding.detectionID == DetectionIDs.crossAccountCopy {
            types.append("Effects/Data Exfiltration/\(finding.title.replacingSlashes)")
        }
        let categories = Set(sensitive.map { $0.category.uppercased() })
        if !categories.isEmpty { types.append("Effects/Data Exposure/Sensitive data read") }
        for (category, name) in [("PERSONAL_INFORMATION", "PII"), ("FINANCIAL_INFORMATION", "Financial"), ("CREDENTIALS", "Passwords"), ("CUSTOM_IDENTIFIER", "Business")]
        where categories.contains(category) {
            types.append("Sensitive Data Identifications/\(name)")
        }
        if types.isEmpty { types.append("Unusual Behaviors/User/\(finding.title.replacingSlashes)") }
        return Array(types.uniqued().prefix(50))
    }
}

private extension String {
    /// The text with `/` (the type separator) written as `-`.
    var replacingSlashes: String { String(map { $0 == "/" ? "-" : $0 }) }
}
