import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// What one parser made of a value, comparable across parsers: events with `requestParametersJSON` in
/// canonical form, and failures (equal whatever their offset and wording).
enum Reading: Equatable, CustomStringConvertible {
    case event(ActivityEvent)
    case failure(String)

    static func == (lhs: Reading, rhs: Reading) -> Bool {
        switch (lhs, rhs) {
        case (.event(let a), .event(let b)): return a == b
        case (.failure, .failure): return true
        default: return false
        }
    }

    var event: ActivityEvent? { if case .event(let event) = self { return event } else { return nil } }
    var isFailure: Bool { event == nil }

    var description: String {
        switch self {
        case .event(let event): return "event \(event.eventName) \(event)"
        case .failure(let reason): return "failure: \(reason)"
        }
    }

    /// Everything `parser` makes of `bytes`, in order.
    static func all(_ bytes: [UInt8], with parser: CloudTrailJSONParser) -> [Reading] {
        var readings: [Reading] = []
        bytes.withUnsafeBytes { raw in
            parser.parse(raw) { outcome in
                switch outcome {
                case .event(let event): readings.append(.event(ReferenceRecordParser.comparable(event)))
                case .failure(_, let reason): readings.append(.failure(reason))
                }
            }
        }
        return readings
    }
}

/// What a fixture must give: one entry per outcome.
enum Expect: Sendable, Equatable {
    case event
    case failure

    init(_ reading: Reading) { self = reading.isFailure ? .failure : .event }
}

/// A value to feed both parsers, what it must give, and a check of the first event.
struct Fixture: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expected: [Expect]
    var check: @Sendable (ActivityEvent) -> Bool = { _ in true }

    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [Expect], check: @escaping @Sendable (ActivityEvent) -> Bool = { _ in true }) {
        self.init(name, Array(text.utf8), expected, check: check)
    }

    init(_ name: String, _ bytes: [UInt8], _ expected: [Expect], check: @escaping @Sendable (ActivityEvent) -> Bool = { _ in true }) {
        self.name = name; self.bytes = bytes; self.expected = expected; self.check = check
    }
}

/// A CloudTrail record as ordered members of raw JSON text, edited member by member.
struct RecordText {
    var members: [(key: String, value: String)]

    /// A full GetObject data event with every field S3Hound reads.
    static let getObject = RecordText(members: [
        ("eventVersion", #""1.09""#),
        ("userIdentity", #"{"type":"AssumedRole","principalId":"AROAEXAMPLE:jane","arn":"arn:aws:sts::123456789012:assumed-role/dev/jane","accountId":"123456789012","accessKeyId":"ASIA5Q2R7HNB3KQTWXYZ","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/dev","accountId":"123456789012","userName":"dev"},"attributes":{"creationDate":"2026-02-23T01:00:00Z","mfaAuthenticated":"false"},"ec2RoleDelivery":"2.0"},"invokedBy":"AWS Internal"}"#),
        ("eventTime", #""2026-02-23T02:47:12Z""#),
        ("eventSource", #""s3.amazonaws.com""#),
        ("eventName", #""GetObject""#),
        ("awsRegion", #""us-east-1""#),
        ("sourceIPAddress", #""185.220.101.47""#),
        ("userAgent", #""[aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64]""#),
        ("requestParameters", #"{"bucketName":"sensitive-data-bucket","Host":"sensitive-data-bucket.s3.us-east-1.amazonaws.com","key":"pii/customer-1.csv"}"#),
        ("responseElements", "null"),
        ("additionalEventData", #"{"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256","bytesTransferredIn":0,"bytesTransferredOut":1024,"AuthenticationMethod":"AuthHeader","x-amz-id-2":"abc="}"#),
        ("requestID", #""R1""#),
        ("eventID", #""event-1""#),
        ("readOnly", "true"),
        ("resources", #"[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::sensitive-data-bucket/pii/customer-1.csv"},{"accountId":"123456789012","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::sensitive-data-bucket"}]"#),
        ("eventType", #""AwsApiCall""#),
        ("managementEvent", "false"),
        ("recipientAccountId", #""123456789012""#),
        ("vpcEndpointId", #""vpce-0a1b2c3d""#),
        ("eventCategory", #""Data""#),
    ])

    /// A PutBucketPolicy management event, pretty-printed, whose `requestParameters` are kept.
    static let putBucketPolicy = RecordText(members: getObject.members.map { member in
        switch member.key {
        case "eventName": return (member.key, #""PutBucketPolicy""#)
        case "requestParameters": return (member.key, """
            {
                "bucketName" : "customer-records",
                "Host" : [ "customer-records.s3.amazonaws.com" ],
                "policy" : [ "" ],
                "bucketPolicy" : { "Version" : "2012-10-17", "Statement" : [ { "Effect" : "Allow", "Principal" : "*",
                    "Action" : [ "s3:GetObject" ], "Resource" : "arn:aws:s3:::customer-records\\/*", "Sid" : "caf\\u00e9 \\ud83d\\ude00" } ] },
                "days" : 1.0, "big" : 12345678901234567890123, "small" : -1e-3
            }
            """)
        case "eventCategory": return (member.key, #""Management""#)
        case "readOnly": return (member.key, "false")
        default: return member
        }
    })

    /// The record with `key` set to `value` (added at the end when absent), or removed when `value` is nil.
    func with(_ key: String, _ value: String?) -> RecordText {
        var copy = self
        if let index = copy.members.firstIndex(where: { $0.key == key }) {
            if let value { copy.members[index].value = value } else { copy.members.remove(at: index) }
        } else if let value {
            copy.members.append((key, value))
        }
        return copy
    }

    /// The record with one more member, even when `key` is already there (a duplicate key).
    func appending(_ key: String, _ value: String) -> RecordText {
        var copy = self
        copy.members.append((key, value))
        return copy
    }

    /// The record with `additionalEventData.bytesTransferredOut` written as `value`.
    func bytesOut(_ value: String) -> RecordText {
        with("additionalEventData", #"{"bytesTransferredIn":0,"bytesTransferredOut":"# + value + #","AuthenticationMethod":"AuthHeader"}"#)
    }

    /// The record with `requestParameters` members written as `members` (raw JSON between the braces).
    func parameters(_ members: String) -> RecordText { with("requestParameters", "{" + members + "}") }

    var text: String { "{" + members.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}" }
}

/// Shorthand: the GetObject record with one member set (nil removes it).
func getObject(_ key: String, _ value: String?) -> String { RecordText.getObject.with(key, value).text }
