import S3HoundCore

/// Reads Amazon S3 server access log lines into `ActivityEvent`s (origin `.serverAccessLog`), shaped as the
/// CloudTrail record of the same call would be, so every detection reads both sources alike.
///
/// Fields (https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html): bucket owner, bucket, time,
/// remote IP, requester, request ID, operation, key, request-URI, HTTP status, error code, bytes sent, object size,
/// total time, turn-around time, referer, user agent — present in every version of the format — then version id,
/// host id, signature version, cipher suite, authentication type, host header, TLS version, access point ARN,
/// aclRequired and source Region, which older lines stop short of. Later fields are ignored.
public struct ServerAccessLogParser: Sendable {
    /// Parses the bytes of one line (without its newline) into an event, or says where and why it cannot.
    public static func parse(_ line: UnsafeRawBufferPointer) -> Result<ActivityEvent, LineParseError> {
        switch ServerAccessLogFields.split(line) {
        case .failure(let error): return .failure(error)
        case .success(let fields): return ServerAccessLogLine(line: line, fields: fields).event()
        }
    }

    /// Parses one line of text (without its newline).
    public static func parse(_ line: String) -> Result<ActivityEvent, LineParseError> {
        var copy = line
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

/// One split line, turned into an event field by field.
struct ServerAccessLogLine {
    let line: UnsafeRawBufferPointer
    let fields: ServerAccessLogFields

    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: line[range]) }

    /// True for an empty field or `-`.
    func isEmpty(_ range: Range<Int>) -> Bool { range.isEmpty || (range.count == 1 && line[range.lowerBound] == LineByte.dash) }

    /// The field as text; nil when absent, empty or `-`.
    func text(_ range: Range<Int>?) -> String? {
        guard let range, !isEmpty(range) else { return nil }
        return String(decoding: bytes(range), as: UTF8.self)
    }

    /// A number field: nil for `-`; an error naming the field otherwise.
    func number(_ range: Range<Int>, _ name: String) -> Result<Int64?, LineParseError> {
        if isEmpty(range) { return .success(nil) }
        guard range.count <= 18 else {
            return .failure(LineParseError(column: range.lowerBound, reason: "the \(name) field '\(ServerAccessLogFields.snippet(line, range))' is too long to be a number"))
        }
        var value: Int64 = 0
        for position in range {
            let byte = line[position]
            guard LineByte.isDigit(byte) else {
                return .failure(LineParseError(column: range.lowerBound, reason: "the \(name) field '\(ServerAccessLogFields.snippet(line, range))' is not a number or '-'"))
            }
            value = value * 10 + Int64(byte &- 48)
        }
        return .success(value)
    }

    func event() -> Result<ActivityEvent, LineParseError> {
        guard let time = ServerAccessLogTime.parse(bytes(fields.time)) else {
            return .failure(LineParseError(column: fields.time.lowerBound, reason: "the time '\(ServerAccessLogFields.snippet(line, fields.time))' is not a time such as [06/Feb/2019:00:00:38 +0000]"))
        }
        let status: Int64?, bytesSent: Int64?, objectSize: Int64?
        switch number(fields.httpStatus, "HTTP status") { case .success(let value): status = value; case .failure(let error): return .failure(error) }
        switch number(fields.bytesSent, "bytes sent") { case .success(let value): bytesSent = value; case .failure(let error): return .failure(error) }
        switch number(fields.objectSize, "object size") { case .success(let value): objectSize = value; case .failure(let error): return .failure(error) }
        if case .failure(let error) = number(fields.totalTime, "total time") { return .failure(error) }
        if case .failure(let error) = number(fields.turnAroundTime, "turn-around time") { return .failure(error) }

        let operationBytes = bytes(fields.operation)
        let hasKey = !isEmpty(fields.key)
        let operation = ServerAccessLogOperationIndex.shared.lookup(operationBytes)
            ?? ServerAccessLogOperation.guessed(String(decoding: operationBytes, as: UTF8.self), hasKey: hasKey)
        let bucket = text(fields.bucket)
        let key = hasKey ? PercentDecoding.decode(bytes(fields.key), passes: operation.keyEncodedOnce ? 1 : 2) : nil

        let errorCode = text(fields.errorCode) ?? status.flatMap { $0 >= 400 ? "HTTP\($0)" : nil }
        let failed = errorCode != nil
        let method = Self.method(of: operationBytes)
        let bytesOut: Int64? = LineByte.equals(method, "GET") ? (failed ? 0 : bytesSent ?? 0) : nil
        let bytesIn: Int64? = operation.isUpload ? (failed ? 0 : objectSize) : nil

        let authentication = authenticationMethod()
        var identity: CallerIdentity
        if LineByte.hasPrefix(operationBytes, "S3.") {
            // Lifecycle and other actions S3 takes itself.
            identity = CallerIdentity(type: "AWSService", invokedBy: "s3.amazonaws.com")
        } else {
            identity = ServerAccessLogRequester.identity(bytes(fields.requester))
            if authentication == "QueryString" { identity.accessKeyId = presignedAccessKey() }
        }

        let host = text(fields.hostHeader)
        let accessPoint = text(fields.accessPointARN)
        let accessPointParts = accessPoint.map(Self.arnParts)
        let region = accessPointParts?.region ?? fields.hostHeader.flatMap { isEmpty($0) ? nil : S3Endpoint.region(host: bytes($0)) }
        let vpcEndpoint = fields.hostHeader.flatMap { isEmpty($0) ? nil : S3Endpoint.vpcEndpointID(host: bytes($0)) }

        var resources: [EventResource] = []
        resources.reserveCapacity(accessPoint == nil ? 2 : 3)
        if let bucket {
            let partition = S3Endpoint.partition(region: region)
            var bucketARN = String()
            bucketARN.reserveCapacity(10 + partition.utf8.count + bucket.utf8.count)
            bucketARN += "arn:"; bucketARN += partition; bucketARN += ":s3:::"; bucketARN += bucket
            if let key {
                var objectARN = String()
                objectARN.reserveCapacity(bucketARN.utf8.count + 1 + key.utf8.count)
                objectARN += bucketARN; objectARN += "/"; objectARN += key
                resources.append(EventResource(type: "AWS::S3::Object", arn: objectARN))
            }
            resources.append(EventResource(type: "AWS::S3::Bucket", arn: bucketARN))
        }
        if let accessPoint {
            resources.append(EventResource(type: "AWS::S3::AccessPoint", arn: accessPoint, accountId: accessPointParts?.account))
        }

        return .success(ActivityEvent(
            time: time, origin: .serverAccessLog, eventID: text(fields.requestID) ?? syntheticID(),
            eventSource: "s3.amazonaws.com", eventName: operation.eventName(hasKey: hasKey), eventCategory: operation.category,
            awsRegion: region, sourceIPAddress: text(fields.remoteIP), userAgent: text(fields.userAgent), errorCode: errorCode,
            recipientAccountId: nil, readOnly: operation.readOnly, vpcEndpointId: vpcEndpoint, identity: identity,
            bucketName: bucket, objectKey: key, host: host,
            copySource: operation.isCopySourceRead ? bucket.map { $0 + "/" + (key ?? "") } : nil,
            bytesTransferredOut: bytesOut, bytesTransferredIn: bytesIn, authenticationMethod: authentication,
            resources: resources))
    }

    /// `AuthHeader` or `QueryString` from the authentication type field; for older lines without it, `QueryString`
    /// when the request URI carries a presigned signature.
    func authenticationMethod() -> String? {
        guard let field = fields.authenticationType else {
            return Self.find("X-Amz-Signature=", in: bytes(fields.requestURI)) != nil || Self.find("Signature=", in: bytes(fields.requestURI)) != nil
                ? "QueryString" : nil
        }
        let value = bytes(field)
        if LineByte.equals(value, "AuthHeader") { return "AuthHeader" }
        if LineByte.equals(value, "QueryString") { return "QueryString" }
        return text(field)
    }

    /// The access key id of a presigned URL (`X-Amz-Credential=AKIA…%2F…` or SigV2 `AWSAccessKeyId=AKIA…`).
    func presignedAccessKey() -> String? {
        let uri = bytes(fields.requestURI)
        guard let start = Self.find("X-Amz-Credential=", in: uri) ?? Self.find("AWSAccessKeyId=", in: uri) else { return nil }
        var end = start
        while end < uri.count, end - start < 128, (LineByte.isDigit(uri[end]) || uri[end] &- UInt8(ascii: "A") < 26) { end += 1 }
        guard end - start >= 16 else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: uri[start..<end]), as: UTF8.self)
    }

    /// An id for lines without a request ID: a hash of the line, so the same line always gets the same id.
    func syntheticID() -> String {
        let hash = ServerAccessLogOperationIndex.hash(line)
        return "line-" + String(hash, radix: 16)
    }

    /// The position just after `needle` in `haystack`, or nil.
    static func find(_ needle: StaticString, in haystack: UnsafeRawBufferPointer) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, haystack.count >= count else { return nil }
        let first = needle.utf8Start[0]
        var position = 0
        while position + count <= haystack.count {
            if haystack[position] == first, LineByte.hasPrefix(UnsafeRawBufferPointer(rebasing: haystack[position...]), needle) {
                return position + count
            }
            position += 1
        }
        return nil
    }

    /// The HTTP method part of `REST.GET.OBJECT` (`GET`); empty when there is none.
    static func method(of operation: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let firstDot = operation.firstIndex(of: UInt8(ascii: ".")) else { return UnsafeRawBufferPointer(rebasing: operation[0..<0]) }
        let rest = UnsafeRawBufferPointer(rebasing: operation[(firstDot + 1)...])
        let end = rest.firstIndex(of: UInt8(ascii: ".")) ?? rest.count
        return UnsafeRawBufferPointer(rebasing: rest[..<end])
    }

    /// Region and account of an ARN (`arn:aws:s3:us-east-1:123456789012:accesspoint/name`).
    static func arnParts(_ arn: String) -> (region: String?, account: String?) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return (nil, nil) }
        return (parts[3].isEmpty ? nil : String(parts[3]), parts[4].isEmpty ? nil : String(parts[4]))
    }
}
