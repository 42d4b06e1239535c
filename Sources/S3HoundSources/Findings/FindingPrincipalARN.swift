/// Builds and normalises the principal ARNs service findings name, so they match what correlation groups
/// CloudTrail callers by (`CallerIdentity.principal`: the role for assumed-role sessions, else the caller's ARN).
enum FindingPrincipalARN {
    /// The ARN GuardDuty's `accessKeyDetails` stand for, when they say enough to build it:
    /// `IAMUser` → `arn:<partition>:iam::<account>:user/<userName>`;
    /// `AssumedRole` → `arn:<partition>:iam::<account>:role/<userName>` — for assumed roles GuardDuty's
    /// `userName` is the role's name, not the session's, so this is the role's ARN (without any IAM path,
    /// which GuardDuty does not report); `Root` → `arn:<partition>:iam::<account>:root`;
    /// `FederatedUser` → `arn:<partition>:sts::<account>:federated-user/<userName>`. Nil for other types.
    static func build(userType: String?, userName: String?, accountId: String?, partition: String?) -> String? {
        guard let userType, let accountId, !accountId.isEmpty else { return nil }
        let partition = partition.flatMap { $0.isEmpty ? nil : $0 } ?? "aws"
        let name = userName.flatMap { $0.isEmpty ? nil : $0 }
        switch userType.lowercased() {
        case "iamuser":
            return name.map { "arn:\(partition):iam::\(accountId):user/\($0)" }
        case "assumedrole", "role":
            return name.map { "arn:\(partition):iam::\(accountId):role/\($0)" }
        case "root":
            return "arn:\(partition):iam::\(accountId):root"
        case "federateduser":
            return name.map { "arn:\(partition):sts::\(accountId):federated-user/\($0)" }
        default:
            return nil
        }
    }

    /// The role ARN behind an assumed-role session ARN: `arn:aws:sts::A:assumed-role/R/S` → `arn:aws:iam::A:role/R`.
    /// Any other text is returned unchanged.
    static func roleARN(fromSession arn: String) -> String {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "sts", parts[5].hasPrefix("assumed-role/") else { return arn }
        let resource = parts[5].dropFirst("assumed-role/".count)
        guard let slash = resource.firstIndex(of: "/") else { return arn }
        let role = resource[..<slash]
        guard !role.isEmpty else { return arn }
        return "arn:\(parts[1]):iam::\(parts[4]):role/\(role)"
    }

    /// The session name of an assumed-role session ARN (`…:assumed-role/R/S` → `S`), else nil.
    static func sessionName(fromSession arn: String) -> String? {
        guard arn.contains(":assumed-role/") else { return nil }
        let resource = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? ""
        let pieces = resource.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, !pieces[2].isEmpty else { return nil }
        return String(pieces[2])
    }

    /// True for text shaped like an AWS access key id (`AKIA…`, `ASIA…`, 16 or more characters).
    static func looksLikeAccessKeyId(_ text: String) -> Bool {
        guard text.utf8.count >= 16, text.utf8.count <= 128 else { return false }
        guard text.hasPrefix("AKIA") || text.hasPrefix("ASIA") else { return false }
        return text.utf8.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
    }

    /// The bucket name in an S3 bucket ARN (`arn:aws:s3:::name` → `name`); other text unchanged.
    static func bucketName(fromARN text: String) -> String {
        guard text.hasPrefix("arn:"), let range = text.range(of: ":s3:::") else { return text }
        let rest = text[range.upperBound...]
        let name = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return name.isEmpty ? text : name
    }
}
