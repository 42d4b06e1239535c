import S3HoundCore

/// Calendar fields of a UTC second, plus the file-name stamps CloudTrail uses.
struct CivilFields {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(_ secondsSinceEpoch: Int64) {
        let civil = CivilTime(millisecondsSinceEpoch: secondsSinceEpoch * 1000)
        year = civil.year; month = civil.month; day = civil.day
        hour = civil.hour; minute = civil.minute; second = civil.second
    }

    /// `YYYY/MM/DD`, the day folder of the S3 delivery layout.
    var folder: String { "\(year)/\(two(month))/\(two(day))" }
    /// `YYYYMMDD`.
    var compactDate: String { "\(year)\(two(month))\(two(day))" }
    /// `YYYYMMDDTHHMMZ`, the stamp of a log file name.
    var minuteStamp: String { "\(compactDate)T\(two(hour))\(two(minute))Z" }
    /// `YYYYMMDDTHHMMSSZ`, the stamp of a digest file name.
    var secondStamp: String { "\(compactDate)T\(two(hour))\(two(minute))\(two(second))Z" }
    /// Monday = 0 … Sunday = 6.
    static func weekday(dayStart: Int64) -> Int { Int((dayStart.floorDivided(by: 86_400) + 3) % 7 + 7) % 7 }
}
