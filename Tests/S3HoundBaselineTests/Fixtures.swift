import Foundation
import GRDB
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections

/// Hand-made history for the tests.
enum Fixtures {
    static let jane = CaseEvents.user("developer-jane")
    static let janePrincipal = "arn:aws:iam::123456789012:user/developer-jane"

    /// An accumulator fed with `events` (no event detections).
    static func activity(_ events: [ActivityEvent], window: TimeWindow = .unbounded) -> ActivityAccumulator {
        let accumulator = ActivityAccumulator(configuration: DetectionConfiguration(), readRange: window, eventDetections: [])
        for event in events { accumulator.add(event) }
        return accumulator
    }

    /// Jane's week: reads at 09:00 and 14:00 from the office, `perHour` objects of 1,000 bytes each, on `days` days before `end`.
    static func janeWeek(days: Int = 7, before end: String = "2026-02-23T00:00:00Z", perHour: Int = 2) -> [ActivityEvent] {
        let endDay = CaseEvents.time(end).dayIndex
        var events: [ActivityEvent] = []
        for day in (endDay - Int64(days))..<endDay {
            for hour in [9, 14] {
                let start = EventTime(secondsSinceEpoch: day * 86_400 + Int64(hour) * 3600 + 600)
                events += CaseEvents.series(perHour, from: start, every: 60) { index, time in
                    CaseEvents.getObject(time, by: jane, from: "203.0.113.10", key: "reports/\(start.millisecondsSinceEpoch)-\(index).csv", bytes: 1_000)
                }
            }
        }
        return events
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "s3hound-baseline-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A store in memory.
    static func memoryStore(retentionDays: Int = 90) throws -> BaselineStore {
        try BaselineStore(database: DatabaseQueue(), retentionDays: retentionDays)
    }

    /// One CloudTrail record as a JSON line.
    static func record(time: String, user: String = "developer-jane", ip: String = "203.0.113.10", bucket: String = "sensitive-data-bucket",
                       key: String = "data/file.csv", bytes: Int = 1_000, agent: String = "aws-cli/2.15.0 Python/3.11") -> String {
        """
        {"eventVersion":"1.08","eventTime":"\(time)","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1",\
        "sourceIPAddress":"\(ip)","userAgent":"\(agent)","eventID":"\(UUID().uuidString)","eventCategory":"Data","readOnly":true,\
        "recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/\(user)",\
        "accountId":"123456789012","accessKeyId":"AKIA5Q2R7HNB3KQTWXYZ","principalId":"AIDAEXAMPLE"},\
        "requestParameters":{"bucketName":"\(bucket)","key":"\(key)"},"additionalEventData":{"bytesTransferredOut":\(bytes)},\
        "resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::\(bucket)/\(key)"},{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::\(bucket)","accountId":"123456789012"}]}
        """
    }

    /// Writes a JSON-lines file of one day of Jane's reads (09:10 and 14:10, `count` each) and returns its path.
    @discardableResult
    static func writeDay(_ day: String, in folder: String, count: Int = 3, ip: String = "203.0.113.10") throws -> String {
        var lines: [String] = []
        for hour in ["09", "14"] {
            for index in 0..<count {
                lines.append(record(time: "\(day)T\(hour):1\(index % 10):00Z", ip: ip, key: "data/\(day)-\(hour)-\(index).csv"))
            }
        }
        let path = folder + "/\(day).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
