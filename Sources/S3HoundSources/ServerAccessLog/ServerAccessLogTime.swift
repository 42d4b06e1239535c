import S3HoundCore

/// The `[%d/%b/%Y:%H:%M:%S %z]` time of server access logs, e.g. `[06/Feb/2019:00:00:38 +0000]`.
enum ServerAccessLogTime {
    /// Parses the bracketed time (brackets included); nil unless it is exactly that form and a real instant.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> EventTime? {
        // [dd/Mon/yyyy:HH:MM:SS +hhmm] is 28 bytes.
        guard bytes.count == 28, bytes[0] == LineByte.openBracket, bytes[27] == LineByte.closeBracket,
              bytes[3] == UInt8(ascii: "/"), bytes[7] == UInt8(ascii: "/"), bytes[12] == UInt8(ascii: ":"),
              bytes[15] == UInt8(ascii: ":"), bytes[18] == UInt8(ascii: ":"), bytes[21] == LineByte.space,
              let day = digits(bytes, 1, 2), let month = month(bytes[4], bytes[5], bytes[6]), let year = digits(bytes, 8, 4),
              let hour = digits(bytes, 13, 2), let minute = digits(bytes, 16, 2), let second = digits(bytes, 19, 2),
              let offsetHours = digits(bytes, 23, 2), let offsetMinutes = digits(bytes, 25, 2), offsetMinutes < 60 else { return nil }
        let sign: Int64
        switch bytes[22] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard civil.isValid else { return nil }
        let offset = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
        return EventTime(secondsSinceEpoch: civil.secondsSinceEpoch - offset)
    }

    /// `count` decimal digits starting at `start`.
    @inline(__always) static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let byte = bytes[i]
            guard LineByte.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte &- 48)
        }
        return value
    }

    /// 1…12 for an English month abbreviation in any case (`Feb`, `FEB`).
    static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        // Lower-case letters, packed into one number to switch on.
        let key = UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20)
        switch key {
        case 0x6A616E: return 1    // jan
        case 0x666562: return 2    // feb
        case 0x6D6172: return 3    // mar
        case 0x617072: return 4    // apr
        case 0x6D6179: return 5    // may
        case 0x6A756E: return 6    // jun
        case 0x6A756C: return 7    // jul
        case 0x617567: return 8    // aug
        case 0x736570: return 9    // sep
        case 0x6F6374: return 10   // oct
        case 0x6E6F76: return 11   // nov
        case 0x646563: return 12   // dec
        default: return nil
        }
    }
}
