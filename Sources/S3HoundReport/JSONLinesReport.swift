import Foundation
import S3HoundCore

/// The findings as JSON lines (`s3hound.finding.v1`): one compact object per finding per line,
/// the fields of `$.incidents[].findings[]` of the hunt document plus the incident it belongs to,
/// for log shippers and SIEMs that ingest one event per line. Keys sorted, access keys masked.
public enum JSONLinesReport {
    /// The schema identifier written in every line's `schema` field.
    public static let schema = "s3hound.finding.v1"

    /// One line per finding, incidents in report order, findings by first event; empty when there are none.
    public static func render(_ report: HuntReport) throws -> String {
        var lines: [String] = []
        for incident in report.incidents {
            let facts = IncidentFacts(incident)
            for finding in facts.findings {
                let line = Line(finding: JSONReport.finding(finding, labels: incident.impact.bucketLabels), schema: schema,
                                incidentID: incident.id, incidentSeverity: incident.severity.rawValue,
                                generatedAt: report.summary.generatedAt.iso8601)
                lines.append(try JSONText.encode(line, pretty: false, scrubbing: report))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A finding with the incident fields beside its own, in one flat object.
    struct Line: Encodable {
        var finding: JSONSchema.Finding
        var schema: String
        var incidentID: String
        var incidentSeverity: String
        var generatedAt: String

        private enum Keys: String, CodingKey { case schema, incidentID, incidentSeverity, generatedAt }

        func encode(to encoder: Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(schema, forKey: .schema)
            try container.encode(incidentID, forKey: .incidentID)
            try container.encode(incidentSeverity, forKey: .incidentSeverity)
            try container.encode(generatedAt, forKey: .generatedAt)
        }
    }
}
