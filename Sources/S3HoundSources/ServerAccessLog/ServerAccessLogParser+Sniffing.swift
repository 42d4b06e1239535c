extension ServerAccessLogParser {
    /// True when a file's first line looks like a server access log line: an owner token (a 64-hex canonical id
    /// or another id without spaces), a bucket name, then a time opening as `[06/Feb/2019:`.
    public static func looksLikeServerAccessLog(_ firstLine: UnsafeRawBufferPointer) -> Bool {
        var cursor = FieldCursor(line: firstLine, end: firstLine.count)
        if firstLine.starts(with: [0xEF, 0xBB, 0xBF]) { cursor.index = 3 }
        guard let owner = cursor.token(), owner.count <= 128,
              firstLine[owner].allSatisfy(isIdentifierByte),
              let bucket = cursor.token(), bucket.count <= 255,
              firstLine[bucket].allSatisfy(isBucketByte) else { return false }
        cursor.skipSpaces()
        // [dd/Mon/yyyy:
        let start = cursor.index
        guard start + 13 <= firstLine.count else { return false }
        let time = UnsafeRawBufferPointer(rebasing: firstLine[start..<(start + 13)])
        return time[0] == LineByte.openBracket && LineByte.isDigit(time[1]) && LineByte.isDigit(time[2])
            && time[3] == UInt8(ascii: "/") && ServerAccessLogTime.month(time[4], time[5], time[6]) != nil
            && time[7] == UInt8(ascii: "/") && time[8...11].allSatisfy(LineByte.isDigit) && time[12] == UInt8(ascii: ":")
    }

    /// True when a first line of text looks like a server access log line.
    public static func looksLikeServerAccessLog(_ firstLine: String) -> Bool {
        var copy = firstLine
        return copy.withUTF8 { looksLikeServerAccessLog(UnsafeRawBufferPointer($0)) }
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// Bucket names: lower-case letters, digits, dots and hyphens (and, in legacy us-east-1 buckets, upper case and `_`).
    private static func isBucketByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
