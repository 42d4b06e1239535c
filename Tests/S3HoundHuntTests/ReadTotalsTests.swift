import Foundation
import S3HoundCore
import S3HoundHunt
import S3HoundSimulator
import S3HoundSources
import Testing

@Suite("hunt --read-totals", .serialized)
struct ReadTotalsTests {
    /// Records S3Hound's simulator never writes: an AWS service reading, a caller known only by principal id with
    /// no source address and a numeric-string byte count, and attacker-chosen text full of CSV syntax.
    static let handMade = #"""
    {"Records":[
    {"eventVersion":"1.09","userIdentity":{"type":"AWSService","invokedBy":"athena.amazonaws.com"},"eventTime":"2026-02-22T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"athena.amazonaws.com","userAgent":"athena.amazonaws.com","requestParameters":{"bucketName":"customer-records","key":"a.csv"},"additionalEventData":{"bytesTransferredOut":1234},"eventID":"e-1","readOnly":true,"recipientAccountId":"123456789012","eventCategory":"Data"},
    {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/o\"dd,name\nx","accountId":"123456789012"},"eventTime":"2026-02-22T10:01:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":" 203.0.113.9,\"x\"\r\ny","userAgent":"curl","requestParameters":{"bucketName":"customer-records","key":"b.csv"},"additionalEventData":{"bytesTransferredOut":77.0},"eventID":"e-2","readOnly":true,"recipientAccountId":"123456789012","eventCategory":"Data"},
    {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/o\"dd,name\nx","accountId":"123456789012"},"eventTime":"2026-02-22T10:02:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":" 203.0.113.9,\"x\"\r\ny","userAgent":"curl","errorCode":"AccessDenied","requestParameters":{"bucketName":"customer-records","key":"c.csv"},"additionalEventData":{"bytesTransferredOut":0},"eventID":"e-3","readOnly":true,"recipientAccountId":"123456789012","eventCategory":"Data"},
    {"eventVersion":"1.09","userIdentity":{"type":"Unknown","principalId":"AIDAEXAMPLEONLYID"},"eventTime":"2026-02-22T10:03:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","userAgent":"x","requestParameters":{"bucketName":"customer-records","key":"d.csv"},"additionalEventData":{"bytesTransferredOut":"42"},"eventID":"e-4","readOnly":true,"recipientAccountId":"123456789012","eventCategory":"Data"}
    ]}
    """#

    /// A corpus with people, roles of other accounts, anonymous readers, failed reads and float byte counts, plus `handMade`.
    static let corpus: (directory: URL, result: SimulationResult) = {
        let directory = Scenarios.root.appendingPathComponent("read-totals")
        let options = SimulationOptions(scenario: .anonymousAccess, seed: 3, days: 3, scale: 0.1, attackObjects: 40,
                                        population: .organisation, crowd: 25)
        do {
            let result = try Simulator(options: options).write(to: directory)
            try Data(handMade.utf8).write(to: directory.appendingPathComponent("extra.json"))
            return (directory, result)
        } catch {
            fatalError("simulation failed: \(error)")
        }
    }()

    /// The totals computed straight from the records with the principal rule of the README (not S3Hound's reader).
    static func expectedTotals() throws -> [[String]] {
        var totals: [[String]: (requests: Int, bytes: Int64)] = [:]
        for path in corpus.result.logFiles + ["extra.json"] {
            var data = try Data(contentsOf: corpus.directory.appendingPathComponent(path))
            if path.hasSuffix(".gz") { data = try gunzip(data) }
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for record in try #require(object["Records"] as? [[String: Any]]) where record["eventName"] as? String == "GetObject" {
                let key = [principal(record), record["sourceIPAddress"] as? String ?? ""]
                let failed = !((record["errorCode"] as? String) ?? "").isEmpty
                let extra = record["additionalEventData"] as? [String: Any]
                let bytes: Int64 = switch extra?["bytesTransferredOut"] {
                case let number as NSNumber: Int64(number.doubleValue)
                case let text as String: Int64(text) ?? 0
                default: 0
                }
                totals[key, default: (0, 0)].requests += 1
                if !failed { totals[key, default: (0, 0)].bytes += max(0, bytes) }
            }
        }
        return totals.map { $0.key + [String($0.value.requests), String($0.value.bytes)] }
            .sorted { $0[0] != $1[0] ? Array($0[0].utf8).lexicographicallyPrecedes(Array($1[0].utf8)) : Array($0[1].utf8).lexicographicallyPrecedes(Array($1[1].utf8)) }
    }

    /// sessionIssuer.arn, else arn, else ANONYMOUS_PRINCIPAL, else invokedBy, else principalId, else account:ID.
    static func principal(_ record: [String: Any]) -> String {
        let identity = record["userIdentity"] as? [String: Any] ?? [:]
        let issuer = ((identity["sessionContext"] as? [String: Any])?["sessionIssuer"] as? [String: Any])?["arn"] as? String
        for candidate in [issuer, identity["arn"] as? String] { if let candidate, !candidate.isEmpty { return candidate } }
        if identity["accountId"] as? String == "ANONYMOUS_PRINCIPAL" || identity["type"] as? String == "AnonymousPrincipal" { return "ANONYMOUS_PRINCIPAL" }
        for candidate in [identity["invokedBy"] as? String, identity["principalId"] as? String] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        if let account = identity["accountId"] as? String, !account.isEmpty { return "account:\(account)" }
        return "unknown"
    }

    static func gunzip(_ compressed: Data) throws -> Data {
        let decoder = try GzipDecoder()
        var output = Data()
        try compressed.withUnsafeBytes { bytes in try decoder.decode(bytes) { output.append(contentsOf: $0) } }
        try decoder.finish()
        return output
    }

    /// Parses RFC 4180 CSV (quoted fields may hold commas, doubled quotes and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("the CSV holds every GetObject's requests and bytes per principal and source IP, as the records add up")
    func matchesRecords() throws {
        let expected = try Self.expectedTotals()
        #expect(expected.contains { $0[0] == "ANONYMOUS_PRINCIPAL" })
        #expect(expected.contains { $0[0] == "athena.amazonaws.com" && $0[3] == "1234" })
        #expect(expected.contains { $0[0] == "AIDAEXAMPLEONLYID" && $0[1] == "" && $0[3] == "42" })
        #expect(expected.contains { $0[0].contains(":345678901234:") || $0[0].contains(":234567890123:") || $0[0].contains(":456789012345:") })
        let csv = Scenarios.root.appendingPathComponent("read-totals-\(UUID().uuidString).csv").path
        let run = try CLI.run(["hunt", Self.corpus.directory.path, "--read-totals", csv, "--format", "json", "--quiet", "--fail-on", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let rows = Self.parseCSV(text)
        #expect(rows.first == ["principal", "source_ip", "requests", "bytes"])
        #expect(Array(rows.dropFirst()) == expected)
        #expect(text.contains("\"arn:aws:iam::123456789012:user/o\"\"dd,name\nx\",\" 203.0.113.9,\"\"x\"\"\r\ny\",2,77\n"))

        // The library gives the same totals from the scan, without the CLI.
        let scan = try HuntEngine(options: Scenarios.options([Self.corpus.directory.path])).scan()
        #expect(scan.activity.readTotals.map { [$0.principal, $0.sourceIP, String($0.requests), String($0.bytes)] } == expected)

        // An existing file is never overwritten.
        let before = try Data(contentsOf: URL(fileURLWithPath: csv))
        let again = try CLI.run(["hunt", Self.corpus.directory.path, "--read-totals", csv, "--quiet", "--fail-on", "none"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("never overwrites"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == before)
    }
}
