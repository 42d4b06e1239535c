import Foundation
import Testing
import S3HoundCore
import S3HoundHunt
import S3HoundSimulator

@Suite("Simulated attacks are found, benign work is not")
struct ScenarioDetectionTests {
    @Test("bulk-download: one incident with the ground truth's principal, IP, objects and bytes")
    func bulkDownload() throws {
        let scenario = Scenarios.bulkDownload
        let truth = try #require(scenario.truth.attack)
        let outcome = try HuntEngine(options: Scenarios.options([scenario.directory])).run()
        #expect(outcome.issues.isEmpty)
        #expect(outcome.report.summary.recordsSkipped == 0)
        let incident = try #require(outcome.report.incidents.first)
        #expect(outcome.report.incidents.count == 1)
        #expect(incident.principal == truth.principal)
        #expect(incident.arns.contains(truth.arn))
        #expect(incident.accessKeyIds == [truth.accessKeyId])
        #expect(incident.sourceIPs.first?.ip == truth.sourceIP)
        #expect(incident.sourceIPs.first?.newForPrincipal == true)
        #expect(incident.impact.objectsRead == truth.objects)
        #expect(incident.impact.distinctKeys == truth.distinctKeys)
        #expect(incident.impact.bytesOut == truth.bytes)
        #expect(incident.impact.failedAttempts == truth.failedAttempts)
        #expect(incident.impact.buckets.filter { $0.value.bytesOut > 0 }.keys.sorted() == truth.buckets)
        #expect(incident.firstEvent.time == truth.windowStart)
        #expect(incident.lastEvent.time == truth.windowEnd)
        #expect(incident.severity == .critical)
        let detections = Set(incident.findings.map(\.detectionID))
        #expect(detections == ["cloudtrail.bulk-download", "cloudtrail.new-source-ip", "cloudtrail.unusual-hour", "cloudtrail.tool-user-agent"])
        let bulk = try #require(incident.findings.first { $0.detectionID == "cloudtrail.bulk-download" })
        #expect(bulk.sourceIPs.keys.sorted() == [truth.sourceIP])
        #expect(bulk.bytesOut == truth.bytes)
    }

    @Test("cross-account-copy: one incident naming the foreign account and bucket")
    func crossAccountCopy() throws {
        let scenario = Scenarios.crossAccountCopy
        let truth = try #require(scenario.truth.attack)
        let outcome = try HuntEngine(options: Scenarios.options([scenario.directory])).run()
        let incident = try #require(outcome.report.incidents.first)
        #expect(outcome.report.incidents.count == 1)
        #expect(incident.principal == truth.principal)
        #expect(incident.sourceIPs.map(\.ip).contains(truth.sourceIP))
        #expect(incident.impact.destinationAccounts == [try #require(truth.destinationAccount)])
        let copy = try #require(incident.findings.first { $0.detectionID == "cloudtrail.cross-account-copy" })
        #expect(copy.evidence["destinationAccount"] == truth.destinationAccount)
        #expect(copy.evidence["destinationBucket"] == truth.destinationBucket)
        #expect(copy.evidence["succeeded.CopyObject"] == String(truth.objects))
        #expect(copy.failedCount == truth.failedAttempts)
        #expect(copy.buckets.keys.sorted() == truth.buckets)
        #expect(incident.accounts.contains(truth.destinationAccount!))
    }

    @Test("benign: weeks of backups, CI deploys, analysts and AWS services raise no incident")
    func benign() throws {
        let scenario = Scenarios.benign
        #expect(scenario.truth.attack == nil)
        var options = Scenarios.options([scenario.directory])
        options.minimumSeverity = .low
        let outcome = try HuntEngine(options: options).run()
        #expect(outcome.report.summary.records == scenario.result.events)
        #expect(outcome.report.incidents.isEmpty, "\(outcome.report.incidents.flatMap(\.findings).map(\.explanation))")
        #expect(outcome.findings.isEmpty)
    }

    @Test("the same logs read on one thread and on several give the same incidents")
    func threadsAgree() throws {
        var one = Scenarios.options([Scenarios.bulkDownload.directory])
        one.workers = 1
        var two = one
        two.workers = 2
        let a = try HuntEngine(options: one).run().report.incidents
        let b = try HuntEngine(options: two).run().report.incidents
        #expect(a == b)
    }
}
