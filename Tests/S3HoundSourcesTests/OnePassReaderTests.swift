import CS3HoundScan
import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// The one-pass C reader (`s3h_read_record`, behind `CloudTrailRecordParser.parseLeading`) either gives exactly
/// what the scanner path (`parse`) gives — the same events, failures, reasons and offsets — or leaves the record
/// to that path; and it takes ordinary records itself.
@Suite("One-pass CloudTrail reader: the scanner's outcomes, or the record left to the scanner")
struct OnePassReaderTests {
    /// What a parse emitted, exactly (events compared whole, failures with offset and reason).
    enum Outcome: Equatable {
        case event(ActivityEvent)
        case failure(Int, String)

        init(_ outcome: CloudTrailRecordParser.Outcome) {
            switch outcome {
            case .event(let event): self = .event(event)
            case .failure(let offset, let reason): self = .failure(offset, reason)
            }
        }
    }

    static func scanner(_ bytes: [UInt8], interner: StringInterner? = nil) -> [Outcome] {
        var outcomes: [Outcome] = []
        bytes.withUnsafeBytes { raw in CloudTrailRecordParser.parse(raw, interner: interner) { outcomes.append(Outcome($0)) } }
        return outcomes
    }

    /// The one-pass reader's outcomes and where it says the record ends; nil when it leaves the record.
    static func onePass(_ bytes: [UInt8], interner: StringInterner? = nil) -> (outcomes: [Outcome], end: Int)? {
        var outcomes: [Outcome] = []
        let end = bytes.withUnsafeBytes { raw in
            CloudTrailRecordParser.parseLeading(raw, refusingNewlines: false, interner: interner) { outcomes.append(Outcome($0)) }
        }
        return end.map { (outcomes, $0) }
    }

    static let everyFixture: [(name: String, bytes: [UInt8])] =
        (AgreeingCases.all + FormerScannerIssues.all).map { ($0.name, $0.bytes) } + Divergence.all.map { ($0.name, $0.bytes) }

    @Test("every fixture: the same outcomes as the scanner, or left to it when the scanner refuses it")
    func sameOrLeft() {
        for fixture in Self.everyFixture {
            let scanner = Self.scanner(fixture.bytes)
            guard let read = Self.onePass(fixture.bytes, interner: StringInterner()) else {
                // Left: only records the scanner refuses, and keys with escapes (which the scanner resolves).
                let refused = scanner.allSatisfy { if case .failure = $0 { true } else { false } }
                #expect(refused || fixture.name.contains("escaped key"), "\(fixture.name) was left to the scanner")
                continue
            }
            #expect(read.outcomes == scanner, "\(fixture.name)")
            // It ends where the object does (a fixture may go on past it: trailing garbage).
            let whole = fixture.bytes.lastIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }.map { $0 + 1 } ?? 0
            #expect(read.end <= whole && fixture.bytes[read.end - 1] == UInt8(ascii: "}"), "\(fixture.name)")
            #expect(Self.onePass(Array(fixture.bytes[..<read.end]))?.outcomes == scanner, "\(fixture.name)")
        }
    }

    @Test("ordinary records and awkward values it reads itself", arguments: [
        ("GetObject", RecordText.getObject.text),
        ("pretty-printed PutBucketPolicy", RecordText.putBucketPolicy.text),
        ("escaped text", getObject("userAgent", #""aws-cli\/2 \"quoted\" \u00e9""#)),
        ("number as text", getObject("eventID", "12345")),
        ("readOnly as text", getObject("readOnly", #""false""#)),
        ("bytes as text", RecordText.getObject.bytesOut(#""2048""#).text),
        ("Host as an array", RecordText.getObject.parameters(#""bucketName":"b","Host":["b.s3.amazonaws.com","x"]"#).text),
        ("null identity", getObject("userIdentity", "null")),
        ("null resources", getObject("resources", "null")),
        ("requestParameters as text", getObject("requestParameters", #""bucketName=b""#)),
        ("a second eventTime that is not a time", RecordText.getObject.appending("eventTime", #""soon""#).text),
        ("a second userIdentity", RecordText.getObject.appending("userIdentity", #"{"arn":"arn:aws:iam::123456789012:user/bob","type":null}"#).text),
        ("two resources lists", RecordText.getObject.appending("resources", #"[{"type":"AWS::S3::Bucket"},7]"#).text),
        ("an EventBridge envelope", #"{"version":"0","detail-type":"AWS API Call via CloudTrail","detail":"# + RecordText.getObject.text + "}"),
        ("no eventName", getObject("eventName", nil)),
        ("eventTime not a time", getObject("eventTime", #""yesterday""#)),
    ])
    func readsItself(_ name: String, _ text: String) throws {
        let bytes = Array(text.utf8)
        let read = try #require(Self.onePass(bytes, interner: StringInterner()), "\(name) was left to the scanner")
        #expect(read.outcomes == Self.scanner(bytes), "\(name)")
        #expect(read.end == bytes.count)
    }

    @Test("records it leaves to the scanner, which says what is wrong or reads them", arguments: [
        ("an escaped key", RecordText.getObject.text.replacingOccurrences(of: #""eventName""#, with: #""event\u004eame""#), true),
        ("text field holding an object", getObject("eventName", #"{"name":"GetObject"}"#), false),
        ("userIdentity as text", getObject("userIdentity", #""root""#), false),
        ("resources as an object", getObject("resources", #"{"type":"x"}"#), false),
        ("Host as an object", RecordText.getObject.parameters(#""Host":{"name":"h"}"#).text, false),
        ("nine resources", getObject("resources", "[" + Array(repeating: #"{"type":"AWS::S3::Object"}"#, count: 9).joined(separator: ",") + "]"), true),
        ("bytes too large", RecordText.getObject.bytesOut("99999999999999999999").text, false),
        ("cut off", String(RecordText.getObject.text.dropLast(3)), false),
        ("broken JSON", getObject("eventName", #""GetObject" x"#), false),
        ("nested past 512", getObject("responseElements", String(repeating: "[", count: 520) + String(repeating: "]", count: 520)), false),
    ])
    func leaves(_ name: String, _ text: String, _ isEvent: Bool) {
        let bytes = Array(text.utf8)
        #expect(Self.onePass(bytes) == nil, "\(name) was read in one pass")
        let outcomes = Self.scanner(bytes)
        #expect(outcomes.count == 1)
        if case .event = outcomes.first { #expect(isEvent, "\(name)") } else { #expect(!isEvent, "\(name)") }
    }

    @Test("odd bytes at every place around the sixteen-byte steps of the string scan: the scanner's outcome, or left to it")
    func oddBytesEverywhere() {
        let odd: [(String, [UInt8])] = [
            ("escaped quote", Array(#"\""#.utf8)), ("escaped backslash", Array(#"\\"#.utf8)), ("\\u escape", Array(#"\u00e9"#.utf8)),
            ("bad escape", Array(#"\x"#.utf8)), ("two-byte UTF-8", [0xC3, 0xA9]), ("four-byte UTF-8", [0xF0, 0x9F, 0x99, 0x82]),
            ("overlong UTF-8", [0xC0, 0xAF]), ("lone continuation byte", [0x80]), ("raw tab", [0x09]), ("raw newline", [0x0A]),
            ("raw NUL", [0x00]), ("DEL", [0x7F]),
        ]
        for (name, bytes) in odd {
            for position in 0..<40 {
                let value = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: position) + bytes + Array("tail\"".utf8)
                for member in ["userAgent", "eventID", "requestID"] {   // kept and interned, kept, skipped
                    let record = Array(getObject(member, "@@").utf8)
                    let at = record.firstIndex(of: UInt8(ascii: "@"))!
                    let text = Array(record[..<at]) + value + Array(record[(at + 2)...])
                    let scanner = Self.scanner(text)
                    if let read = Self.onePass(text, interner: StringInterner()) {
                        #expect(read.outcomes == scanner, "\(name) at \(position) in \(member)")
                    } else {
                        #expect(scanner.allSatisfy { if case .failure = $0 { true } else { false } }, "\(name) at \(position) in \(member) left")
                    }
                    // Cut just after the odd bytes: the string never closes.
                    let cut = Array(text[..<(at + 1 + position + bytes.count)])
                    #expect(Self.onePass(cut) == nil, "\(name) at \(position) in \(member), cut")
                }
            }
        }
    }

    @Test("a record followed by more text ends where its object ends; JSON lines refuse a record spread over lines")
    func endsAtTheObject() throws {
        let record = RecordText.getObject.text
        let bytes = Array((record + "  \n{\"next\":1}").utf8)
        let read = try #require(Self.onePass(bytes))
        #expect(read.end == record.utf8.count)
        let spread = Array(RecordText.putBucketPolicy.text.utf8)
        let refused = spread.withUnsafeBytes { raw in CloudTrailRecordParser.parseLeading(raw, refusingNewlines: true) { _ in } }
        #expect(refused == nil)
    }

    @Test("the C reader numbers members as the scanner path names them")
    func keyNumbers() {
        let names: [(Int, String, Int)] = [
            (S3H_CONTEXT_RECORD, "eventName", S3H_EVENT_NAME), (S3H_CONTEXT_RECORD, "Records", S3H_RECORDS),
            (S3H_CONTEXT_IDENTITY, "arn", S3H_IDENTITY_ARN), (S3H_CONTEXT_ISSUER, "arn", S3H_ISSUER_ARN),
            (S3H_CONTEXT_REQUEST, "Host", S3H_HOST), (S3H_CONTEXT_REQUEST, "host", S3H_HOST),
            (S3H_CONTEXT_RESOURCE, "ARN", S3H_RESOURCE_ARN), (S3H_CONTEXT_RESOURCE, "arn", S3H_RESOURCE_ARN),
            (S3H_CONTEXT_ADDITIONAL, "SSEApplied", S3H_SSE_APPLIED), (S3H_CONTEXT_RECORD, "arn", -1),
            (S3H_CONTEXT_RECORD, "eventname", -1), (S3H_CONTEXT_RECORD, "", -1),
        ]
        #expect(s3h_key_field_lengths_agree() == 1)
        for (context, name, field) in names {
            var key = name
            let found = key.withUTF8 { RecordFields.field(UnsafeRawBufferPointer($0), in: context) }
            #expect(found == field, "\(name) in context \(context)")
        }
    }
}
