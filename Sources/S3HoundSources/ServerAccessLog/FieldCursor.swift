#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the fields of a line left to right; runs of spaces separate fields. Server access logs and VPC Flow Logs
/// both read their lines with it.
struct FieldCursor {
    let line: UnsafeRawBufferPointer
    let end: Int
    var index = 0

    init(line: UnsafeRawBufferPointer, end: Int) { self.line = line; self.end = end }

    mutating func skipSpaces() {
        while index < end, line[index] == LineByte.space { index += 1 }
    }

    /// The next space-delimited field, or nil at the end of the line.
    mutating func token() -> Range<Int>? {
        skipSpaces()
        guard index < end else { return nil }
        let start = index
        // memchr scans many bytes at a time; owner ids, host ids and hosts are long.
        if let base = line.baseAddress, let found = memchr(base + start, Int32(LineByte.space), end - start) {
            index = base.distance(to: UnsafeRawPointer(found))
        } else {
            index = end
        }
        return start..<index
    }

    /// True when a `"` at `position` can close a quoted field: a space or the end follows it.
    func closes(at position: Int) -> Bool {
        line[position] == LineByte.quote && (position + 1 == end || line[position + 1] == LineByte.space)
    }

    /// The Request-URI: quoted (contents without quotes) or a bare token such as `-`. S3 does not escape quotes in
    /// it, so it closes at the first quote after which the next six fields read as status … turn-around time.
    mutating func requestURI() -> Result<Range<Int>, LineParseError>? {
        skipSpaces()
        guard index < end else { return nil }
        guard line[index] == LineByte.quote else { return token().map { .success($0) } }
        let open = index
        var firstClose: Int?
        var position = open + 1
        while position < end {
            if closes(at: position) {
                if firstClose == nil { firstClose = position }
                if looksLikeStatus(after: position) {
                    index = position + 1
                    return .success((open + 1)..<position)
                }
            }
            position += 1
        }
        guard let close = firstClose else {
            return .failure(LineParseError(column: open, reason: "the request URI opens a quote that is never closed; the line is cut short or damaged"))
        }
        // No closing quote is followed by a status: take the first and let the status check explain.
        index = close + 1
        return .success((open + 1)..<close)
    }

    /// True when what follows the quote at `position` reads as the fields after a request URI: a status
    /// (`200` or `-`), an error code, then bytes sent, object size, total time and turn-around time (numbers or `-`).
    private func looksLikeStatus(after position: Int) -> Bool {
        var i = position + 1
        /// The next field's bounds, or nil at the end of the line.
        func next() -> Range<Int>? {
            while i < end, line[i] == LineByte.space { i += 1 }
            guard i < end else { return nil }
            let start = i
            while i < end, line[i] != LineByte.space { i += 1 }
            return start..<i
        }
        func isDash(_ field: Range<Int>) -> Bool { field.count == 1 && line[field.lowerBound] == LineByte.dash }
        func isNumber(_ field: Range<Int>) -> Bool { isDash(field) || field.allSatisfy { LineByte.isDigit(line[$0]) } }
        guard let status = next(), isDash(status) || (status.count == 3 && isNumber(status)), next() != nil else { return false }
        for _ in 0..<4 {
            guard let field = next(), isNumber(field) else { return false }
        }
        return true
    }

    /// The referer and user agent (either may be quoted or a bare `-`); nil members when the line ends first.
    mutating func refererAndUserAgent() -> Result<(referer: Range<Int>?, userAgent: Range<Int>?), LineParseError> {
        skipSpaces()
        guard index < end else { return .success((nil, nil)) }
        let refererStart = index
        // The last quote that can close a field: every field after the user agent is unquoted.
        var lastClose: Int?
        var position = end - 1
        while position > refererStart {
            if closes(at: position) { lastClose = position; break }
            position -= 1
        }
        let referer: Range<Int>
        if line[refererStart] == LineByte.quote {
            guard let last = lastClose else {
                return .failure(LineParseError(column: refererStart, reason: "the referer opens a quote that is never closed; the line is cut short or damaged"))
            }
            if let (refererClose, agentOpen) = splitPoint(from: refererStart + 1, to: last) {
                index = last + 1
                return .success(((refererStart + 1)..<refererClose, (agentOpen + 1)..<last))
            }
            referer = (refererStart + 1)..<last
            index = last + 1
        } else {
            guard let range = token() else { return .success((nil, nil)) }
            referer = range
        }
        skipSpaces()
        guard index < end else { return .success((referer, nil)) }
        guard line[index] == LineByte.quote else { return .success((referer, token())) }
        guard let last = lastClose, last > index else {
            return .failure(LineParseError(column: index, reason: "the user agent opens a quote that is never closed; the line is cut short or damaged"))
        }
        let open = index
        index = last + 1
        return .success((referer, (open + 1)..<last))
    }

    /// The first `" "` (close quote, spaces, open quote) strictly between `start` and `limit`.
    private func splitPoint(from start: Int, to limit: Int) -> (close: Int, open: Int)? {
        var position = start
        while position < limit {
            if line[position] == LineByte.quote, position + 1 < limit, line[position + 1] == LineByte.space {
                var next = position + 1
                while next < limit, line[next] == LineByte.space { next += 1 }
                if next < limit, line[next] == LineByte.quote { return (position, next) }
            }
            position += 1
        }
        return nil
    }
}

/// ASCII bytes the line parsers look for.
enum LineByte {
    static var space: UInt8 { UInt8(ascii: " ") }
    static var quote: UInt8 { UInt8(ascii: "\"") }
    static var dash: UInt8 { UInt8(ascii: "-") }
    static var cr: UInt8 { UInt8(ascii: "\r") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
    static var percent: UInt8 { UInt8(ascii: "%") }

    /// True for `0`…`9`.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// True when `bytes` begins with the ASCII `prefix`.
    @inline(__always) static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let literal = prefix.utf8Start
        for position in 0..<count where bytes[position] != literal[position] { return false }
        return true
    }

    /// True when both hold the same bytes.
    @inline(__always) static func equals(_ bytes: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == other.count else { return false }
        for position in 0..<bytes.count where bytes[position] != other[position] { return false }
        return true
    }

    /// True when `bytes` are exactly the ASCII `literal`.
    @inline(__always) static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && hasPrefix(bytes, literal)
    }
}
