import S3HoundCore

extension CaseEvents {
    /// A call other than GetObject/CopyObject: a configuration change with its `requestParameters` JSON, or an
    /// object call by name.
    public static func call(_ eventName: String, at: EventTime, by identity: CallerIdentity, from ip: String = "203.0.113.10",
                            source: String = "s3.amazonaws.com", bucket: String? = nil, key: String? = nil, parameters: String? = nil,
                            userAgent: String = "aws-cli/2.15.0", errorCode: String? = nil) -> ActivityEvent {
        var resources: [EventResource] = []
        if let bucket {
            if let key { resources.append(EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(bucket)/\(key)")) }
            resources.append(EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountId: account))
        }
        return ActivityEvent(time: at, eventID: "\(eventName)-\(at.millisecondsSinceEpoch)-\(ObjectKeyHash.hash(bucket: bucket ?? "", key: key ?? "") & 0xFFFF)",
                             eventSource: source, eventName: eventName, eventCategory: key == nil ? "Management" : "Data",
                             awsRegion: "us-east-1", sourceIPAddress: ip, userAgent: userAgent, errorCode: errorCode,
                             errorMessage: errorCode.map { "\($0) (example)" }, recipientAccountId: account,
                             readOnly: eventName.hasPrefix("Get") || eventName.hasPrefix("List") || eventName.hasPrefix("Head"),
                             identity: identity, bucketName: bucket, objectKey: key, requestParametersJSON: parameters,
                             resources: resources)
    }

    /// The anonymous caller (`ANONYMOUS_PRINCIPAL`).
    public static var anonymous: CallerIdentity {
        CallerIdentity(type: "AWSAccount", accountId: CallerIdentity.anonymousAccountId, principalId: "")
    }
}
