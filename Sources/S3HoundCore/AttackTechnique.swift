/// A MITRE ATT&CK technique a detection maps to.
public struct AttackTechnique: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Technique id, e.g. `T1530`.
    public var id: String
    /// Technique name.
    public var name: String
    /// Tactic the technique serves, e.g. `Collection`.
    public var tactic: String

    /// Creates a technique.
    public init(id: String, name: String, tactic: String) { self.id = id; self.name = name; self.tactic = tactic }

    public var description: String { "\(id) \(name)" }

    /// Data from Cloud Storage.
    public static let t1530 = AttackTechnique(id: "T1530", name: "Data from Cloud Storage", tactic: "Collection")
    /// Transfer Data to Cloud Account.
    public static let t1537 = AttackTechnique(id: "T1537", name: "Transfer Data to Cloud Account", tactic: "Exfiltration")
    /// Valid Accounts: Cloud Accounts.
    public static let t1078_004 = AttackTechnique(id: "T1078.004", name: "Valid Accounts: Cloud Accounts", tactic: "Initial Access")
    /// Cloud Storage Object Discovery.
    public static let t1619 = AttackTechnique(id: "T1619", name: "Cloud Storage Object Discovery", tactic: "Discovery")
    /// Data Destruction.
    public static let t1485 = AttackTechnique(id: "T1485", name: "Data Destruction", tactic: "Impact")
    /// Unsecured Credentials: Cloud Instance Metadata API.
    public static let t1552_005 = AttackTechnique(id: "T1552.005", name: "Unsecured Credentials: Cloud Instance Metadata API", tactic: "Credential Access")

    /// Account Manipulation (policies and ACLs that grant access).
    public static let t1098 = AttackTechnique(id: "T1098", name: "Account Manipulation", tactic: "Persistence")
    /// Data Encrypted for Impact.
    public static let t1486 = AttackTechnique(id: "T1486", name: "Data Encrypted for Impact", tactic: "Impact")
    /// Inhibit System Recovery.
    public static let t1490 = AttackTechnique(id: "T1490", name: "Inhibit System Recovery", tactic: "Impact")
    /// Impair Defenses: Disable or Modify Cloud Logs.
    public static let t1562_008 = AttackTechnique(id: "T1562.008", name: "Impair Defenses: Disable or Modify Cloud Logs", tactic: "Defense Evasion")
    /// Unsecured Credentials: Credentials In Files.
    public static let t1552_001 = AttackTechnique(id: "T1552.001", name: "Unsecured Credentials: Credentials In Files", tactic: "Credential Access")
    /// Cloud Infrastructure Discovery.
    public static let t1580 = AttackTechnique(id: "T1580", name: "Cloud Infrastructure Discovery", tactic: "Discovery")

    /// Exfiltration Over Alternative Protocol (bulk egress seen in flow logs).
    public static let t1048 = AttackTechnique(id: "T1048", name: "Exfiltration Over Alternative Protocol", tactic: "Exfiltration")
    /// Remote System Discovery / scanning — GuardDuty PenTest findings.
    public static let t1595 = AttackTechnique(id: "T1595", name: "Active Scanning", tactic: "Reconnaissance")

    /// Every technique S3Hound knows, for catalog checks.
    public static let known: [AttackTechnique] = [.t1530, .t1537, .t1078_004, .t1619, .t1485, .t1552_005,
                                                   .t1098, .t1486, .t1490, .t1562_008, .t1552_001, .t1580, .t1048, .t1595]
}
