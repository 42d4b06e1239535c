import CS3HoundScan
import S3HoundCore

/// Reads one CloudTrail record (or an EventBridge envelope around one, or a `{"Records":[…]}` object)
/// into `ActivityEvent`s, taking only the fields detections use.
enum CloudTrailRecordParser {
    /// What came out of one top-level JSON value.
    enum Outcome {
        case event(ActivityEvent)
        case failure(offset: Int, reason: String)
    }

    /// Parses a top-level value; calls `emit` once per record it holds (several for a `Records` wrapper
    /// that the stream splitter did not unwrap, e.g. pretty-printed with other keys first).
    static func parse(_ bytes: UnsafeRawBufferPointer, interner: StringInterner? = nil, emit: (Outcome) -> Void) {
        var builder = RecordFields(interner: interner)
        var scanner = JSONScanner(bytes)
        do {
            guard try scanner.peekKind() == .object else {
                emit(.failure(offset: scanner.index, reason: "a record must be a JSON object"))
                return
            }
            let nested = try readMembers(&scanner, into: &builder)
            finish(bytes, builder, nested, interner: interner, emit: emit)
        } catch let error as JSONScanError {
            emit(.failure(offset: error.offset, reason: error.reason.hasPrefix("field") ? error.reason : "invalid JSON: \(error.reason)"))
        } catch {
            emit(.failure(offset: 0, reason: "\(error)"))
        }
    }

    /// The single-pass path: parses the object at the start of `text` (which may go on past it) and
    /// returns where it ends — or nil, having emitted nothing, when it is not a well-formed record
    /// (broken JSON, a field of the wrong type, or cut off by the end of `text`). The caller then
    /// cuts the record out the slow way and `parse` reports what is wrong with it, so both paths
    /// report exactly the same events and damage.
    /// With `refusingNewlines` (JSON lines), a record spread over several lines is left to the slow way too.
    static func parseLeading(_ text: UnsafeRawBufferPointer, refusingNewlines: Bool, interner: StringInterner? = nil,
                             emit: (Outcome) -> Void) -> Int? {
        var builder = RecordFields(interner: interner)
        var scanner = JSONScanner(text)
        guard let nested = try? readMembers(&scanner, into: &builder) else { return nil }
        let end = scanner.index
        if refusingNewlines, let base = text.baseAddress,
           s3h_find_byte(base.assumingMemoryBound(to: UInt8.self), end, 0, 0x0A) < end { return nil }
        finish(UnsafeRawBufferPointer(rebasing: text[0..<end]), builder, nested, interner: interner, emit: emit)
        return end
    }

    /// Where a `detail` object or a `Records` array sits in the value, when it has one.
    private struct Nested { var detail: Range<Int>?; var records: Range<Int>? }

    /// Reads the members of the object at the scanner's position into `builder`.
    private static func readMembers(_ scanner: inout JSONScanner, into builder: inout RecordFields) throws -> Nested {
        var nested = Nested()
        try scanner.forEachMember { s, key in
            if keyIs(key, "detail"), try s.peekKind() == .object {
                let start = s.index
                try s.skipValue()
                nested.detail = start..<s.index
            } else if keyIs(key, "Records"), try s.peekKind() == .array {
                let start = s.index
                try s.skipValue()
                nested.records = start..<s.index
            } else {
                try builder.read(key: key, from: &s)
            }
        }
        return nested
    }

    /// Emits the record read, or the records of the `Records` array or `detail` object it wraps.
    private static func finish(_ bytes: UnsafeRawBufferPointer, _ builder: RecordFields, _ nested: Nested, interner: StringInterner?,
                               emit: (Outcome) -> Void) {
        if builder.eventName == nil, let recordsRange = nested.records {
            var records = JSONScanner(bytes, index: recordsRange.lowerBound)
            do {
                try records.forEachElement { element, _ in
                    let start = element.index
                    try element.skipValue()
                    parse(UnsafeRawBufferPointer(rebasing: bytes[start..<element.index]), interner: interner) { outcome in
                        emit(outcome.shifted(by: start))
                    }
                }
            } catch let error as JSONScanError {
                emit(.failure(offset: error.offset, reason: "invalid JSON: \(error.reason)"))
            } catch {
                emit(.failure(offset: 0, reason: "\(error)"))
            }
        } else if builder.eventName == nil, let detailRange = nested.detail {
            parse(UnsafeRawBufferPointer(rebasing: bytes[detailRange]), interner: interner) { emit($0.shifted(by: detailRange.lowerBound)) }
        } else {
            emit(builder.build(bytes))
        }
    }
}

extension CloudTrailRecordParser.Outcome {
    /// The same outcome with its byte offset moved by `delta` (offsets are relative to the value parsed).
    func shifted(by delta: Int) -> Self {
        if case .failure(let offset, let reason) = self { return .failure(offset: offset + delta, reason: reason) }
        return self
    }
}

/// The fields of one record as they are read, before validation.
struct RecordFields {
    /// Shares the strings of fields that repeat across records (names, identities, addresses); nil builds each anew.
    let interner: StringInterner?
    var eventTime: EventTime?
    var eventTimeText: String?
    var eventID: String?
    var eventSource: String?
    var eventName: String?
    var eventCategory: String?
    var awsRegion: String?
    var sourceIPAddress: String?
    var userAgent: String?
    var errorCode: String?
    var errorMessage: String?
    var kmsKeyId: String?
    /// Byte range of `requestParameters` in the record, kept so the raw JSON is only copied when needed.
    var requestParametersRange: Range<Int>?
    var recipientAccountId: String?
    var readOnly: Bool?
    var vpcEndpointId: String?
    var identity = CallerIdentity()
    var bucketName: String?
    var objectKey: String?
    var host: String?
    var copySource: String?
    var bytesOut: Int64?
    var bytesIn: Int64?
    var authenticationMethod: String?
    var sseApplied: String?
    /// The SSE-C request header: `SSE_C` unless `additionalEventData.SSEApplied` says otherwise.
    var customerAlgorithm: String?
    var resources: [EventResource] = []

    init(interner: StringInterner?) { self.interner = interner }

    mutating func read(key: UnsafeRawBufferPointer, from s: inout JSONScanner) throws {
        if keyIs(key, "eventTime") {
            guard try s.peekKind() == .string else { throw JSONScanError(offset: s.index, reason: "field 'eventTime' should be an ISO-8601 string") }
            let raw = try s.rawString()
            if raw.hasEscapes {
                var text = try JSONScanner.unescape(raw.bytes, at: s.index)
                if let parsed = text.withUTF8({ EventTime.parse(UnsafeRawBufferPointer($0)) }) { eventTime = parsed } else { eventTimeText = text }
            } else if let parsed = EventTime.parse(raw.bytes) { eventTime = parsed } else { eventTimeText = String(decoding: raw.bytes, as: UTF8.self) }
        } else if keyIs(key, "eventName") { eventName = try s.scalarText(field: "eventName", interner: interner)
        } else if keyIs(key, "eventSource") { eventSource = try s.scalarText(field: "eventSource", interner: interner)
        } else if keyIs(key, "eventID") { eventID = try s.scalarText(field: "eventID")
        } else if keyIs(key, "eventCategory") { eventCategory = try s.scalarText(field: "eventCategory", interner: interner)
        } else if keyIs(key, "awsRegion") { awsRegion = try s.scalarText(field: "awsRegion", interner: interner)
        } else if keyIs(key, "sourceIPAddress") { sourceIPAddress = try s.scalarText(field: "sourceIPAddress", interner: interner)
        } else if keyIs(key, "userAgent") { userAgent = try s.scalarText(field: "userAgent", interner: interner)
        } else if keyIs(key, "errorCode") { errorCode = try s.scalarText(field: "errorCode", interner: interner)
        } else if keyIs(key, "errorMessage") { errorMessage = try s.scalarText(field: "errorMessage")
        } else if keyIs(key, "recipientAccountId") { recipientAccountId = try s.scalarText(field: "recipientAccountId", interner: interner)
        } else if keyIs(key, "readOnly") { readOnly = try s.boolean(field: "readOnly")
        } else if keyIs(key, "vpcEndpointId") { vpcEndpointId = try s.scalarText(field: "vpcEndpointId", interner: interner)
        } else if keyIs(key, "userIdentity") { try readIdentity(&s)
        } else if keyIs(key, "requestParameters") { try readRequestParameters(&s)
        } else if keyIs(key, "additionalEventData") { try readAdditionalData(&s)
        } else if keyIs(key, "resources") { try readResources(&s)
        } else { try s.skipValue() }
    }

    private mutating func readIdentity(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        if kind == .null { try s.skipValue(); return }
        guard kind == .object else { throw JSONScanError(offset: s.index, reason: "field 'userIdentity' should be an object") }
        try s.forEachMember { s, key in
            if keyIs(key, "type") { identity.type = try s.scalarText(field: "userIdentity.type", interner: interner)
            } else if keyIs(key, "arn") { identity.arn = try s.scalarText(field: "userIdentity.arn", interner: interner)
            } else if keyIs(key, "accountId") { identity.accountId = try s.scalarText(field: "userIdentity.accountId", interner: interner)
            } else if keyIs(key, "accessKeyId") { identity.accessKeyId = try s.scalarText(field: "userIdentity.accessKeyId", interner: interner)
            } else if keyIs(key, "principalId") { identity.principalId = try s.scalarText(field: "userIdentity.principalId", interner: interner)
            } else if keyIs(key, "invokedBy") { identity.invokedBy = try s.scalarText(field: "userIdentity.invokedBy", interner: interner)
            } else if keyIs(key, "sessionContext"), try s.peekKind() == .object {
                try s.forEachMember { s, key in
                    if keyIs(key, "ec2RoleDelivery") { identity.ec2RoleDelivery = try s.scalarText(field: "sessionContext.ec2RoleDelivery", interner: interner)
                    } else if keyIs(key, "sessionIssuer"), try s.peekKind() == .object {
                        try s.forEachMember { s, key in
                            if keyIs(key, "arn") { identity.sessionIssuerArn = try s.scalarText(field: "sessionIssuer.arn", interner: interner) } else { try s.skipValue() }
                        }
                    } else { try s.skipValue() }
                }
            } else { try s.skipValue() }
        }
    }

    private mutating func readRequestParameters(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        guard kind == .object else { try s.skipValue(); return }   // null, or a string on some producers
        let start = s.index
        defer { requestParametersRange = start..<s.index }
        try s.forEachMember { s, key in
            if keyIs(key, "bucketName") { bucketName = try s.scalarText(field: "requestParameters.bucketName", interner: interner)
            } else if keyIs(key, "key") { objectKey = try s.scalarText(field: "requestParameters.key")
            } else if keyIs(key, "Host") || keyIs(key, "host") { host = try Self.firstText(&s, field: "requestParameters.Host", interner: interner)
            } else if keyIs(key, "x-amz-copy-source") { copySource = try s.scalarText(field: "requestParameters.x-amz-copy-source")
            } else if keyIs(key, "x-amz-server-side-encryption-aws-kms-key-id") {
                kmsKeyId = try s.scalarText(field: "requestParameters.x-amz-server-side-encryption-aws-kms-key-id")
            } else if keyIs(key, "x-amz-server-side-encryption-customer-algorithm") {
                customerAlgorithm = try s.scalarText(field: "requestParameters.x-amz-server-side-encryption-customer-algorithm")
            } else { try s.skipValue() }
        }
    }

    private mutating func readAdditionalData(_ s: inout JSONScanner) throws {
        guard try s.peekKind() == .object else { try s.skipValue(); return }
        try s.forEachMember { s, key in
            if keyIs(key, "bytesTransferredOut") { bytesOut = try s.integer(field: "additionalEventData.bytesTransferredOut")
            } else if keyIs(key, "bytesTransferredIn") { bytesIn = try s.integer(field: "additionalEventData.bytesTransferredIn")
            } else if keyIs(key, "AuthenticationMethod") { authenticationMethod = try s.scalarText(field: "additionalEventData.AuthenticationMethod", interner: interner)
            } else if keyIs(key, "SSEApplied") { sseApplied = try s.scalarText(field: "additionalEventData.SSEApplied", interner: interner)
            } else { try s.skipValue() }
        }
    }

    private mutating func readResources(_ s: inout JSONScanner) throws {
        let kind = try s.peekKind()
        if kind == .null { try s.skipValue(); return }
        guard kind == .array else { throw JSONScanError(offset: s.index, reason: "field 'resources' should be an array") }
        try s.forEachElement { s, _ in
            guard try s.peekKind() == .object else { try s.skipValue(); return }
            var resource = EventResource()
            try s.forEachMember { s, key in
                if keyIs(key, "type") { resource.type = try s.scalarText(field: "resources[].type", interner: interner)
                } else if keyIs(key, "ARN") || keyIs(key, "arn") { resource.arn = try s.scalarText(field: "resources[].ARN")
                } else if keyIs(key, "accountId") { resource.accountId = try s.scalarText(field: "resources[].accountId", interner: interner)
                } else { try s.skipValue() }
            }
            resources.append(resource)
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

    func build(_ bytes: UnsafeRawBufferPointer) -> CloudTrailRecordParser.Outcome {
        guard let eventName, !eventName.isEmpty else {
            return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventName'")
        }
        guard let eventTime else {
            if let eventTimeText {
                return .failure(offset: 0, reason: "field 'eventTime' is not an ISO-8601 time: \(SafeText.terminal(String(eventTimeText.prefix(40))))")
            }
            return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventTime'")
        }
        return .event(ActivityEvent(
            time: eventTime, origin: .cloudTrail, eventID: eventID ?? "", eventSource: eventSource ?? "",
            eventName: eventName, eventCategory: eventCategory, awsRegion: awsRegion, sourceIPAddress: sourceIPAddress,
            userAgent: userAgent, errorCode: errorCode, errorMessage: errorMessage, recipientAccountId: recipientAccountId, readOnly: readOnly,
            vpcEndpointId: vpcEndpointId, identity: identity, bucketName: bucketName, objectKey: objectKey, host: host,
            copySource: copySource, bytesTransferredOut: bytesOut, bytesTransferredIn: bytesIn,
            authenticationMethod: authenticationMethod,
            sseApplied: sseApplied ?? ((customerAlgorithm ?? "").isEmpty ? nil : "SSE_C"), kmsKeyId: kmsKeyId,
            requestParametersJSON: requestParametersRange.flatMap { range in
                ActivityEvent.keepsRequestParameters(eventName) ? String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) : nil
            },
            resources: resources))
    }
}
