/// Byte ranges of the fields of one server access log line, found without copying anything.
///
/// The first eight fields (owner … key) are written by S3 and never contain spaces, except the time,
/// which is bracketed. Request-URI, referer and user agent are quoted but S3 does not escape quotes
/// inside them, so closing quotes are chosen by what must follow them:
/// - the Request-URI closes at the first `"` after which the status, error code and four number fields follow;
/// - the user agent closes at the last `"` of the line followed by a space or the end (every later
///   field is unquoted), and the referer ends at the first `" "` before it. A hostile referer or user
///   agent can move text between those two, but never into the fields around them.
/// Quoted ranges exclude their quotes. Fields after the user agent are optional (older lines stop
/// earlier) and fields beyond the last known one are ignored, as AWS asks of readers.
struct ServerAccessLogFields {
    var bucketOwner = 0..<0
    var bucket = 0..<0
    /// The time including its brackets: `[06/Feb/2019:00:00:38 +0000]`.
    var time = 0..<0
    var remoteIP = 0..<0
    var requester = 0..<0
    var requestID = 0..<0
    var operation = 0..<0
    var key = 0..<0
    var requestURI = 0..<0
    var httpStatus = 0..<0
    var errorCode = 0..<0
    var bytesSent = 0..<0
    var objectSize = 0..<0
    var totalTime = 0..<0
    var turnAroundTime = 0..<0
    var referer = 0..<0
    var userAgent = 0..<0
    var versionID: Range<Int>?
    var hostID: Range<Int>?
    var signatureVersion: Range<Int>?
    var cipherSuite: Range<Int>?
    var authenticationType: Range<Int>?
    var hostHeader: Range<Int>?
    var tlsVersion: Range<Int>?
    var accessPointARN: Range<Int>?
    var aclRequired: Range<Int>?
    var sourceRegion: Range<Int>?

    /// The number of fields every published version of the format has (owner through user agent).
    static let requiredFieldCount = 17

    /// Names of the fields in order, for error messages.
    static let names = ["bucket owner", "bucket", "time", "remote IP", "requester", "request ID", "operation", "key",
                        "request URI", "HTTP status", "error code", "bytes sent", "object size", "total time",
                        "turn-around time", "referer", "user agent"]

    /// Splits `line` (without its newline; a trailing carriage return is ignored).
    static func split(_ line: UnsafeRawBufferPointer) -> Result<ServerAccessLogFields, LineParseError> {
        var end = line.count
        while end > 0, line[end - 1] == LineByte.cr || line[end - 1] == LineByte.space { end -= 1 }
        var cursor = FieldCursor(line: line, end: end)
        var fields = ServerAccessLogFields()

        func missing(_ index: Int) -> LineParseError {
            let after = index == 0 ? "the line is empty" : "the line ends after the \(names[index - 1]) field"
            return LineParseError(column: end, reason: "\(after); a server access log line has at least \(requiredFieldCount) fields (bucket owner through user agent), so the \(names[index]) field is missing")
        }

        guard let owner = cursor.token() else { return .failure(missing(0)) }
        fields.bucketOwner = owner
        guard let bucket = cursor.token() else { return .failure(missing(1)) }
        fields.bucket = bucket

        // [06/Feb/2019:00:00:38 +0000] holds a space, so it runs to its closing bracket.
        cursor.skipSpaces()
        guard cursor.index < end else { return .failure(missing(2)) }
        let timeStart = cursor.index
        guard line[timeStart] == LineByte.openBracket else {
            return .failure(LineParseError(column: timeStart, reason: "the time field should start with '[' as in [06/Feb/2019:00:00:38 +0000], found '\(snippet(line, timeStart..<min(end, timeStart + 30)))'"))
        }
        var close = timeStart + 1
        while close < end, close < timeStart + 40, line[close] != LineByte.closeBracket { close += 1 }
        guard close < end, line[close] == LineByte.closeBracket else {
            return .failure(LineParseError(column: timeStart, reason: "the time field has no closing ']'; expected a time such as [06/Feb/2019:00:00:38 +0000]"))
        }
        fields.time = timeStart..<(close + 1)
        cursor.index = close + 1

        guard let remoteIP = cursor.token() else { return .failure(missing(3)) }
        guard let requester = cursor.token() else { return .failure(missing(4)) }
        guard let requestID = cursor.token() else { return .failure(missing(5)) }
        guard let operation = cursor.token() else { return .failure(missing(6)) }
        guard let key = cursor.token() else { return .failure(missing(7)) }
        fields.remoteIP = remoteIP; fields.requester = requester; fields.requestID = requestID
        fields.operation = operation; fields.key = key

        switch cursor.requestURI() {
        case .none: return .failure(missing(8))
        case .some(.failure(let error)): return .failure(error)
        case .some(.success(let range)): fields.requestURI = range
        }

        guard let httpStatus = cursor.token() else { return .failure(missing(9)) }
        guard let errorCode = cursor.token() else { return .failure(missing(10)) }
        guard let bytesSent = cursor.token() else { return .failure(missing(11)) }
        guard let objectSize = cursor.token() else { return .failure(missing(12)) }
        guard let totalTime = cursor.token() else { return .failure(missing(13)) }
        guard let turnAroundTime = cursor.token() else { return .failure(missing(14)) }
        fields.httpStatus = httpStatus; fields.errorCode = errorCode; fields.bytesSent = bytesSent
        fields.objectSize = objectSize; fields.totalTime = totalTime; fields.turnAroundTime = turnAroundTime

        switch cursor.refererAndUserAgent() {
        case .failure(let error): return .failure(error)
        case .success(let pair):
            guard let referer = pair.referer else { return .failure(missing(15)) }
            guard let userAgent = pair.userAgent else { return .failure(missing(16)) }
            fields.referer = referer
            fields.userAgent = userAgent
        }

        fields.versionID = cursor.token()
        fields.hostID = cursor.token()
        fields.signatureVersion = cursor.token()
        fields.cipherSuite = cursor.token()
        fields.authenticationType = cursor.token()
        fields.hostHeader = cursor.token()
        fields.tlsVersion = cursor.token()
        fields.accessPointARN = cursor.token()
        fields.aclRequired = cursor.token()
        fields.sourceRegion = cursor.token()
        return .success(fields)
    }

    /// Up to 40 bytes of a field as text, for messages.
    static func snippet(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let clipped = range.lowerBound..<min(range.upperBound, range.lowerBound + 40)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: line[clipped]), as: UTF8.self)
        return clipped.upperBound < range.upperBound ? text + "…" : text
    }
}
