import Foundation
import Testing
import S3HoundCore

/// Records the first fast scanner read differently from the reference (found by comparing the two), kept
/// as agreeing cases so they stay fixed: `expected` (and `check`) is what both give now.
enum FormerScannerIssues {
    static let record = RecordText.getObject

    static let all: [Fixture] = [
        // JSON is UTF-8 (RFC 8259 §8.1): a string with other bytes, read or skipped, makes the record damaged.
        Fixture("invalid UTF-8 in a skipped string fails the record", replacing("@", in: getObject("requestID", #""R@1""#), with: [0xFF, 0xC3]), [.failure]),
        Fixture("invalid UTF-8 in a read string fails the record", replacing("@", in: getObject("userAgent", #""aws@cli""#), with: [0xC0, 0xAF]), [.failure]),
        // Keys and eventTime are compared by what they say, escapes decoded.
        Fixture("an escaped key (\"event\\u004eame\") is eventName", record.text.replacingOccurrences(of: #""eventName""#, with: #""event\u004eame""#), [.event]) { $0.eventName == "GetObject" },
        Fixture("an escaped eventTime (…12\\u005a) is ISO-8601", getObject("eventTime", #""2026-02-23T02:47:12\u005a""#), [.event]) { $0.time == EventTime(iso8601: "2026-02-23T02:47:12Z") },
        // SSEApplied wins over the SSE-C header in any order; a null SSEApplied leaves the header's SSE_C.
        Fixture("SSEApplied null after an SSE-C header keeps SSE_C", record.parameters(#""x-amz-server-side-encryption-customer-algorithm":"AES256""#).with("additionalEventData", #"{"SSEApplied":null}"#).text, [.event]) { $0.sseApplied == "SSE_C" },
        Fixture("an SSE-C header of the wrong type fails the record whatever came first", RecordText(members: [("additionalEventData", #"{"SSEApplied":"SSE_KMS"}"#)] + record.parameters(#""x-amz-server-side-encryption-customer-algorithm":{"a":1}"#).with("additionalEventData", nil).members).text, [.failure]),
    ]

    /// `text` with the first `marker` replaced by raw bytes (for invalid UTF-8).
    static func replacing(_ marker: String, in text: String, with bytes: [UInt8]) -> [UInt8] {
        let range = text.range(of: marker)!
        return Array(text[..<range.lowerBound].utf8) + bytes + Array(text[range.upperBound...].utf8)
    }
}

/// A record on which the parsers differ because Foundation's reader cannot do what the fast scanner does
/// (or the other way round), and what each gives.
struct Divergence: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var fast: [Expect]
    var reference: [Expect]
    /// Checks of the first event of each, when both give one.
    var checkFast: @Sendable (ActivityEvent) -> Bool = { _ in true }
    var checkReference: @Sendable (ActivityEvent) -> Bool = { _ in true }

    var testDescription: String { name }

    static let record = RecordText.getObject

    static let all: [Divergence] = [
        // RFC 8259 leaves duplicate names to the parser: JSONDecoder keeps the first, the scanner the last.
        Divergence(name: "a duplicate text field: the scanner takes the last, JSONDecoder the first",
                   bytes: Array(record.appending("awsRegion", #""eu-west-1""#).text.utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.awsRegion == "eu-west-1" }, checkReference: { $0.awsRegion == "us-east-1" }),
        Divergence(name: "duplicate resources: the scanner appends both lists, JSONDecoder keeps the first",
                   bytes: Array(record.appending("resources", #"[{"ARN":"arn:aws:s3:::other"}]"#).text.utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.resources.count == 3 }, checkReference: { $0.resources.count == 2 }),
        Divergence(name: "Host then host: the scanner takes the last, the reference Host",
                   bytes: Array(record.parameters(#""Host":"h1","host":"h2""#).text.utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.host == "h2" }, checkReference: { $0.host == "h1" }),
        Divergence(name: "ARN then arn in a resource: the scanner takes the last, the reference ARN",
                   bytes: Array(getObject("resources", #"[{"ARN":"a1","arn":"a2"}]"#).utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.resources.first?.arn == "a2" }, checkReference: { $0.resources.first?.arn == "a1" }),
        // JSONDecoder does not give a number's text: the reference writes the value it decoded.
        Divergence(name: "1.50 in a text field: \"1.50\" as written, \"1.5\" as decoded",
                   bytes: Array(getObject("awsRegion", "1.50").utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.awsRegion == "1.50" }, checkReference: { $0.awsRegion == "1.5" }),
        Divergence(name: "1e2 in a text field: \"1e2\" as written, \"100\" as decoded",
                   bytes: Array(getObject("recipientAccountId", "1e2").utf8), fast: [.event], reference: [.event],
                   checkFast: { $0.recipientAccountId == "1e2" }, checkReference: { $0.recipientAccountId == "100" }),
        // A lone surrogate escape is grammatical JSON; Foundation rejects it, the scanner writes U+FFFD.
        Divergence(name: "a lone surrogate in a read string: U+FFFD in the scanner, an error in Foundation",
                   bytes: Array(getObject("userAgent", #""a\ud83db""#).utf8), fast: [.event], reference: [.failure],
                   checkFast: { $0.userAgent == "a\u{FFFD}b" }),
        Divergence(name: "a lone low surrogate in a skipped string: skipped by the scanner, an error in Foundation",
                   bytes: Array(getObject("requestID", #""\ude00""#).utf8), fast: [.event], reference: [.failure]),
        // Grammatical numbers beyond Double, and nesting past Foundation's limit of 512.
        Divergence(name: "1e400 in a skipped field: skipped by the scanner, not representable for Foundation",
                   bytes: Array(getObject("responseElements", "[1e400]").utf8), fast: [.event], reference: [.failure]),
        // Foundation accepts a comma before a closing bracket, which RFC 8259 does not: the reference is wrong here.
        Divergence(name: "a trailing comma in an object: rejected by the scanner, accepted by Foundation",
                   bytes: Array((String(record.text.dropLast()) + ",}").utf8), fast: [.failure], reference: [.event]),
        Divergence(name: "a trailing comma in a skipped array: rejected by the scanner, accepted by Foundation",
                   bytes: Array(getObject("responseElements", "[1,2,]").utf8), fast: [.failure], reference: [.event]),
        // The scanner reads one value from the first byte; Foundation reads a whole document. The record
        // splitter cuts records from their opening to their closing brace, so neither reaches a parser in a hunt.
        Divergence(name: "a byte order mark before the record: rejected by the scanner, skipped by Foundation",
                   bytes: [0xEF, 0xBB, 0xBF] + Array(record.text.utf8), fast: [.failure], reference: [.event]),
        Divergence(name: "garbage after the record: ignored by the scanner, rejected by Foundation",
                   bytes: Array((record.text + " trailing garbage").utf8), fast: [.event], reference: [.failure]),
        // The scanner bounds rounded counts at 9.2e18 but plain digits at Int64.max; JSONDecoder hides the notation.
        Divergence(name: "bytesTransferredOut 9.21e18: out of the scanner's float range, a whole Int64 for JSONDecoder",
                   bytes: Array(record.bytesOut("9.21e18").text.utf8), fast: [.failure], reference: [.event],
                   checkReference: { $0.bytesTransferredOut == 9_210_000_000_000_000_000 }),
    ]
}
