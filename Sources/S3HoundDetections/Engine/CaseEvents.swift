import S3HoundCore

/// Builders for the events in detection cases, so each case reads like the analyst's sentence.
public enum CaseEvents {
    /// Our account in examples.
    public static let account = "123456789012"

    /// An IAM user with an access key.
    public static func user(_ name: String, key: String = "AKIA5Q2R7HNB3KQTWXYZ", account: String = account) -> CallerIdentity {
        CallerIdentity(type: "IAMUser", arn: "arn:aws:iam::\(account):user/\(name)", accountId: account,
                       accessKeyId: key, principalId: "AIDA\(name.uppercased())")
    }

    /// A session of a role.
    public static func role(_ name: String, session: String = "session", key: String = "ASIAEXAMPLEKEY0001", account: String = account) -> CallerIdentity {
        CallerIdentity(type: "AssumedRole", arn: "arn:aws:sts::\(account):assumed-role/\(name)/\(session)", accountId: account,
                       accessKeyId: key, principalId: "AROA\(name.uppercased()):\(session)",
                       sessionIssuerArn: "arn:aws:iam::\(account):role/\(name)")
    }

    /// A time from ISO-8601 text (examples are literal, so a bad literal is a programming error).
    public static func time(_ text: String) -> EventTime {
        guard let time = EventTime(iso8601: text) else { preconditionFailure("bad example time \(text)") }
        return time
    }

    /// One GetObject.
    public static func getObject(_ at: EventTime, by identity: CallerIdentity, from ip: String, bucket: String = "sensitive-data-bucket",
                                 key: String = "data/file.csv", bytes: Int64 = 100_000, errorCode: String? = nil) -> ActivityEvent {
        ActivityEvent(time: at, eventID: "ev-\(at.millisecondsSinceEpoch)-\(ObjectKeyHash.hash(bucket: "", key: key) & 0xFFFF)", eventName: "GetObject",
                      eventCategory: "Data", awsRegion: "us-east-1", sourceIPAddress: ip, userAgent: "aws-cli/2.15.0",
                      errorCode: errorCode, recipientAccountId: account, readOnly: true, identity: identity, bucketName: bucket,
                      objectKey: key, bytesTransferredOut: errorCode == nil ? bytes : 0,
                      resources: [EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(bucket)/\(key)"),
                                  EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountId: account)])
    }

    /// A CopyObject from `source` (owned by `sourceAccount`) into `destination` (owned by `destinationAccount`).
    public static func copyObject(_ at: EventTime, by identity: CallerIdentity, from ip: String, source: String, sourceAccount: String = account,
                                  destination: String, destinationAccount: String, key: String = "export/records.csv",
                                  eventName: String = "CopyObject", errorCode: String? = nil) -> ActivityEvent {
        ActivityEvent(time: at, eventID: "copy-\(at.millisecondsSinceEpoch)-\(ObjectKeyHash.hash(bucket: "", key: key) & 0xFFFF)", eventName: eventName,
                      eventCategory: "Data", awsRegion: "us-east-1", sourceIPAddress: ip, userAgent: "aws-cli/2.15.0",
                      errorCode: errorCode, recipientAccountId: account, readOnly: false, identity: identity,
                      bucketName: destination, objectKey: key, copySource: "\(source)/\(key)",
                      resources: [EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(source)/\(key)"),
                                  EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(source)", accountId: sourceAccount),
                                  EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(destination)/\(key)"),
                                  EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(destination)", accountId: destinationAccount)])
    }

    /// `count` events starting at `start`, `spacing` seconds apart.
    public static func series(_ count: Int, from start: EventTime, every spacing: Int64, _ make: (Int, EventTime) -> ActivityEvent) -> [ActivityEvent] {
        (0..<count).map { make($0, EventTime(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64($0) * spacing * 1000)) }
    }

    /// One day after another before `end`: `days` days, each at the given UTC hours.
    public static func daily(_ days: Int, before end: EventTime, atHours hours: [Int], _ make: (EventTime) -> ActivityEvent) -> [ActivityEvent] {
        var events: [ActivityEvent] = []
        let endDay = end.dayIndex
        for day in (endDay - Int64(days))..<endDay {
            for hour in hours {
                events.append(make(EventTime(secondsSinceEpoch: day * 86_400 + Int64(hour) * 3600 + 600)))
            }
        }
        return events
    }
}
