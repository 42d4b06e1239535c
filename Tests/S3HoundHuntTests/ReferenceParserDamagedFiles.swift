import Foundation
import S3HoundSources

/// A folder of damaged and awkward CloudTrail files, among a night's bulk download that is found.
enum DamagedFiles {
    /// A GetObject record by `user` at 03:MM of 2026-02-23 (one object per id), with optional edits.
    static func record(_ id: Int, user: String = "developer-jane", edits: [String: String] = [:]) -> String {
        var members: [(String, String)] = [
            ("eventVersion", #""1.09""#),
            ("userIdentity", #"{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/"# + user + #"","accountId":"123456789012","accessKeyId":"AKIA5Q2R7HNB3KQTWXYZ"}"#),
            ("eventTime", "\"2026-02-23T03:\(String(format: "%02d", id / 60 % 60)):\(String(format: "%02d", id % 60))Z\""),
            ("eventSource", #""s3.amazonaws.com""#),
            ("eventName", #""GetObject""#),
            ("awsRegion", #""us-east-1""#),
            ("sourceIPAddress", #""185.220.101.47""#),
            ("userAgent", #""aws-cli/2.15.0""#),
            ("requestParameters", #"{"bucketName":"sensitive-data-bucket","Host":"sensitive-data-bucket.s3.us-east-1.amazonaws.com","key":"pii/customer-"# + "\(id)" + #".csv"}"#),
            ("responseElements", "null"),
            ("additionalEventData", #"{"bytesTransferredIn":0,"bytesTransferredOut":1048576,"AuthenticationMethod":"AuthHeader"}"#),
            ("eventID", "\"event-\(user)-\(id)\""),
            ("readOnly", "true"),
            ("resources", #"[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::sensitive-data-bucket/pii/customer-"# + "\(id)" + #".csv"}]"#),
            ("recipientAccountId", #""123456789012""#),
            ("eventCategory", #""Data""#),
        ]
        for (key, value) in edits {
            if let index = members.firstIndex(where: { $0.0 == key }) { members[index].1 = value } else { members.append((key, value)) }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func delivery(_ records: [String]) -> String { #"{"Records":["# + records.joined(separator: ",") + "]}" }

    /// Writes the folder and returns its path.
    static func write(in folder: URL) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

        // The night's bulk download, gzip-compressed as CloudTrail delivers it.
        try write("bulk.json.gz", try GzipEncoder.compress(Array(delivery((0..<1_050).map { record($0) }).utf8)))
        // A gzip file cut mid-stream.
        let truncated = try GzipEncoder.compress(Array(delivery((0..<400).map { record($0, user: "analyst-raj") }).utf8))
        try write("truncated.json.gz", Array(truncated.prefix(truncated.count / 2)))
        // Broken records between good ones in a delivery file.
        let good = (0..<6).map { record($0, user: "ops-lee") }
        try write("broken-between.json", delivery([
            good[0], good[0].replacingOccurrences(of: #""eventName":"GetObject""#, with: #""eventName":GetObject"#),
            good[1], record(90, user: "ops-lee", edits: ["userIdentity": #""AIDAEXAMPLE""#]),
            good[2], record(91, user: "ops-lee", edits: ["eventName": "null"]),
            good[3], record(92, user: "ops-lee", edits: ["eventTime": #""yesterday""#]),
            good[4], "[1,2]", "5", #""text""#, record(93, user: "ops-lee", edits: ["requestID": #""R\x""#]),
            good[5],
        ]))
        // Wrong types and missing fields as JSON lines, and lines that are not records.
        try write("wrong-types.jsonl", [
            record(0, user: "ci", edits: ["eventTime": "1771814820"]),
            record(1, user: "ci", edits: ["userAgent": #"{"a":1}"#]),
            record(2, user: "ci", edits: ["additionalEventData": #"{"bytesTransferredOut":"lots"}"#]),
            record(3, user: "ci", edits: ["readOnly": "1"]),
            record(4, user: "ci", edits: ["resources": #"{"ARN":"arn:aws:s3:::b"}"#]),
            record(5, user: "ci", edits: ["additionalEventData": #"{"bytesTransferredOut":1e30}"#]),
            record(6, user: "ci", edits: ["additionalEventData": #"{"bytesTransferredOut":"2048","bytesTransferredIn":1.5e3}"#, "readOnly": #""true""#]),
            #"{"eventTime":"2026-02-23T03:30:00Z","eventName":"ListBuckets"}"#,
            #"{"hello":"world"}"#,
            String(record(7, user: "ci").prefix(90)),
            "not json at all",
            record(8, user: "ci", edits: ["userIdentity": "null", "resources": "null", "requestParameters": #""bucketName=b""#]),
            record(9, user: "ci") + " trailing garbage",
            record(10, user: "ci"),
        ].joined(separator: "\n") + "\n")
        // Hostile text in the fields detections read.
        try write("hostile.jsonl", [
            record(0, user: "web", edits: ["userAgent": #""\u001b[31mred\u001b[0m <script>alert(1)</script> \ud83d\ude00 \u0000""#]),
            record(1, user: "web", edits: ["userAgent": "\"" + String(repeating: "A", count: 1 << 20) + "\""]),
            record(2, user: "web", edits: ["responseElements": String(repeating: #"{"a":["#, count: 250) + "1" + String(repeating: "]}", count: 250)]),
            record(3, user: "web", edits: ["requestParameters": #"{"bucketName":"b","key":"<img src=x onerror=alert(1)>\/..\/..\/etc\/passwd","Host":["h1","h2"]}"#]),
            record(4, user: "web", edits: ["responseElements": String(repeating: "[", count: 600) + String(repeating: "]", count: 600)]),
            record(5, user: "web", edits: ["eventName": "42", "recipientAccountId": "123456789012"]),
        ].joined(separator: "\n") + "\n")
        // EventBridge envelopes, one whose detail is no record; a pretty-printed wrapper with CR LF; an array.
        try write("envelopes.jsonl", [record(0, user: "events"), #"{"detail":{"hello":1}}"#, record(1, user: "events")].map {
            #"{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","detail":"# + $0 + "}"
        }.joined(separator: "\n") + "\n")
        try write("pretty.json", "{\r\n  \"Other\": [1, {\"x\": null}],\r\n  \"Records\": [\r\n    "
            + (0..<3).map { record($0, user: "pretty") }.joined(separator: ",\r\n    ") + "\r\n  ]\r\n}\r\n")
        try write("array.json", "[\n" + (0..<3).map { record($0, user: "array") }.joined(separator: ",\n") + "\n]\n")
        // Not a log, and nothing at all.
        try write("notes.txt", "# Incident notes\nJane called at 03:00.\n")
        try write("empty.json", "")
        return folder.path
    }
}
