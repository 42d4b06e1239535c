import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Damaged server access log lines say where and why")
struct ServerAccessLogErrorTests {
    let base = ServerAccessLogLineBuilder()

    @Test("a line cut after the operation names the missing key field at the end of the line")
    func truncated() throws {
        let line = base.fields.prefix(7).joined(separator: " ")
        let error = try #require(parseFailure(line))
        #expect(error.column == line.utf8.count)
        #expect(error.reason == "the line ends after the operation field; a server access log line has at least 17 fields (bucket owner through user agent), so the key field is missing")
    }

    @Test("a line cut before the user agent")
    func truncatedBeforeUserAgent() throws {
        let line = base.fields.prefix(16).joined(separator: " ")
        let error = try #require(parseFailure(line))
        #expect(error.column == line.utf8.count)
        #expect(error.reason.contains("the user agent field is missing"))
    }

    @Test("an empty line")
    func empty() throws {
        let error = try #require(parseFailure(""))
        #expect(error.column == 0)
        #expect(error.reason.hasPrefix("the line is empty"))
        #expect(parseFailure("   \r")?.column == 0)
    }

    @Test("a bytes sent field that is not a number")
    func nonNumericBytes() throws {
        let line = base.with { $0.bytesSent = "12ab" }.text
        let error = try #require(parseFailure(line))
        #expect(error.column == byteOffset(of: " 12ab ", in: line).map { $0 + 1 })
        #expect(error.reason == "the bytes sent field '12ab' is not a number or '-'")
    }

    @Test("other number fields are checked too")
    func otherNumbers() throws {
        let status = base.with { $0.status = "OK!" }.text
        // "OK!" cannot close the request URI, so the URI ends at its first closing quote and the status is judged.
        #expect(parseFailure(status)?.reason == "the HTTP status field 'OK!' is not a number or '-'")
        #expect(parseFailure(status)?.column == byteOffset(of: "OK!", in: status))
        let size = base.with { $0.objectSize = "-5" }.text
        #expect(parseFailure(size)?.reason == "the object size field '-5' is not a number or '-'")
        let huge = base.with { $0.bytesSent = String(repeating: "9", count: 30) }.text
        #expect(parseFailure(huge)?.reason.contains("too long to be a number") == true)
        let total = base.with { $0.totalTime = "1.5" }.text
        #expect(parseFailure(total)?.reason == "the total time field '1.5' is not a number or '-'")
    }

    @Test("an unterminated quote in the request URI points at the quote")
    func unterminatedRequestURI() throws {
        let line = base.fields.prefix(8).joined(separator: " ") + " \"GET /exports/2026/customers.csv HTTP/1.1"
        let error = try #require(parseFailure(line))
        #expect(error.column == byteOffset(of: "\"GET", in: line))
        #expect(error.reason == "the request URI opens a quote that is never closed; the line is cut short or damaged")
    }

    @Test("an unterminated quote in the user agent points at the quote")
    func unterminatedUserAgent() throws {
        let line = base.fields.prefix(16).joined(separator: " ") + " \"aws-cli/2.15.0 Python/3.11"
        let error = try #require(parseFailure(line))
        #expect(error.column == byteOffset(of: "\"aws-cli", in: line))
        #expect(error.reason == "the user agent opens a quote that is never closed; the line is cut short or damaged")
        let referer = base.fields.prefix(15).joined(separator: " ") + " \"https://example.com/"
        #expect(parseFailure(referer)?.reason == "the referer opens a quote that is never closed; the line is cut short or damaged")
    }

    @Test("bad times", arguments: [
        "[23/Fbb/2026:03:12:45 +0000]", "[31/Feb/2026:03:12:45 +0000]", "[23/Feb/2026:25:12:45 +0000]",
        "[23/Feb/2026 03:12:45 +0000]", "[2026-02-23T03:12:45Z]", "[23/Feb/2026:03:12:45 0000]", "[23/Feb/2026:03:12:45 +0000 ]",
    ])
    func badTime(time: String) throws {
        let line = base.with { $0.time = time }.text
        let error = try #require(parseFailure(line))
        #expect(error.column == byteOffset(of: "[", in: line))
        #expect(error.reason.hasPrefix("the time '\(time)"))
        #expect(error.reason.hasSuffix("is not a time such as [06/Feb/2019:00:00:38 +0000]"))
    }

    @Test("a time without brackets")
    func unbracketedTime() throws {
        let unopened = base.with { $0.time = "23/Feb/2026:03:12:45 +0000" }.text
        let error = try #require(parseFailure(unopened))
        #expect(error.column == byteOffset(of: "23/Feb", in: unopened))
        #expect(error.reason.hasPrefix("the time field should start with '['"))
        let unclosed = base.with { $0.time = "[23/Feb/2026:03:12:45 +0000" }.text
        #expect(parseFailure(unclosed)?.reason == "the time field has no closing ']'; expected a time such as [06/Feb/2019:00:00:38 +0000]")
    }

    @Test("time zone offsets are applied")
    func offsets() throws {
        let east = try parsedEvent(base.with { $0.time = "[23/Feb/2026:05:12:45 +0200]" }.text)
        #expect(east.time == EventTime(iso8601: "2026-02-23T03:12:45Z"))
        let west = try parsedEvent(base.with { $0.time = "[22/feb/2026:22:42:45 -0430]" }.text)
        #expect(west.time == EventTime(iso8601: "2026-02-23T03:12:45Z"))
    }

    @Test("the error reads as a sentence with its column")
    func description() {
        let error = LineParseError(column: 57, reason: "the bytes sent field 'x\u{1B}' is not a number or '-'")
        #expect(error.description == "column 57: the bytes sent field 'x\\u{1b}' is not a number or '-'")
    }
}

@Suite("Recognising server access logs from their first line")
struct ServerAccessLogSniffingTests {
    func sniff(_ text: String) -> Bool {
        let fromBytes = Array(text.utf8).withUnsafeBytes { ServerAccessLogParser.looksLikeServerAccessLog($0) }
        #expect(fromBytes == ServerAccessLogParser.looksLikeServerAccessLog(text))
        return fromBytes
    }

    @Test("access log lines are recognised")
    func positives() {
        #expect(sniff(ServerAccessLogLineBuilder().text))
        #expect(sniff("\u{FEFF}" + ServerAccessLogLineBuilder().text))
        #expect(sniff("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3"))
        #expect(sniff("- Legacy_Bucket.Name [06/FEB/2019:"))
    }

    @Test("other logs are not", arguments: [
        "", "{\"Records\":[]}", "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
        "version account-id interface-id srcaddr", "owner bucket 06/Feb/2019:00:00:38", "owner bucket [6/Feb/2019:00:00:38 +0000]",
        "owner bucket [06/Fev/2019:00:00:38 +0000]", "owner {bucket} [06/Feb/2019:", "127.0.0.1 - - [06/Feb/2019:00:00:38 +0000] \"GET / HTTP/1.1\" 200",
    ])
    func negatives(line: String) {
        #expect(!sniff(line))
    }
}
