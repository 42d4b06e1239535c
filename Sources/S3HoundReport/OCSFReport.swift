import Foundation
import S3HoundCore

/// The findings as OCSF 1.1.0 Detection Findings (`class_uid` 2004): one compact JSON event per
/// finding per line, the incident named in `metadata.correlation_uid`. Access keys appear only
/// masked (`actor.user.credential_uid`, access-key resources). docs/report-formats.md has the mapping.
public enum OCSFReport {
    /// One line per finding, incidents in report order.
    public static func render(_ report: HuntReport) throws -> String {
        var lines: [String] = []
        for incident in report.incidents {
            let facts = IncidentFacts(incident)
            for finding in facts.findings {
                lines.append(try JSONText.encode(event(finding, facts: facts, generatedAt: report.summary.generatedAt), pretty: false, scrubbing: report))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func event(_ finding: Finding, facts: IncidentFacts, generatedAt: EventTime) -> OCSF.DetectionFinding {
        let incident = facts.incident
        let uid = StableID.finding(finding, in: incident)
        let account = MachineFacts.account(of: finding, in: incident).map { OCSF.Account(uid: $0) }
        let sensitive = MachineFacts.sensitiveHits(for: finding, in: facts)
        let info = OCSF.FindingInfo(
            uid: uid, title: finding.title, desc: finding.explanation,
            types: FindingTypes.types(for: finding, sensitive: sensitive),
            analytic: OCSF.Analytic(uid: finding.detectionID, name: finding.title,
                                    type_id: MachineFacts.isBehavioural(finding) ? 2 : 1, type: MachineFacts.isBehavioural(finding) ? "Behavioral" : "Rule"),
            attacks: finding.techniques.map(attack), created_time: generatedAt.millisecondsSinceEpoch,
            first_seen_time: finding.firstEvent.time.millisecondsSinceEpoch, last_seen_time: finding.lastEvent.time.millisecondsSinceEpoch,
            data_sources: [EvidenceSource.detectionSourceName(EvidenceSource.of(detectionID: finding.detectionID))])
        return OCSF.DetectionFinding(
            time: generatedAt.millisecondsSinceEpoch, start_time: finding.firstEvent.time.millisecondsSinceEpoch,
            end_time: finding.lastEvent.time.millisecondsSinceEpoch, severity_id: severityID(finding.severity),
            severity: severityName(finding.severity),
            message: "\(finding.title): \(finding.principal)",
            metadata: OCSF.Metadata(uid: uid, correlation_uid: incident.id),
            finding_info: info, cloud: OCSF.Cloud(account: account), resources: resources(finding, facts: facts),
            evidences: evidences(finding, incident: incident, account: account),
            unmapped: OCSF.Unmapped(s3hound: OCSF.S3HoundFields(
                incident_id: incident.id, incident_severity: incident.severity.rawValue, severity_reasons: incident.severityReasons,
                detection_id: finding.detectionID, request_count: finding.requestCount, failed_count: finding.failedCount,
                distinct_keys: finding.distinctKeys, bytes_out: finding.bytesOut, first_event_id: finding.firstEvent.eventID,
                last_event_id: finding.lastEvent.eventID, evidence: finding.evidence,
                sensitive_data_types: sensitive.map(\.type).uniqued(), service_finding_ids: incident.story.serviceFindings.map(\.id))))
    }

    /// OCSF `severity_id`: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.
    static func severityID(_ severity: Severity) -> Int { severity.rank + 1 }

    /// OCSF's caption for a severity: `Informational` … `Critical`.
    static func severityName(_ severity: Severity) -> String { severity == .info ? "Informational" : TimeText.severity(severity) }

    /// A technique with its tactic; sub-techniques (`T1078.004`) under their parent technique.
    static func attack(_ id: String) -> OCSF.Attack {
        let known = AttackTechnique.known.first { $0.id == id }
        let tactic = known.flatMap { technique in FindingTypes.tacticIDs[technique.tactic].map { OCSF.Named(uid: $0, name: technique.tactic) } }
        let name = known?.name ?? id
        let parts = id.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return OCSF.Attack(technique: OCSF.Named(uid: id, name: name), tactic: tactic) }
        let names = name.components(separatedBy: ": ")
        return OCSF.Attack(technique: OCSF.Named(uid: parts[0], name: names.first ?? name),
                           sub_technique: OCSF.Named(uid: id, name: names.count > 1 ? names[1] : name), tactic: tactic)
    }

    private static func resources(_ finding: Finding, facts: IncidentFacts) -> [OCSF.Resource] {
        let incident = facts.incident
        let partition = MachineFacts.partition(of: incident)
        var resources = finding.buckets.sorted { $0.key < $1.key }.prefix(25).map { name, impact -> OCSF.Resource in
            var data = ["requests": String(impact.requests), "bytes_out": String(impact.bytesOut)]
            if let label = incident.impact.bucketLabels[name] { data["label"] = label }
            if let sensitive = incident.impact.sensitive.first(where: { $0.bucket == name }) {
                data["sensitive_data_types"] = SensitiveDataText.merge(sensitive.types).map(\.type).joined(separator: ",")
                if let severity = sensitive.macieSeverity { data["macie_severity"] = severity }
            }
            return OCSF.Resource(uid: "arn:\(partition):s3:::\(name)", name: name, type: "AWS::S3::Bucket", cloud_partition: partition,
                                 owner: impact.ownerAccountId.map { OCSF.Owner(account: OCSF.Account(uid: $0)) }, data: data)
        }
        if let destination = finding.evidence["destinationBucket"] {
            resources.append(OCSF.Resource(uid: "arn:\(partition):s3:::\(destination)", name: destination, type: "AWS::S3::Bucket",
                                           cloud_partition: partition,
                                           owner: finding.evidence["destinationAccount"].map { OCSF.Owner(account: OCSF.Account(uid: $0)) },
                                           data: ["role": "copy destination"]))
        }
        let principal = MachineFacts.principalResource(incident)
        resources.append(OCSF.Resource(uid: finding.principal, name: principal.name, type: principal.cloudFormationType, cloud_partition: partition))
        for key in finding.accessKeyIds {
            let masked = AccessKeyMask.mask(key)
            resources.append(OCSF.Resource(uid: masked, name: masked, type: "AWS::IAM::AccessKey", cloud_partition: partition))
        }
        return resources
    }

    private static func evidences(_ finding: Finding, incident: Incident, account: OCSF.Account?) -> [OCSF.Evidence] {
        let user = OCSF.User(uid: finding.principal, name: MachineFacts.principalResource(incident).name, type: incident.identityType,
                             credential_uid: finding.accessKeyIds.first.map(AccessKeyMask.mask), account: account)
        let ips = finding.sourceIPs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        guard !ips.isEmpty else {
            return [OCSF.Evidence(actor: OCSF.Actor(user: user), data: ["first_event_id": finding.firstEvent.eventID, "last_event_id": finding.lastEvent.eventID])]
        }
        return ips.map { ip, requests in
            let endpoint = IPAddress.isIPAddress(ip) ? OCSF.Endpoint(ip: ip) : OCSF.Endpoint(hostname: ip)
            return OCSF.Evidence(actor: OCSF.Actor(user: user), src_endpoint: endpoint, data: ["requests": String(requests)])
        }
    }
}
