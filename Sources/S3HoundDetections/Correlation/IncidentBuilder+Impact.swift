import S3HoundCore

extension IncidentBuilder {
    /// Reads by the incident's principals from its IPs over its span, counted once (findings overlap), and
    /// the hashes of the objects read (to join with Macie).
    func dataImpact(principals: Set<String>, ips: Set<String>, from: EventTime, to: EventTime, findings: [Finding],
                    reads: [ReadStreamKey: [Int64: ReadMinute]]) -> (DataImpact, Set<UInt64>) {
        var impact = DataImpact()
        var keyHashes: Set<UInt64> = []
        let firstMinute = from.minuteIndex
        let lastMinute = to.minuteIndex
        for (stream, minutes) in reads where principals.contains(stream.principal) && ips.contains(stream.sourceIP) {
            for (minute, tally) in minutes where minute >= firstMinute && minute <= lastMinute {
                impact.objectsRead += tally.reads
                impact.failedAttempts += tally.failed
                impact.bytesOut += tally.bytesOut
                keyHashes.formUnion(tally.keyHashes)
                impact.buckets.merge(tally.buckets) { $0.merge($1) }
            }
        }
        impact.distinctKeys = keyHashes.count
        var destinations: Set<String> = []
        for copy in findings where copy.detectionID == CrossAccountCopy.metadata.id {
            impact.objectsCopiedOut += copy.requestCount - copy.failedCount
            if let account = copy.evidence["destinationAccount"] { destinations.insert(account) }
            impact.buckets.merge(copy.buckets) { $0.merge($1) }
        }
        impact.destinationAccounts = destinations.sorted()
        return (impact, keyHashes)
    }

    /// Macie's sensitive-data findings on the buckets read, joined on bucket and key: which objects read
    /// hold which kinds of sensitive data.
    func sensitiveData(buckets: Set<String>, keyHashes: Set<UInt64>, activity: ActivityAccumulator) -> [SensitiveDataImpact] {
        let macie = activity.serviceFindings.values.filter(\.isSensitiveData)
        guard !macie.isEmpty else { return [] }
        var rows: [SensitiveDataImpact] = []
        for bucket in buckets.sorted() {
            let relevant = macie.filter { $0.buckets.contains(bucket) || $0.objects.contains { $0.bucket == bucket } }
            guard !relevant.isEmpty else { continue }
            var flagged: Set<String> = []
            var read: Set<String> = []
            var types: [String: SensitiveDataHit] = [:]
            var bucketLevel = false
            for finding in relevant {
                let objects = finding.objects.filter { $0.bucket == bucket }
                if objects.isEmpty || objects.allSatisfy({ $0.key == nil }) { bucketLevel = true }
                for object in objects {
                    guard let key = object.key else { continue }
                    flagged.insert(key)
                    let wasRead = keyHashes.contains(ObjectKeyHash.hash(bucket: bucket, key: key))
                    if wasRead { read.insert(key) }
                    guard wasRead || bucketLevel else { continue }
                    for hit in object.sensitiveData {
                        types[hit.category + "/" + hit.type, default: SensitiveDataHit(category: hit.category, type: hit.type, count: 0)].count += hit.count
                    }
                }
            }
            let severity = relevant.max { $0.severity < $1.severity }.flatMap { $0.severityLabel ?? $0.severity.rawValue.capitalized }
            // A bucket flagged only as a whole, or whose flagged objects were not read, still says what it holds.
            if read.isEmpty {
                for finding in relevant { for object in finding.objects where object.bucket == bucket {
                    for hit in object.sensitiveData { types[hit.category + "/" + hit.type, default: SensitiveDataHit(category: hit.category, type: hit.type, count: 0)].count += hit.count }
                } }
            }
            rows.append(SensitiveDataImpact(bucket: bucket, objectsFlagged: flagged.count, objectsRead: flagged.isEmpty ? nil : read.count,
                                            types: types.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type },
                                            macieSeverity: severity, findingIds: relevant.map(\.id).sorted()))
        }
        return rows
    }

    func ipActivity(profile: PrincipalActivity?, ips: Set<String>, from: EventTime, to: EventTime, newIPs: Set<String>, findings: [Finding]) -> [SourceIPActivity] {
        var rows: [String: SourceIPActivity] = [:]
        if let profile {
            for ip in ips {
                guard let use = profile.ips[ip] else { continue }
                for (hour, tally) in use.hours where hour >= from.hourIndex && hour <= to.hourIndex {
                    rows[ip, default: SourceIPActivity(ip: ip, requests: 0, newForPrincipal: newIPs.contains(ip))].requests += tally.count
                    rows[ip]!.failed += tally.failed
                }
            }
        }
        for ip in ips where rows[ip] == nil {
            let requests = findings.compactMap { $0.sourceIPs[ip] }.max() ?? 0
            rows[ip] = SourceIPActivity(ip: ip, requests: requests, newForPrincipal: newIPs.contains(ip))
        }
        for finding in findings where finding.detectionID == KnownBadCaller.metadata.id {
            if let ip = finding.evidence["sourceIP"], let list = finding.evidence["threatList"] { rows[ip]?.label = "threat list '\(list)'" }
        }
        return rows.values.sorted { $0.requests != $1.requests ? $0.requests > $1.requests : $0.ip < $1.ip }
    }
}
