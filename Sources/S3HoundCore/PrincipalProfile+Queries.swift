extension PrincipalProfile {
    /// True when the principal used this source IP in its history.
    public func knows(ip: String) -> Bool { sourceIPs[ip] != nil }

    /// True when the principal was active at this UTC hour of day (0–23) in its history.
    public func knowsHour(_ hour: Int) -> Bool { (0..<24).contains(hour) && hourOfDay[hour] > 0 }

    /// True when the principal used this user-agent family in its history.
    public func knows(userAgentFamily family: String) -> Bool { userAgentFamilies[family] != nil }

    /// Active UTC days wholly before the day of `time` (the day `time` falls on is not counted).
    public func activeDays(before time: EventTime) -> Int {
        let day = time.dayIndex
        return activeDayIndexes.reduce(0) { $1 < day ? $0 + 1 : $0 }
    }

    /// The busiest clock hour of reads: the most requests and the most bytes in any one hour (each its own
    /// maximum, possibly from different hours); zero when the principal never read an object.
    public var peakHourlyReads: Volume {
        hourlyReads.values.reduce(into: Volume()) { peak, hour in
            peak.requests = max(peak.requests, hour.requests)
            peak.bytes = max(peak.bytes, hour.bytes)
        }
    }

    /// The `p`th percentile (0–100) of a read series over the hours or days with reads, linearly
    /// interpolated between ranks (p50 is the median, p100 the maximum); nil when there were no reads.
    public func percentile(_ p: Double, of measure: VolumeMeasure) -> Double? {
        let values: [Double]
        switch measure {
        case .hourlyRequests: values = hourlyReads.values.map { Double($0.requests) }
        case .hourlyBytes: values = hourlyReads.values.map { Double($0.bytes) }
        case .dailyRequests: values = dailyReads.values.map { Double($0.requests) }
        case .dailyBytes: values = dailyReads.values.map { Double($0.bytes) }
        }
        return Self.percentile(p, of: values)
    }

    /// The `p`th percentile (0–100) of `values`, linearly interpolated; nil for no values.
    public static func percentile(_ p: Double, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = min(max(p.isNaN ? 0 : p, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - Double(lower))
    }

    /// Adds another profile of the same principal (for example learned history and the input's own history).
    /// Counts add up, so merge only profiles built from different events.
    public mutating func merge(_ other: PrincipalProfile) {
        if identityType == nil { identityType = other.identityType }
        if accountId == nil { accountId = other.accountId }
        if other.firstSeen < firstSeen { firstSeen = other.firstSeen }
        if lastSeen < other.lastSeen { lastSeen = other.lastSeen }
        activeDayIndexes.formUnion(other.activeDayIndexes)
        sourceIPs.merge(other.sourceIPs) { $0.merging($1) }
        userAgentFamilies.merge(other.userAgentFamilies) { $0.merging($1) }
        buckets.merge(other.buckets) { $0.merging($1) }
        for hour in 0..<24 { hourOfDay[hour] += other.hourOfDay[hour] }
        hourlyReads.merge(other.hourlyReads) { var sum = $0; sum += $1; return sum }
        dailyReads.merge(other.dailyReads) { var sum = $0; sum += $1; return sum }
    }
}
