import Foundation
import S3HoundCore

/// The report as one `s3hound.hunt.v1` JSON document (documented in docs/report-json.md):
/// sorted keys, ISO-8601 UTC times, every field present (`null` when unknown), access keys only
/// masked, and each incident's containment steps included.
public enum JSONReport {
    /// The schema identifier written in the document's `schema` field.
    public static let schema = JSONSchema.name

    /// Renders a hunt report as pretty-printed JSON; `minimumSeverity` is recorded in the summary.
    public static func render(_ report: HuntReport, minimumSeverity: Severity? = nil) throws -> String {
        let document = JSONSchema.Document(summary: summary(report, minimumSeverity: minimumSeverity),
                                           incidents: report.incidents.map { incident(IncidentFacts($0, generatedAt: report.summary.generatedAt)) })
        return try JSONText.encode(document, pretty: true, scrubbing: report) + "\n"
    }

    private static func summary(_ report: HuntReport, minimumSeverity: Severity?) -> JSONSchema.Summary {
        let s = report.summary
        return JSONSchema.Summary(
            generatedAt: s.generatedAt.iso8601, investigationDate: s.generatedAt.dayString, accounts: s.accounts,
            filesRead: s.filesRead, filesPruned: s.filesPruned, filesWithErrors: s.filesWithErrors, records: s.records,
            recordsSkipped: s.recordsSkipped, recordsOutsideWindow: s.recordsOutsideWindow, bytesRead: s.bytesRead,
            elapsedSeconds: (s.elapsedSeconds * 1000).rounded() / 1000,
            inputStart: s.inputStart?.iso8601, inputEnd: s.inputEnd?.iso8601, detectionWindow: window(s.detectionWindow),
            baselineWindow: s.baselineWindow.map(window), findingsBySeverity: s.findingsBySeverity,
            incidentCount: report.incidents.count, incidentsBelowThreshold: s.incidentsBelowThreshold,
            minimumSeverity: minimumSeverity?.rawValue, detections: s.detections, notes: s.notes)
    }

    private static func window(_ window: TimeWindow) -> JSONSchema.Window {
        JSONSchema.Window(start: window.start?.iso8601, end: window.end?.iso8601)
    }

    static func reference(_ reference: EventReference) -> JSONSchema.EventRef {
        JSONSchema.EventRef(time: reference.time.iso8601, eventID: reference.eventID)
    }

    private static func incident(_ facts: IncidentFacts) -> JSONSchema.Incident {
        let incident = facts.incident
        let impact = incident.impact
        let labels = impact.bucketLabels
        return JSONSchema.Incident(
            id: incident.id, severity: incident.severity.rawValue, severityReasons: incident.severityReasons,
            principal: incident.principal, arns: incident.arns, accessKeys: incident.accessKeyIds.map(AccessKeyMask.mask),
            identityType: incident.identityType, accounts: incident.accounts,
            firstEvent: facts.firstEvent.map(reference), lastEvent: facts.lastEvent.map(reference),
            detectionIDs: facts.findings.map(\.detectionID).uniqued(),
            sourceIPs: incident.sourceIPs.map {
                JSONSchema.SourceIP(ip: $0.ip, requests: $0.requests, failed: $0.failed, newForPrincipal: $0.newForPrincipal,
                                    label: $0.label, description: ReportFacts.whatItIs($0).plain)
            },
            impact: JSONSchema.Impact(
                objectsRead: impact.objectsRead, distinctKeys: impact.distinctKeys, bytesOut: impact.bytesOut,
                bytesOutText: ByteCount.format(impact.bytesOut), failedAttempts: impact.failedAttempts,
                objectsCopiedOut: impact.objectsCopiedOut, destinationAccounts: impact.destinationAccounts,
                copyDestinations: facts.copies.map { JSONSchema.CopyDestination(account: $0.account, bucket: $0.bucket) },
                buckets: facts.buckets.map { bucket($0.name, $0.impact, label: $0.label) },
                sensitiveDataTypes: facts.macieAssessed ? facts.sensitiveTypes.map(\.type).uniqued() : nil,
                macieSeverity: facts.macieSeverity, sensitiveData: facts.sensitive.map { sensitive($0, label: labels[$0.bucket]) }),
            timeline: facts.timeline.map {
                JSONSchema.TimelineLine(time: $0.time.iso8601, end: $0.end?.iso8601, source: $0.source, kind: $0.kind,
                                        text: $0.text.plain, eventID: $0.eventID)
            },
            findings: facts.findings.map { finding($0, labels: labels) },
            containment: facts.plan.steps.map { JSONSchema.Step(title: $0.title, why: $0.why, commands: $0.commands) },
            story: story(facts))
    }

    static func bucket(_ name: String, _ impact: BucketImpact, label: String?) -> JSONSchema.Bucket {
        JSONSchema.Bucket(name: name, requests: impact.requests, bytesOut: impact.bytesOut, ownerAccountId: impact.ownerAccountId, label: label)
    }

    /// One finding as `$.incidents[].findings[]`; `labels` are the incident's bucket labels.
    static func finding(_ finding: Finding, labels: [String: String]) -> JSONSchema.Finding {
        JSONSchema.Finding(
            detectionID: finding.detectionID, title: finding.title, severity: finding.severity.rawValue,
            techniques: finding.techniques, principal: finding.principal, arns: finding.arns,
            accessKeys: finding.accessKeyIds.map(AccessKeyMask.mask), accountId: finding.accountId,
            sourceIPs: finding.sourceIPs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { JSONSchema.FindingIP(ip: $0.key, requests: $0.value) },
            firstEvent: reference(finding.firstEvent), lastEvent: reference(finding.lastEvent),
            requestCount: finding.requestCount, failedCount: finding.failedCount, distinctKeys: finding.distinctKeys,
            bytesOut: finding.bytesOut, buckets: finding.buckets.sorted { $0.key < $1.key }.map { bucket($0.key, $0.value, label: labels[$0.key]) },
            explanation: finding.explanation, evidence: finding.evidence)
    }
}
