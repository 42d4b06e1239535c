extension EventTime {
    /// Parses ISO-8601 text as logs write it: `2026-02-23T02:47:12Z`, with optional fraction,
    /// `Z` or `±HH:MM` offset, a space instead of `T`, or a bare date (`2026-02-23`, midnight UTC).
    public init?(iso8601 text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ EventTime.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses ISO-8601 bytes without allocating (the ingest hot path).
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> EventTime? {
        let n = bytes.count
        var i = 0
        @inline(__always) func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var value = 0
            for _ in 0..<count {
                let d = Int(bytes[i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                value = value * 10 + d
                i += 1
            }
            return value
        }
        @inline(__always) func expect(_ byte: UInt8) -> Bool {
            guard i < n, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2),
              expect(UInt8(ascii: "-")), let day = digits(2) else { return nil }
        var civil = CivilTime(year: year, month: month, day: day)
        var millis: Int64 = 0
        var offsetSeconds: Int64 = 0
        if i < n {
            guard bytes[i] == UInt8(ascii: "T") || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "t") else { return nil }
            i += 1
            guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2) else { return nil }
            civil.hour = hour; civil.minute = minute
            if expect(UInt8(ascii: ":")) {
                guard let second = digits(2) else { return nil }
                civil.second = second
                if i < n, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    var scale: Int64 = 100
                    var sawDigit = false
                    while i < n, bytes[i] >= 48, bytes[i] <= 57 {
                        millis += Int64(bytes[i] - 48) * scale
                        scale /= 10
                        sawDigit = true
                        i += 1
                    }
                    guard sawDigit else { return nil }
                }
            }
            if i < n {
                let sign = bytes[i]
                if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                    i += 1
                } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = expect(UInt8(ascii: ":"))
                    guard let om = digits(2) else { return nil }
                    offsetSeconds = Int64(oh * 3600 + om * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
                } else {
                    return nil
                }
            }
            guard i == n else { return nil }
        }
        guard civil.isValid else { return nil }
        return EventTime(millisecondsSinceEpoch: (civil.secondsSinceEpoch - offsetSeconds) * 1000 + millis)
    }
}
