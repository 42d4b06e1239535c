import Testing
import S3HoundCore
@testable import S3HoundDetections

/// Every case of every detection, one test each.
struct DetectionCaseArgument: CustomTestStringConvertible, Sendable {
    let detectionID: String
    let index: Int
    var detection: any Detection { DetectionCatalog.detection(id: detectionID)! }
    var testCase: DetectionCase { type(of: detection).cases[index] }
    var testDescription: String { "\(detectionID) \(testCase.expectation.rawValue): \(testCase.name)" }

    static var all: [DetectionCaseArgument] {
        DetectionCatalog.all.flatMap { detection in
            type(of: detection).cases.indices.map { DetectionCaseArgument(detectionID: type(of: detection).metadata.id, index: $0) }
        }
    }
}

@Suite("Detection catalog")
struct CatalogTests {
    @Test("each case fires or stays quiet as it says", arguments: DetectionCaseArgument.all)
    func runCase(_ argument: DetectionCaseArgument) {
        let findings = argument.testCase.run(argument.detection)
        switch argument.testCase.expectation {
        case .fires:
            #expect(!findings.isEmpty, "expected a finding")
            for finding in findings {
                #expect(finding.detectionID == argument.detectionID)
                #expect(!finding.explanation.isEmpty)
                #expect(finding.firstEvent <= finding.lastEvent)
            }
        case .quiet:
            #expect(findings.isEmpty, "unexpected: \(findings.map(\.explanation))")
        }
    }

    @Test("ids are unique, metadata complete, techniques known, and every detection has firing and quiet cases")
    func invariants() {
        let ids = DetectionCatalog.all.map { type(of: $0).metadata.id }
        #expect(Set(ids).count == ids.count)
        for detection in DetectionCatalog.all {
            let metadata = type(of: detection).metadata
            let cases = type(of: detection).cases
            // The id names the evidence the detection reads: CloudTrail (and access logs mapped to it), flow logs, GuardDuty, Macie.
            #expect(["cloudtrail.", "flowlogs.", "guardduty.", "macie."].contains { metadata.id.hasPrefix($0) }, "\(metadata.id)")
            #expect(!metadata.title.isEmpty && !metadata.triage.isEmpty && !metadata.falsePositives.isEmpty, "\(metadata.id)")
            #expect(!metadata.techniques.isEmpty, "\(metadata.id)")
            for technique in metadata.techniques { #expect(AttackTechnique.known.contains(technique)) }
            #expect(cases.contains { $0.expectation == .fires }, "\(metadata.id) has no firing case")
            #expect(cases.contains { $0.expectation == .quiet }, "\(metadata.id) has no quiet case")
        }
    }
}
