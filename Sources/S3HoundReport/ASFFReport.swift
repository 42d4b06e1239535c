import Foundation
import S3HoundCore

/// The findings in the AWS Security Finding Format for Security Hub: JSON lines, each line one
/// BatchImportFindings request body `{"Findings":[…]}` of at most 100 findings, so
/// `while read -r batch; do aws securityhub batch-import-findings --cli-input-json "$batch"; done`
/// imports them all. One ASFF finding per S3Hound finding; access keys only masked.
public enum ASFFReport {
    /// The region used when none is given and the environment names none.
    public static let defaultRegion = "us-east-1"

    /// Renders the batches; `region` is the Security Hub region the findings are imported into
    /// (it is part of `ProductArn`).
    public static func render(_ report: HuntReport, region: String) throws -> String {
        let findings = report.incidents.flatMap { incident in
            let facts = IncidentFacts(incident)
            return facts.findings.map { finding($0, facts: facts, region: region, generatedAt: report.summary.generatedAt) }
        }
        var lines: [String] = []
        var start = 0
        while start < findings.count {
            let batch = ASFF.Batch(Findings: Array(findings[start..<min(findings.count, start + ASFF.batchLimit)]))
            lines.append(try JSONText.encode(batch, pretty: false, scrubbing: report))
            start += ASFF.batchLimit
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default`: the account's own product.
    static func productArn(partition: String, region: String, account: String) -> String {
        "arn:\(partition):securityhub:\(region):\(account):product/\(account)/default"
    }

    static func finding(_ finding: Finding, facts: IncidentFacts, region: String, generatedAt: EventTime) -> ASFF.Finding {
        let incident = facts.incident
        let partition = MachineFacts.partition(of: incident)
        let account = MachineFacts.account(of: finding, in: incident) ?? "000000000000"
        let product = productArn(partition: partition, region: region, account: account)
        let severity = ASFF.SeverityObject(Label: label(finding.severity), Original: finding.severity.rawValue)
        let types = FindingTypes.types(for: finding, sensitive: MachineFacts.sensitiveHits(for: finding, in: facts))
        let related = facts.findings.filter { $0 != finding }.prefix(10).map {
            ASFF.RelatedFinding(ProductArn: product, Id: StableID.finding($0, in: incident))
        }
        let principalName = MachineFacts.principalResource(incident).name
        let remediation = facts.plan.steps.map(\.title).joined(separator: "; ")
        let updated = max(generatedAt, finding.lastEvent.time)
        return ASFF.Finding(
            Id: StableID.finding(finding, in: incident), ProductArn: product, GeneratorId: finding.detectionID, AwsAccountId: account,
            Region: region, Types: types, CreatedAt: finding.firstEvent.time.iso8601, UpdatedAt: updated.iso8601,
            FirstObservedAt: finding.firstEvent.time.iso8601, LastObservedAt: finding.lastEvent.time.iso8601, Severity: severity,
            Title: MachineFacts.truncated("\(finding.title): \(principalName)", to: 256),
            Description: MachineFacts.truncated(finding.explanation.isEmpty ? finding.title : finding.explanation, to: 1024),
            Remediation: remediation.isEmpty ? nil : ASFF.RemediationObject(Recommendation: ASFF.RecommendationObject(Text: MachineFacts.truncated("Containment: " + remediation, to: 512))),
            ProductFields: productFields(finding, facts: facts),
            Resources: resources(finding, incident: incident, partition: partition, region: region, account: account),
            Network: network(finding), Action: action(finding),
            RelatedFindings: related.isEmpty ? nil : Array(related),
            FindingProviderFields: ASFF.ProviderFieldsObject(Severity: severity, Types: types, RelatedFindings: related.isEmpty ? nil : Array(related)))
    }

    /// `CRITICAL`, `HIGH`, `MEDIUM`, `LOW`, `INFORMATIONAL`.
    static func label(_ severity: Severity) -> String { severity == .info ? "INFORMATIONAL" : severity.rawValue.uppercased() }

    private static func productFields(_ finding: Finding, facts: IncidentFacts) -> [String: String] {
        let incident = facts.incident
        var fields: [String: String] = [
            "S3Hound/IncidentId": incident.id, "S3Hound/IncidentSeverity": incident.severity.rawValue,
            "S3Hound/DetectionId": finding.detectionID, "S3Hound/Techniques": finding.techniques.joined(separator: ","),
            "S3Hound/Requests": String(finding.requestCount), "S3Hound/Failed": String(finding.failedCount),
            "S3Hound/DistinctKeys": String(finding.distinctKeys), "S3Hound/BytesOut": String(finding.bytesOut),
            "S3Hound/FirstEventId": finding.firstEvent.eventID, "S3Hound/LastEventId": finding.lastEvent.eventID,
            "S3Hound/Principal": finding.principal,
        ]
        let sensitive = MachineFacts.sensitiveHits(for: finding, in: facts).map(\.type).uniqued()
        if !sensitive.isEmpty { fields["S3Hound/SensitiveDataTypes"] = sensitive.joined(separator: ",") }
        if let severity = facts.macieSeverity { fields["S3Hound/MacieSeverity"] = severity }
        let guardDuty = facts.guardDutyFindings.map(\.type).uniqued()
        if !guardDuty.isEmpty { fields["S3Hound/GuardDutyTypes"] = guardDuty.joined(separator: ",") }
        for (key, value) in finding.evidence.sorted(by: { $0.key < $1.key }) where fields.count < 50 {
            fields["S3Hound/Evidence/" + MachineFacts.truncated(SafeID.clean(key), to: 100)] = value
        }
        return fields.mapValues { MachineFacts.truncated($0, to: 2048) }
    }

    private static func resources(_ finding: Finding, incident: Incident, partition: String, region: String, account: String) -> [ASFF.Resource] {
        var resources: [ASFF.Resource] = []
        for (name, impact) in finding.buckets.sorted(by: { $0.key < $1.key }).prefix(25) {
            resources.append(ASFF.Resource(Type: "AwsS3Bucket", Id: "arn:\(partition):s3:::\(name)", Partition: partition, Region: region,
                                           Details: ASFF.DetailsObject(AwsS3Bucket: ASFF.S3Bucket(OwnerAccountId: impact.ownerAccountId))))
        }
        if let destination = finding.evidence["destinationBucket"] {
            resources.append(ASFF.Resource(Type: "AwsS3Bucket", Id: "arn:\(partition):s3:::\(destination)", Partition: partition, Region: region,
                                           Details: ASFF.DetailsObject(AwsS3Bucket: ASFF.S3Bucket(OwnerAccountId: finding.evidence["destinationAccount"]))))
        }
        let principal = MachineFacts.principalResource(incident)
        var details = ASFF.DetailsObject()
        switch principal.asffType {
        case "AwsIamUser": details.AwsIamUser = ASFF.IamUser(UserName: principal.name)
        case "AwsIamRole": details.AwsIamRole = ASFF.IamRole(RoleName: principal.name)
        default: details.Other = ["Principal": incident.principal]
        }
        resources.append(ASFF.Resource(Type: principal.asffType, Id: incident.principal, Partition: partition, Region: region, Details: details))
        for key in finding.accessKeyIds.prefix(4) {
            resources.append(ASFF.Resource(Type: "AwsIamAccessKey", Id: AccessKeyMask.mask(key), Partition: partition, Region: region,
                                           Details: ASFF.DetailsObject(AwsIamAccessKey: ASFF.AccessKey(PrincipalName: principal.name, PrincipalType: incident.identityType, AccountId: account))))
        }
        return Array(resources.prefix(32))
    }

    /// The busiest source address, when it is an IP address.
    private static func mainIP(_ finding: Finding) -> String? {
        finding.sourceIPs.filter { IPAddress.isIPAddress($0.key) }.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    private static func network(_ finding: Finding) -> ASFF.NetworkObject? {
        guard let ip = mainIP(finding) else { return nil }
        return ip.contains(":") ? ASFF.NetworkObject(SourceIpV6: ip) : ASFF.NetworkObject(SourceIpV4: ip)
    }

    private static func action(_ finding: Finding) -> ASFF.ActionObject? {
        guard let ip = mainIP(finding) else { return nil }
        return ASFF.ActionObject(AwsApiCallAction: ASFF.ApiCallAction(RemoteIpDetails: ip.contains(":") ? nil : ASFF.RemoteIpObject(IpAddressV4: ip),
                                                                FirstSeen: finding.firstEvent.time.iso8601, LastSeen: finding.lastEvent.time.iso8601))
    }
}
