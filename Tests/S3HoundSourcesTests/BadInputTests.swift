import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Bad input is reported and the rest is read")
struct BadInputTests {
    @Test("a truncated gzip file reports the cut and keeps the records before it")
    func truncatedGzip() throws {
        let folder = try TemporaryFolder()
        let records = (0..<2000).map { record($0) }
        let compressed = try GzipEncoder.compress(Array(deliveryFile(records).utf8))
        let path = try folder.write("cut.json.gz", Array(compressed.prefix(compressed.count / 2)))
        let (events, result) = readAll(path)
        #expect(events.count > 100)
        #expect(events.count < 2000)
        #expect(result.incomplete)
        #expect(result.skipped >= 1)
        let messages = result.issues.map(\.description).joined(separator: "\n")
        #expect(messages.contains("cut.json.gz"))
        #expect(messages.contains("truncated"))
    }

    @Test("invalid JSON in one record skips that record, names its index, and reads the others")
    func brokenRecord() throws {
        let folder = try TemporaryFolder()
        var records = (0..<5).map { record($0) }
        records[2] = records[2].replacingOccurrences(of: "\"eventName\":\"GetObject\"", with: "\"eventName\":GetObject")
        let (events, result) = readAll(try folder.write("broken.json", deliveryFile(records)))
        #expect(events.map(\.eventID) == ["event-0", "event-1", "event-3", "event-4"])
        #expect(result.skipped == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.recordIndex == 2)
        #expect(issue.byteOffset != nil)
        #expect(issue.description.contains("broken.json (record 2"))
    }

    @Test("a broken JSON line does not swallow the lines after it")
    func brokenLine() throws {
        let folder = try TemporaryFolder()
        let lines = [record(0), String(record(1).prefix(80)), record(2), "not json at all", record(3)]
        let (events, result) = readAll(try folder.write("lines.jsonl", lines.joined(separator: "\n") + "\n"))
        #expect(events.map(\.eventID) == ["event-0", "event-2", "event-3"])
        #expect(result.skipped == 2)
    }

    @Test("wrong types are errors naming the field; missing optional fields are not")
    func wrongTypes() throws {
        let folder = try TemporaryFolder()
        let numericTime = record(0).replacingOccurrences(of: "\"eventTime\":\"2026-02-23T02:47:00Z\"", with: "\"eventTime\":1771814820")
        let objectAgent = record(1).replacingOccurrences(of: "\"userAgent\":\"aws-cli/2.15.0\"", with: "\"userAgent\":{\"a\":1}")
        let badBytes = record(2, bytes: "\"lots\"")
        let minimal = #"{"eventTime":"2026-02-23T02:47:00Z","eventName":"ListBuckets"}"#
        let notARecord = #"{"hello":"world"}"#
        let (events, result) = readAll(try folder.write("types.jsonl", [numericTime, objectAgent, badBytes, minimal, notARecord, record(5)].joined(separator: "\n")))
        #expect(events.map(\.eventName) == ["ListBuckets", "GetObject"])
        #expect(result.skipped == 4)
        let text = result.issues.map(\.description).joined(separator: "\n")
        #expect(text.contains("field 'eventTime' should be an ISO-8601 string"))
        #expect(text.contains("field 'userAgent' should be a string"))
        #expect(text.contains("field 'additionalEventData.bytesTransferredOut' should be a number"))
        #expect(text.contains("no 'eventName'"))
    }

    @Test("a file that is no log S3Hound reads is reported and skipped")
    func notALog() throws {
        let folder = try TemporaryFolder()
        let (events, result) = readAll(try folder.write("notes.md", "# Incident notes\nJane called at 03:00.\n"))
        #expect(events.isEmpty)
        #expect(result.incomplete)
        #expect(result.issues.first?.message.contains("not a log S3Hound reads") == true)
    }

    @Test("hostile bytes in messages are escaped for the terminal")
    func hostileNames() throws {
        let issue = IngestIssue(file: "evil\u{1B}[31m.json", recordIndex: 1, byteOffset: 2, message: "bad \u{202E} value")
        #expect(!issue.description.contains("\u{1B}"))
        #expect(!issue.description.contains("\u{202E}"))
    }

    @Test("a missing file is an issue, not a crash")
    func missingFile() {
        let result = LogFileReader().read(.file("/nonexistent/s3hound/file.json")) { _ in }
        #expect(result.incomplete)
        #expect(result.issues.first?.message.contains("cannot open") == true)
    }
}
