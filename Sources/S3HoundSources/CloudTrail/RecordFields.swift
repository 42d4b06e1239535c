import CS3HoundScan
import S3HoundCore

/// The fields of one record as they are read, before validation. Members are known by the numbers the C reader
/// gives them (`s3h_key_field`, `S3H_EVENT_NAME`…): the scanner path (`read(field:from:)`) and the one-pass path
/// (`init(slots:…)`) fill the same properties through the same `setText`.
struct RecordFields {
    /// Shares the strings of fields that repeat across records (names, identities, addresses); nil builds each anew.
    let interner: StringInterner?
    /// The event as read so far, filled in place (so `build` hands it over without copying its strings). Its time
    /// and name are placeholders until `hasEventTime` and `hasEventName`.
    var event = Self.placeholder
    /// `eventName` was met and is not null (an empty name is present, and refused by `build`).
    var hasEventName = false
    var hasEventTime = false
    /// An `eventTime` that is not a time, kept for the error that names it.
    var eventTimeText: String?
    /// Byte range of `requestParameters` in the record, kept so the raw JSON is only copied when needed.
    var requestParametersRange: Range<Int>?
    /// The SSE-C request header: `SSE_C` unless `additionalEventData.SSEApplied` says otherwise.
    var customerAlgorithm: String?

    init(interner: StringInterner?) { self.interner = interner }

    /// An event with nothing read: empty texts (which need no storage), no time.
    private static let placeholder = ActivityEvent(time: EventTime(millisecondsSinceEpoch: 0), eventSource: "", eventName: "")

    /// The number of member `key` of an object of `context` (`S3H_CONTEXT_…`), or -1 for one not kept.
    @inline(__always)
    static func field(_ key: UnsafeRawBufferPointer, in context: Int) -> Int {
        Int(s3h_key_field(Int32(context), key.baseAddress?.assumingMemoryBound(to: UInt8.self), key.count))
    }

    /// Reads the value of member `field` at the scanner's position (any member of the record's own object or of
    /// `userIdentity`, `sessionContext`, `sessionIssuer`, `requestParameters`, `additionalEventData`); -1 skips it.
    mutating func read(field: Int, from s: inout JSONScanner) throws {
        switch field {
        case S3H_EVENT_TIME:
            guard try s.peekKind() == .string else { throw JSONScanError(offset: s.index, reason: "field 'eventTime' should be an ISO-8601 string") }
            let raw = try s.rawString()
            if raw.hasEscapes {
                var text = try JSONScanner.unescape(raw.bytes, at: s.index)
                text.withUTF8 { setEventTime(UnsafeRawBufferPointer($0)) }
            } else {
                setEventTime(raw.bytes)
            }
        case S3H_READ_ONLY: event.readOnly = try s.boolean(field: "readOnly")
        case S3H_BYTES_OUT: event.bytesTransferredOut = try s.integer(field: "additionalEventData.bytesTransferredOut")
        case S3H_BYTES_IN: event.bytesTransferredIn = try s.integer(field: "additionalEventData.bytesTransferredIn")
        case S3H_HOST: event.host = try Self.firstText(&s, field: "requestParameters.Host", interner: interner)
        case S3H_USER_IDENTITY: try readIdentity(&s)
        case S3H_REQUEST_PARAMETERS: try readRequestParameters(&s)
        case S3H_RESOURCES: try readResources(&s)
        case S3H_ADDITIONAL_DATA: try readObjectIfOne(&s, context: S3H_CONTEXT_ADDITIONAL)
        case S3H_SESSION_CONTEXT: try readObjectIfOne(&s, context: S3H_CONTEXT_SESSION)
        case S3H_SESSION_ISSUER: try readObjectIfOne(&s, context: S3H_CONTEXT_ISSUER)
        case -1, S3H_DETAIL, S3H_RECORDS: try s.skipValue()
        default:
            setText(field, try s.scalarText(field: Self.name(field), interner: Self.interns(field) ? interner : nil))
        }
    }

    /// `eventTime` from its text (escapes resolved): the time, or the text kept for the error that names it.
    /// A second `eventTime` replaces the first, as every member does.
    mutating func setEventTime(_ text: UnsafeRawBufferPointer) {
        if let parsed = EventTime.parse(text) {
            event.time = parsed
            hasEventTime = true
            eventTimeText = nil
        } else {
            hasEventTime = false
            eventTimeText = String(decoding: text, as: UTF8.self)
        }
    }

    /// The name errors give text member `field`.
    static func name(_ field: Int) -> String {
        switch field {
        case S3H_EVENT_NAME: "eventName"
        case S3H_EVENT_SOURCE: "eventSource"
        case S3H_EVENT_ID: "eventID"
        case S3H_EVENT_CATEGORY: "eventCategory"
        case S3H_AWS_REGION: "awsRegion"
        case S3H_SOURCE_IP: "sourceIPAddress"
        case S3H_USER_AGENT: "userAgent"
        case S3H_ERROR_CODE: "errorCode"
        case S3H_ERROR_MESSAGE: "errorMessage"
        case S3H_RECIPIENT_ACCOUNT: "recipientAccountId"
        case S3H_VPC_ENDPOINT: "vpcEndpointId"
        case S3H_IDENTITY_TYPE: "userIdentity.type"
        case S3H_IDENTITY_ARN: "userIdentity.arn"
        case S3H_IDENTITY_ACCOUNT: "userIdentity.accountId"
        case S3H_IDENTITY_ACCESS_KEY: "userIdentity.accessKeyId"
        case S3H_IDENTITY_PRINCIPAL: "userIdentity.principalId"
        case S3H_IDENTITY_INVOKED_BY: "userIdentity.invokedBy"
        case S3H_EC2_ROLE_DELIVERY: "sessionContext.ec2RoleDelivery"
        case S3H_ISSUER_ARN: "sessionIssuer.arn"
        case S3H_BUCKET_NAME: "requestParameters.bucketName"
        case S3H_OBJECT_KEY: "requestParameters.key"
        case S3H_COPY_SOURCE: "requestParameters.x-amz-copy-source"
        case S3H_KMS_KEY_ID: "requestParameters.x-amz-server-side-encryption-aws-kms-key-id"
        case S3H_CUSTOMER_ALGORITHM: "requestParameters.x-amz-server-side-encryption-customer-algorithm"
        case S3H_AUTH_METHOD: "additionalEventData.AuthenticationMethod"
        case S3H_SSE_APPLIED: "additionalEventData.SSEApplied"
        default: "field \(field)"
        }
    }

    /// Whether the texts of member `field` repeat enough across records to intern (not ids, messages, keys).
    @inline(__always)
    static func interns(_ field: Int) -> Bool {
        switch field {
        case S3H_EVENT_ID, S3H_ERROR_MESSAGE, S3H_OBJECT_KEY, S3H_COPY_SOURCE, S3H_KMS_KEY_ID, S3H_CUSTOMER_ALGORITHM: false
        default: true
        }
    }

    /// Sets text member `field`.
    mutating func setText(_ field: Int, _ text: String?) {
        switch field {
        case S3H_EVENT_NAME:
            hasEventName = text != nil
            event.eventName = text ?? ""
        case S3H_EVENT_SOURCE: event.eventSource = text ?? ""
        case S3H_EVENT_ID: event.eventID = text ?? ""
        case S3H_EVENT_CATEGORY: event.eventCategory = text
        case S3H_AWS_REGION: event.awsRegion = text
        case S3H_SOURCE_IP: event.sourceIPAddress = text
        case S3H_USER_AGENT: event.userAgent = text
        case S3H_ERROR_CODE: event.errorCode = text
        case S3H_ERROR_MESSAGE: event.errorMessage = text
        case S3H_RECIPIENT_ACCOUNT: event.recipientAccountId = text
        case S3H_VPC_ENDPOINT: event.vpcEndpointId = text
        case S3H_IDENTITY_TYPE: event.identity.type = text
        case S3H_IDENTITY_ARN: event.identity.arn = text
        case S3H_IDENTITY_ACCOUNT: event.identity.accountId = text
        case S3H_IDENTITY_ACCESS_KEY: event.identity.accessKeyId = text
        case S3H_IDENTITY_PRINCIPAL: event.identity.principalId = text
        case S3H_IDENTITY_INVOKED_BY: event.identity.invokedBy = text
        case S3H_EC2_ROLE_DELIVERY: event.identity.ec2RoleDelivery = text
        case S3H_ISSUER_ARN: event.identity.sessionIssuerArn = text
        case S3H_BUCKET_NAME: event.bucketName = text
        case S3H_OBJECT_KEY: event.objectKey = text
        case S3H_COPY_SOURCE: event.copySource = text
        case S3H_KMS_KEY_ID: event.kmsKeyId = text
        case S3H_CUSTOMER_ALGORITHM: customerAlgorithm = text
        case S3H_AUTH_METHOD: event.authenticationMethod = text
        case S3H_SSE_APPLIED: event.sseApplied = text
        default: break
        }
    }

    /// Reads the members of the object at the scanner's position, numbered as in `context`.
    private mutating func readObject(_ s: inout JSONScanner, context: Int) throws {
        try s.forEachMember { s, key in try read(field: Self.field(key, in: context), from: &s) }
    }

    /// Reads the members of an object, or skips a value of another kind (null, or text on some producers).
    private mutating func readObjectIfOne(_ s: inout JSONScanner, context: Int) throws {
        if try s.peekKind() == .object { try readObject(&s, context: context) } else { try s.skipValue() }
    }

    private mutating func readIdentity(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        if kind == .null { try s.skipValue(); return }
        guard kind == .object else { throw JSONScanError(offset: s.index, reason: "field 'userIdentity' should be an object") }
        try readObject(&s, context: S3H_CONTEXT_IDENTITY)
    }

    private mutating func readRequestParameters(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        guard kind == .object else { try s.skipValue(); return }
        let start = s.index
        defer { requestParametersRange = start..<s.index }
        try readObject(&s, context: S3H_CONTEXT_REQUEST)
    }

    private mutating func readResources(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        if kind == .null { try s.skipValue(); return }
        guard kind == .array else { throw JSONScanError(offset: s.index, reason: "field 'resources' should be an array") }
        try s.forEachElement { s, _ in
            guard try s.peekKind() == .object else { try s.skipValue(); return }
            var resource = EventResource()
            try s.forEachMember { s, key in
                let field = Self.field(key, in: S3H_CONTEXT_RESOURCE)
                if field < 0 { try s.skipValue() } else { try Self.read(resourceField: field, of: &resource, from: &s, interner: interner) }
            }
            event.resources.append(resource)
        }
    }

    /// Reads member `field` (`S3H_RESOURCE_…`) of a resource.
    static func read(resourceField field: Int, of resource: inout EventResource, from s: inout JSONScanner, interner: StringInterner?) throws {
        switch field {
        case S3H_RESOURCE_TYPE: resource.type = try s.scalarText(field: "resources[].type", interner: interner)
        case S3H_RESOURCE_ARN: resource.arn = try s.scalarText(field: "resources[].ARN")
        default: resource.accountId = try s.scalarText(field: "resources[].accountId", interner: interner)
        }
    }

    /// A string, or the first string of an array (`"host": ["s3.us-west-2.amazonaws.com"]`).
    private static func firstText(_ s: inout JSONScanner, field: String, interner: StringInterner?) throws -> String? {
        guard try s.peekKind() == .array else { return try s.scalarText(field: field, interner: interner) }
        var first: String?
        try s.forEachElement { s, position in
            if position == 0 { first = try s.scalarText(field: field, interner: interner) } else { try s.skipValue() }
        }
        return first
    }

    /// The event read, handed over (the builder keeps a placeholder), or why the record is not one.
    mutating func build(_ bytes: UnsafeRawBufferPointer) -> CloudTrailRecordParser.Outcome {
        guard hasEventName, !event.eventName.isEmpty else {
            return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventName'")
        }
        guard hasEventTime else {
            if let eventTimeText {
                return .failure(offset: 0, reason: "field 'eventTime' is not an ISO-8601 time: \(SafeText.terminal(String(eventTimeText.prefix(40))))")
            }
            return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventTime'")
        }
        if event.sseApplied == nil, let customerAlgorithm, !customerAlgorithm.isEmpty { event.sseApplied = "SSE_C" }
        if let range = requestParametersRange, ActivityEvent.keepsRequestParameters(event.eventName) {
            event.requestParametersJSON = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var built = Self.placeholder
        swap(&built, &event)
        return .event(built)
    }
}
