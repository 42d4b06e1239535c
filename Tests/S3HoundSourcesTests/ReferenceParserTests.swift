import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// The fast scanner and the Foundation reference (`JSONSerialization`, then `JSONDecoder`) read every
/// record alike: the same events (`==`, with `requestParametersJSON` compared as canonical JSON), and a
/// failure from one exactly when the other fails — but for the listed divergences.
@Suite("Reference JSON parser: the fast scanner gives the same outcomes as Foundation's JSON reader")
struct ReferenceParserTests {
    @Test("ordinary, malformed and hostile records read the same with both parsers", arguments: AgreeingCases.all + FormerScannerIssues.all)
    func agree(_ fixture: Fixture) {
        let fast = Reading.all(fixture.bytes, with: .fast)
        let reference = Reading.all(fixture.bytes, with: .reference)
        #expect(fast == reference)
        #expect(fast.map(Expect.init) == fixture.expected, "fast: \(fast)")
        #expect(reference.map(Expect.init) == fixture.expected, "reference: \(reference)")
        if let event = fast.first?.event { #expect(fixture.check(event), "fast: \(event)") }
        if let event = reference.first?.event { #expect(fixture.check(event), "reference: \(event)") }
    }

    @Test("where Foundation's reader cannot do what the scanner does (or the reverse), each side does what is documented", arguments: Divergence.all)
    func divergence(_ divergence: Divergence) {
        let fast = Reading.all(divergence.bytes, with: .fast)
        let reference = Reading.all(divergence.bytes, with: .reference)
        #expect(fast.map(Expect.init) == divergence.fast, "fast: \(fast)")
        #expect(reference.map(Expect.init) == divergence.reference, "reference: \(reference)")
        if let event = fast.first?.event { #expect(divergence.checkFast(event), "fast: \(event)") }
        if let event = reference.first?.event { #expect(divergence.checkReference(event), "reference: \(event)") }
    }

    @Test("the reference writes requestParameters as canonical JSON that reads back to the same value")
    func canonicalParameters() throws {
        let readings = Reading.all(Array(RecordText.putBucketPolicy.text.utf8), with: .reference)
        let text = try #require(readings.first?.event?.requestParametersJSON)
        #expect(ReferenceRecordParser.canonicalJSON(text) == text)
        #expect(!text.contains("\n") && !text.contains(" : "))
        let compact = #"{"small":-0.001,"big":12345678901234567890123,"days":1,"bucketName":"customer-records","Host":["customer-records.s3.amazonaws.com"],"policy":[""],"#
            + #""bucketPolicy":{"Statement":[{"Sid":"café 😀","Resource":"arn:aws:s3:::customer-records/*","Action":["s3:GetObject"],"Principal":"*","Effect":"Allow"}],"Version":"2012-10-17"}}"#
        #expect(ReferenceRecordParser.canonicalJSON(compact) == text)
    }

    @Test("a Records wrapper's failures stay with their elements in both parsers")
    func wrapperFailures() {
        let good = RecordText.getObject
        let text = #"{"Records":["# + [good.text, good.with("eventTime", #""soon""#).text, good.with("eventID", #""event-3""#).text].joined(separator: ",") + "]}"
        for parser in CloudTrailJSONParser.allCases {
            let readings = Reading.all(Array(text.utf8), with: parser)
            #expect(readings.map(\.event?.eventID) == ["event-1", nil, "event-3"], "\(parser)")
            #expect(readings.contains { if case .failure(let reason) = $0 { reason.contains("eventTime") } else { false } }, "\(parser)")
        }
    }

    @Test("a reader uses the fast scanner unless asked for the reference")
    func readerDefault() {
        #expect(LogFileReader().jsonParser == .fast)
        #expect(LogFileReader(jsonParser: .reference).jsonParser == .reference)
    }

    /// The repository's simulated samples and, when present, AWS's documentation examples.
    static let corpus: [String] = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var files: [String] = []
        let examples = here.appendingPathComponent("../../Examples").standardized
        if let walker = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                && !url.lastPathComponent.hasSuffix(".s3hound.json") && !url.path.contains("CloudTrail-Digest") {
                files.append(url.path)
            }
        }
        let samples = here.appendingPathComponent("../../../shared/samples/aws-docs/amazon-s3-userguide").standardized
        for name in ["cloudtrail-logging-understanding-s3-entries.example-ct-log-s3.json", "cloudtrail-logging-understanding-s3-entries.s3outposts-putobject.json"] {
            let path = samples.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { files.append(path) }
        }
        return files.sorted()
    }()

    @Test("every record of the bundled samples reads the same with both parsers")
    func corpusAgrees() throws {
        #expect(Self.corpus.count > 10)
        var events = 0
        for path in Self.corpus {
            var fastEvents: [ActivityEvent] = [], referenceEvents: [ActivityEvent] = []
            let fast = LogFileReader(jsonParser: .fast).read(.file(path)) { fastEvents.append(ReferenceRecordParser.comparable($0)) }
            let reference = LogFileReader(jsonParser: .reference).read(.file(path)) { referenceEvents.append(ReferenceRecordParser.comparable($0)) }
            #expect(fastEvents.count == referenceEvents.count, "\(path)")
            for (index, (a, b)) in zip(fastEvents, referenceEvents).enumerated() where a != b {
                Issue.record("\(path) record \(index): fast \(a) != reference \(b)")
                break
            }
            #expect(fast.records == reference.records && fast.skipped == reference.skipped && fast.issues.count == reference.issues.count, "\(path)")
            events += fastEvents.count
        }
        #expect(events > 5_000)
    }
}
