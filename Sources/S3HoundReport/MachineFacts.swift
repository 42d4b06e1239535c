import S3HoundCore

/// What the machine formats (OCSF, ASFF) need about a finding that the report does not spell out:
/// the account it belongs to, the partition, the principal as a cloud resource, the sensitive data
/// in the buckets it touched.
enum MachineFacts {
    /// The principal as a resource: its name and its type in CloudFormation and in ASFF.
    struct PrincipalResource {
        var name: String
        var cloudFormationType: String
        var asffType: String
    }

    /// Detections judged against the principal's own baseline (OCSF analytic type Behavioral).
    private static let behavioural: Set<String> = ["cloudtrail.bulk-download", "cloudtrail.new-source-ip", "cloudtrail.new-user-agent",
                                                   "cloudtrail.unusual-hour", "cloudtrail.presigned-url-new-ip", "cloudtrail.bucket-enumeration",
                                                   "cloudtrail.mass-deletion", "cloudtrail.instance-credentials-outside"]

    static func isBehavioural(_ finding: Finding) -> Bool { behavioural.contains(finding.detectionID) }

    /// The 12-digit account the finding belongs to: the caller's, else the principal's ARN's, else the incident's.
    static func account(of finding: Finding, in incident: Incident) -> String? {
        let candidates = [finding.accountId, ARNParts(finding.principal)?.account, ARNParts(incident.principal)?.account].compactMap { $0 }
            + incident.accounts + incident.impact.buckets.values.compactMap(\.ownerAccountId).sorted()
        return candidates.first(where: isAccountID)
    }

    /// True for twelve ASCII digits.
    static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `aws`, `aws-cn` or `aws-us-gov`, from the principal's ARN.
    static func partition(of incident: Incident) -> String {
        let partition = ARNParts(incident.principal)?.partition ?? "aws"
        return ["aws", "aws-cn", "aws-us-gov"].contains(partition) ? partition : "aws"
    }

    static func principalResource(_ incident: Incident) -> PrincipalResource {
        guard let arn = ARNParts(incident.principal) else {
            return PrincipalResource(name: incident.principal, cloudFormationType: "AWS::IAM::Principal", asffType: "Other")
        }
        switch arn.resourceType {
        case "user": return PrincipalResource(name: arn.name, cloudFormationType: "AWS::IAM::User", asffType: "AwsIamUser")
        case "role": return PrincipalResource(name: arn.name, cloudFormationType: "AWS::IAM::Role", asffType: "AwsIamRole")
        case "assumed-role": return PrincipalResource(name: arn.pathParts.first ?? arn.name, cloudFormationType: "AWS::IAM::Role", asffType: "AwsIamRole")
        case "root": return PrincipalResource(name: "root", cloudFormationType: "AWS::IAM::Root", asffType: "Other")
        default: return PrincipalResource(name: arn.name.isEmpty ? incident.principal : arn.name, cloudFormationType: "AWS::IAM::Principal", asffType: "Other")
        }
    }

    /// Macie's sensitive data types in the buckets this finding touched.
    static func sensitiveHits(for finding: Finding, in facts: IncidentFacts) -> [SensitiveDataHit] {
        let buckets = Set(finding.buckets.keys)
        return SensitiveDataText.merge(facts.sensitive.filter { buckets.contains($0.bucket) }.flatMap(\.types))
    }

    /// The text cut to at most `limit` characters, ending in `…` when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
