import Foundation

/// One management event from CloudTrail LookupEvents (the last 90 days of the region's event history).
public struct CloudTrailLookupEvent: Sendable, Equatable {
    /// The event id.
    public var eventID: String
    /// The API called, e.g. `PutBucketPolicy`.
    public var eventName: String
    /// When it happened.
    public var eventTime: Date?
    /// The service, e.g. `s3.amazonaws.com`.
    public var eventSource: String?
    /// The user or role session name.
    public var username: String?
    /// The access key that signed the call.
    public var accessKeyID: String?
    /// The whole CloudTrail record, as the JSON text AWS returned (S3HoundSources reads it like a log record).
    public var cloudTrailEvent: Data

    /// Creates an event.
    public init(eventID: String, eventName: String, eventTime: Date?, eventSource: String?, username: String?,
                accessKeyID: String?, cloudTrailEvent: Data) {
        self.eventID = eventID
        self.eventName = eventName
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.username = username
        self.accessKeyID = accessKeyID
        self.cloudTrailEvent = cloudTrailEvent
    }
}
