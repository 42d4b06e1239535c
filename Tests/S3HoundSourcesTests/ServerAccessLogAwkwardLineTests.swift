import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Server access log lines that are hard to read")
struct ServerAccessLogAwkwardLineTests {
    let base = ServerAccessLogLineBuilder()

    @Test("quoted fields keep their spaces")
    func quotedSpaces() throws {
        let event = try parsedEvent(base.with {
            $0.userAgent = "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)\""
            $0.referer = "\"https://example.com/a page?q=two words\""
        }.text)
        #expect(event.userAgent == "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)")
        #expect(event.host == "customer-records.s3.us-east-1.amazonaws.com", "the fields after the quotes stay in place")
        #expect(event.authenticationMethod == "AuthHeader")
    }

    @Test("unescaped quotes inside the user agent and request URI do not shift later fields")
    func embeddedQuotes() throws {
        // S3 does not escape quotes: a user agent ending in a quote is written as "…Safari/604.1"".
        let trailing = try parsedEvent(base.with {
            $0.userAgent = "\"Mozilla/5.0 (iPad; CPU OS 13_1 like Mac OS X) Version/13.0.1 Mobile/15E148 Safari/604.1\"\""
        }.text)
        #expect(trailing.userAgent == "Mozilla/5.0 (iPad; CPU OS 13_1 like Mac OS X) Version/13.0.1 Mobile/15E148 Safari/604.1\"")
        #expect(trailing.host == "customer-records.s3.us-east-1.amazonaws.com")

        let inside = try parsedEvent(base.with { $0.userAgent = "\"sqlmap \"1.7\" (https://sqlmap.org)\"" }.text)
        #expect(inside.userAgent == "sqlmap \"1.7\" (https://sqlmap.org)")
        #expect(inside.authenticationMethod == "AuthHeader")

        // A request for the key `"` (encoded twice in the key field) has a raw quote in its request URI.
        let uri = try parsedEvent(base.with { $0.key = "%2522"; $0.requestURI = "\"GET /\" HTTP/1.1\""; $0.status = "403"; $0.errorCode = "AccessDenied" }.text)
        #expect(uri.objectKey == "\"")
        #expect(uri.errorCode == "AccessDenied")
        #expect(uri.userAgent == "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22 command/s3.cp")

        // A quote followed by something status-like inside the URI is not taken for its end.
        let lookalike = try parsedEvent(base.with { $0.requestURI = "\"GET /a\" 200 x HTTP/1.1\"" }.text)
        #expect(lookalike.errorCode == nil)
        #expect(lookalike.bytesTransferredOut == 5_242_880)
        #expect(lookalike.host == "customer-records.s3.us-east-1.amazonaws.com")
    }

    @Test("a referer that injects a quote keeps the user agent's text in the user agent")
    func refererInjection() throws {
        let event = try parsedEvent(base.with {
            $0.referer = "\"x\" \"fake-agent\""
            $0.userAgent = "\"kali-linux pacu/1.5\""
        }.text)
        #expect(event.userAgent?.hasSuffix("kali-linux pacu/1.5") == true)
        #expect(event.host == "customer-records.s3.us-east-1.amazonaws.com")
        #expect(event.authenticationMethod == "AuthHeader")
    }

    @Test("`-` in every field that may hold one")
    func dashesEverywhere() throws {
        let line = base.with {
            $0.remoteIP = "-"; $0.requester = "-"; $0.requestID = "-"; $0.key = "-"; $0.requestURI = "-"; $0.status = "-"
            $0.errorCode = "-"; $0.bytesSent = "-"; $0.objectSize = "-"; $0.totalTime = "-"; $0.turnAroundTime = "-"
            $0.referer = "-"; $0.userAgent = "-"; $0.hostID = "-"; $0.signatureVersion = "-"; $0.cipherSuite = "-"
            $0.authenticationType = "-"; $0.hostHeader = "-"; $0.tlsVersion = "-"
        }.text
        let event = try parsedEvent(line)
        #expect(event.eventName == "GetObject")
        #expect(event.sourceIPAddress == nil)
        #expect(event.identity.isAnonymous)
        #expect(event.objectKey == nil)
        #expect(event.errorCode == nil)
        #expect(event.bytesTransferredOut == 0, "bytes sent '-' means zero")
        #expect(event.userAgent == nil)
        #expect(event.host == nil)
        #expect(event.authenticationMethod == nil)
        #expect(event.eventID.hasPrefix("line-"))
        #expect(event.resources == [EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::customer-records")])
        // Quoted dashes, as some writers produce, are empty too.
        let quoted = try parsedEvent(base.with { $0.referer = "\"-\""; $0.userAgent = "\"-\""; $0.requestURI = "\"-\"" }.text)
        #expect(quoted.userAgent == nil)
    }

    @Test("older lines stop after the user agent or any later field")
    func missingTrailingFields() throws {
        for count in 17...27 {
            let event = try parsedEvent(base.with { $0.fieldCount = count }.text)
            #expect(event.eventName == "GetObject", "\(count) fields")
            #expect(event.userAgent?.hasPrefix("aws-cli/2.15.0") == true, "\(count) fields")
            #expect(event.authenticationMethod == (count >= 22 ? "AuthHeader" : nil), "\(count) fields")
            #expect(event.host == (count >= 23 ? "customer-records.s3.us-east-1.amazonaws.com" : nil), "\(count) fields")
        }
        let withExtra = try parsedEvent(base.text + " Yes us-east-1 some-future-field another")
        #expect(withExtra.host == "customer-records.s3.us-east-1.amazonaws.com", "fields AWS adds later are ignored")
    }

    @Test("an IPv6 remote address")
    func ipv6() throws {
        let event = try parsedEvent(base.with { $0.remoteIP = "2001:db8:85a3::8a2e:370:7334" }.text)
        #expect(event.sourceIPAddress == "2001:db8:85a3::8a2e:370:7334")
        #expect(event.sourceIP == "2001:db8:85a3::8a2e:370:7334")
    }

    @Test("a hostile user agent with control characters is kept byte for byte and moves nothing")
    func hostileUserAgent() throws {
        let hostile = "evil\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}txt.exe\u{0}\tend"
        let event = try parsedEvent(base.with { $0.userAgent = "\"\(hostile)\"" }.text)
        #expect(event.userAgent == hostile)
        #expect(event.host == "customer-records.s3.us-east-1.amazonaws.com")
        #expect(SafeText.terminal(event.userAgent ?? "").contains("\\u{1b}"), "display code escapes it")
        // Bytes that are not UTF-8 become replacement characters instead of failing the line.
        var bytes = Array(base.with { $0.userAgent = "\"bad-XX\"" }.text.utf8)
        let at = try #require(byteOffset(of: "XX", in: base.with { $0.userAgent = "\"bad-XX\"" }.text))
        bytes[at] = 0xFF; bytes[at + 1] = 0xFE
        let repaired = try bytes.withUnsafeBytes { try ServerAccessLogParser.parse($0).get() }
        #expect(repaired.userAgent == "bad-\u{FFFD}\u{FFFD}")
    }

    @Test("a very long key")
    func longKey() throws {
        let segment = String(repeating: "deep/", count: 200)
        let key = segment + "file.bin"
        let event = try parsedEvent(base.with { $0.key = key; $0.requestURI = "\"GET /\(key) HTTP/1.1\"" }.text)
        #expect(event.objectKey == key)
        #expect(event.objectKey?.utf8.count == 1008)
        #expect(event.resources.first?.arn == "arn:aws:s3:::customer-records/" + key)
    }

    @Test("URL-encoded keys are decoded (twice for REST operations, as S3 writes them)")
    func encodedKeys() throws {
        func key(_ field: String, operation: String = "REST.GET.OBJECT") throws -> String? {
            try parsedEvent(base.with { $0.key = field; $0.operation = operation }.text).objectKey
        }
        #expect(try key("reports/Q1%2520summary.pdf") == "reports/Q1 summary.pdf")
        #expect(try key("reports/Q1%20summary.pdf") == "reports/Q1 summary.pdf", "a key encoded once decodes the same")
        #expect(try key("caf%25C3%25A9/men%25C3%25BC.txt") == "café/menü.txt")
        #expect(try key("100%252525.txt") == "100%25.txt", "a literal %25 in the key survives")
        #expect(try key("a+b.txt") == "a+b.txt", "+ is a plus in a path")
        #expect(try key("bad%zz%2") == "bad%zz%2", "broken escapes stay as written")
        #expect(try key("%25E2%2580%25AE-rtl.txt") == "\u{202E}-rtl.txt")
        #expect(try key("x%25FF.bin") == "x\u{FFFD}.bin", "bytes that are not UTF-8 become U+FFFD")
        #expect(try key("100%2525.txt", operation: "BATCH.DELETE.OBJECT") == "100%25.txt")
    }

    @Test("CRLF endings, runs of spaces and trailing spaces")
    func whitespace() throws {
        let crlf = try parsedEvent(base.text + "\r")
        #expect(crlf.eventID == "7N3QK2M8R4T6W9XA")
        #expect(crlf.authenticationMethod == "AuthHeader")
        let spaced = try parsedEvent(base.fields.joined(separator: "  ") + "   ")
        #expect(spaced == (try parsedEvent(base.text)))
    }

    @Test("AWS's documented example lines parse", .enabled(if: FileManager.default.fileExists(atPath: Self.samples.path)))
    func documentationSamples() throws {
        let text = try String(contentsOf: Self.samples, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let events = try lines.map { try parsedEvent($0) }
        #expect(events.map(\.eventName) == ["GetBucketVersioning", "GetBucketLogging", "GetBucketPolicy", "GetBucketVersioning", "PutObject"])
        #expect(events[0].time == EventTime(iso8601: "2019-02-06T00:00:38Z"))
        #expect(events[0].identity == CallerIdentity(type: "CanonicalUser", principalId: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"))
        #expect(events[0].userAgent == "S3Console/0.4")
        #expect(events[0].awsRegion == "us-west-1")
        #expect(events[0].authenticationMethod == "AuthHeader")
        #expect(events[2].errorCode == "NoSuchBucketPolicy")
        #expect(events[4].objectKey == "s3-dg.pdf")
        #expect(events[4].bytesTransferredIn == 4_406_583)
        #expect(lines.allSatisfy { line in Array(line.utf8).withUnsafeBytes { ServerAccessLogParser.looksLikeServerAccessLog($0) } })
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/samples/aws-docs/amazon-s3-userguide/LogFormat.example-records.log").standardized
}
