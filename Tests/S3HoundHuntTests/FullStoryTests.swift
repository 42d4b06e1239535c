import Foundation
import Testing
import S3HoundCore
import S3HoundHunt
import S3HoundReport
import S3HoundSimulator

/// The seed's story in all five sources: one incident whose report carries every section.
@Suite("full-story: five sources, one incident")
struct FullStoryTests {
    static let generated = CatalogScenarios.generate(.fullStory, days: 10)

    var truth: AttackTruth { Self.generated.truth.attack! }
    var evidence: EvidenceTruth { truth.evidence! }

    func hunt() throws -> HuntEngine.Outcome { try CatalogScenarios.hunt(Self.generated, minimumSeverity: .medium) }

    @Test("one incident at medium or above, for the developer's key, with every source's detections")
    func oneIncident() throws {
        let outcome = try hunt()
        #expect(outcome.report.incidents.count == 1)
        let incident = try #require(outcome.report.incidents.first)
        #expect(incident.principal == truth.principal)
        #expect(incident.accessKeyIds.contains(truth.accessKeyId))
        #expect(incident.severity == .critical)
        let detections = Set(incident.findings.map(\.detectionID))
        for expected in evidence.detectionsWithAllSources {
            #expect(detections.contains(expected), "missing \(expected)")
        }
        #expect(Set(incident.story.sources) == ["cloudTrail", "serverAccessLog", "vpcFlowLogs", "guardDuty", "macie"])
        #expect(incident.severityReasons.contains("+1 level: GuardDuty agrees"))
    }

    @Test("impact joins Macie on the keys read: flagged objects read, sensitive types, severity")
    func sensitiveImpact() throws {
        let incident = try #require(try hunt().report.incidents.first)
        let read = incident.impact.sensitive.reduce(0) { $0 + ($1.objectsRead ?? 0) }
        #expect(read == evidence.macie.flaggedObjectsRead.count)
        let types = Set(incident.impact.sensitive.flatMap { $0.types.map(\.type) })
        #expect(types.isSubset(of: Set(evidence.macie.sensitiveTypes)) && !types.isEmpty)
        #expect(Set(incident.impact.sensitive.map(\.bucket)).isSubset(of: Set(evidence.macie.flaggedBuckets)))
        // The bucket read only through server access logs counts in the impact.
        #expect(incident.impact.buckets[evidence.accessLogs.bucket] != nil)
    }

    @Test("the flow-log egress from the compromised instance to the Tor exit is in the story")
    func egress() throws {
        let incident = try #require(try hunt().report.incidents.first)
        let row = try #require(incident.story.egress.first { $0.destination == evidence.flowLogs.destination })
        #expect(row.instanceId == evidence.flowLogs.instanceId)
        #expect(row.bytes >= evidence.flowLogs.bytes * 9 / 10 && row.bytes <= evidence.flowLogs.bytes)
        #expect(incident.story.instances.contains(evidence.flowLogs.instanceId))
        #expect(incident.story.timeline.contains { $0.source == "vpcFlowLogs" })
    }

    @Test("GuardDuty's attack findings are joined; archived, sample and unrelated ones are not")
    func guardDuty() throws {
        let outcome = try hunt()
        let incident = try #require(outcome.report.incidents.first)
        let joined = Set(incident.story.serviceFindings.filter { $0.service == .guardDuty }.map(\.id))
        #expect(joined == Set(evidence.guardDuty.map(\.id)))
        for skipped in evidence.guardDutySkipped { #expect(!joined.contains(skipped.id)) }
        #expect(outcome.report.summary.notes.contains { $0.contains("archived") && $0.contains("sample") })
        #expect(incident.story.timeline.contains { $0.kind == "guardduty" })
    }

    @Test("the Markdown report carries every section of the seed's report, with sources and Macie")
    func markdownSections() throws {
        let outcome = try hunt()
        let markdown = try ReportRenderer.render(outcome.report, as: .markdown, minimumSeverity: .medium)
        for heading in ["Activity", "Timeline", "Compromised principal", "Data impact", "Findings", "GuardDuty and Macie findings", "Network egress", "Containment checklist"] {
            #expect(markdown.contains(heading), "no \(heading) in the report")
        }
        #expect(markdown.contains("185.220.101.47"))
        #expect(!markdown.contains(truth.accessKeyId))
        #expect(markdown.contains(AccessKeyMask.mask(truth.accessKeyId)))
    }
}
