import Foundation
import S3HoundCore

/// Groups findings from every source into incidents: findings that share a principal, access key, outside
/// address or instance (and service findings that name a bucket others touched) and lie within the
/// configured gap of each other form one incident. Severity starts at the worst finding and rises for
/// each agreeing detection, GuardDuty agreement, threat-list addresses, sensitive data and bytes taken;
/// every step is a written reason.
public struct IncidentBuilder: Sendable {
    /// The tunables (incident gap, bucket labels).
    public var configuration: DetectionConfiguration

    /// Creates a builder.
    public init(configuration: DetectionConfiguration) { self.configuration = configuration }

    /// Incidents from findings, most severe first, then earliest first.
    public func incidents(from findings: [Finding], activity: ActivityAccumulator, windows: AnalysisWindows? = nil) -> [Incident] {
        let groups = clusters(of: findings)
        let scopes = groups.map(ReadScope.init)
        let reads = readDetail(scopes, activity: activity, windows: windows)
        return zip(groups, scopes)
            .map { makeIncident(findings: $0, scope: $1, reads: reads, activity: activity, windows: windows) }
            .sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.firstEvent < $1.firstEvent }
    }

    /// Whose reads, from where and when, an incident's impact and story count.
    struct ReadScope {
        /// The lead principal.
        var principal: String
        /// The incident's principals (the lead alone when every finding is a service's).
        var callers: Set<String>
        /// The incident's caller addresses.
        var ips: Set<String>
        /// Its first and last event.
        var first: EventReference, last: EventReference

        init(_ findings: [Finding]) {
            principal = IncidentBuilder.leadPrincipal(of: findings)
            let principals = Set(findings.map(\.principal)).filter { !IncidentBuilder.isSynthetic($0) }
            callers = principals.isEmpty ? [principal] : principals
            ips = Set(findings.filter { !IncidentBuilder.isSynthetic($0.principal) }.flatMap { $0.sourceIPs.keys })
            first = findings.map(\.firstEvent).min()!
            last = findings.map(\.lastEvent).max()!
        }
    }

    /// Findings joined on shared keys within the gap.
    func clusters(of findings: [Finding]) -> [[Finding]] {
        let gap = configuration.incidentGapSeconds * 1000
        let links = findings.map { FindingLinks($0, configuration: configuration) }
        var sets = DisjointSets(count: findings.count)
        var byKey: [String: [Int]] = [:]
        for (index, link) in links.enumerated() {
            for key in link.keys { byKey[key, default: []].append(index) }
        }
        // Findings with a caller offer their buckets to caller-less service findings on the same bucket.
        for (index, finding) in findings.enumerated() {
            for key in FindingLinks.bucketKeys(finding) where byKey[key] != nil && !(byKey[key]!.contains(index)) {
                byKey[key]!.append(index)
            }
        }
        for indexes in byKey.values where indexes.count > 1 {
            // Chain findings on this key whose spans come within the gap of each other.
            let sorted = indexes.sorted { findings[$0].firstEvent < findings[$1].firstEvent }
            var anchor = sorted[0]
            var end = findings[anchor].lastEvent.time.millisecondsSinceEpoch
            for index in sorted.dropFirst() {
                let finding = findings[index]
                if finding.firstEvent.time.millisecondsSinceEpoch <= end + gap {
                    sets.union(anchor, index)
                    end = max(end, finding.lastEvent.time.millisecondsSinceEpoch)
                } else {
                    anchor = index
                    end = finding.lastEvent.time.millisecondsSinceEpoch
                }
            }
        }
        var groups: [Int: [Finding]] = [:]
        for index in findings.indices { groups[sets.find(index), default: []].append(findings[index]) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The reads every incident's impact and story need, rebuilt minute by minute in one pass over the ledgers:
    /// each incident's callers' reads from its addresses over its span, and their reads in the hours the
    /// baseline starts and ends in. (Each incident takes its own from these: its callers, addresses, span.)
    private func readDetail(_ scopes: [ReadScope], activity: ActivityAccumulator, windows: AnalysisWindows?) -> [ReadStreamKey: [Int64: ReadMinute]] {
        guard !scopes.isEmpty else { return [:] }
        let edges = windows?.baselineEdgeHours ?? []
        return activity.readMinutes { stream in
            let mine = scopes.filter { $0.callers.contains(stream.principal) }
            guard !mine.isEmpty else { return nil }
            let spans = mine.filter { $0.ips.contains(stream.sourceIP) }.map { $0.first.time.minuteIndex...$0.last.time.minuteIndex }
            return { minute in edges.contains(minute.floorDiv(60)) || spans.contains { $0.contains(minute) } }
        }
    }

    private func makeIncident(findings: [Finding], scope: ReadScope, reads: [ReadStreamKey: [Int64: ReadMinute]],
                              activity: ActivityAccumulator, windows: AnalysisWindows?) -> Incident {
        let principal = scope.principal
        let first = scope.first
        let last = scope.last
        let profile = activity.principals[principal]
        let newIPs = Set(findings.filter { $0.detectionID == NewSourceIP.metadata.id }.compactMap { $0.evidence["sourceIP"] })
        let incidentIPs = scope.ips
        var (impact, keyHashes) = dataImpact(principals: scope.callers, ips: incidentIPs, from: first.time, to: last.time,
                                             findings: findings, reads: reads)
        impact.sensitive = sensitiveData(buckets: Set(impact.buckets.keys), keyHashes: keyHashes, activity: activity)
        impact.bucketLabels = configuration.bucketLabels.filter { impact.buckets[$0.key] != nil }
        let sourceIPs = ipActivity(profile: profile, ips: incidentIPs, from: first.time, to: last.time, newIPs: newIPs, findings: findings)
        let story = story(principal: principal, callers: scope.callers, ips: incidentIPs, findings: findings, impact: impact,
                          from: first.time, to: last.time, activity: activity, reads: reads, windows: windows)
        let (severity, reasons) = score(findings: findings, impact: impact, story: story)

        var accounts = Set(findings.compactMap(\.accountId))
        for bucket in impact.buckets.values { if let owner = bucket.ownerAccountId { accounts.insert(owner) } }
        accounts.formUnion(impact.destinationAccounts)
        accounts.remove("")
        var keys: [String] = []
        for key in findings.flatMap(\.accessKeyIds) where !keys.contains(key) { keys.append(key) }

        return Incident(id: Self.incidentID(principal: principal, start: first.time), severity: severity, severityReasons: reasons,
                        principal: principal, arns: Array(Set(findings.flatMap(\.arns))).sorted(), accessKeyIds: keys,
                        identityType: profile?.identityType, accounts: accounts.sorted(), sourceIPs: sourceIPs, impact: impact,
                        findings: findings.sorted { $0.firstEvent < $1.firstEvent }, story: story)
    }

    /// The principal an incident is named after: the caller behind most requests, preferring real callers
    /// over the stand-ins used for instances, interfaces, keys and buckets.
    static func leadPrincipal(of findings: [Finding]) -> String {
        var weight: [String: Int] = [:]
        for finding in findings { weight[finding.principal, default: 0] += max(1, finding.requestCount) }
        return weight.keys.sorted { a, b in
            let (sa, sb) = (isSynthetic(a), isSynthetic(b))
            if sa != sb { return !sa }
            return weight[a]! != weight[b]! ? weight[a]! > weight[b]! : a < b
        }.first!
    }

    /// Stand-in principals of findings without a caller (`ec2-instance:`, `network-interface:`, `access-key:`, `bucket:` …).
    static func isSynthetic(_ principal: String) -> Bool {
        ["ec2-instance:", "network-interface:", "address:", "access-key:", "bucket:", "guardDuty:", "macie:"].contains { principal.hasPrefix($0) }
    }

    /// Severity: the worst finding, +1 per other agreeing detection (GuardDuty counts as one), +1 for
    /// sensitive data read, +1 for a threat-listed address, +1 when over 1 GiB left — capped at critical.
    func score(findings: [Finding], impact: DataImpact, story: IncidentStory) -> (Severity, [String]) {
        let worst = findings.max { $0.severity < $1.severity }!
        var reasons = ["\(worst.severity.rawValue): the most severe finding (\(worst.detectionID))"]
        var steps = 0
        let others = Set(findings.map(\.detectionID)).subtracting([worst.detectionID]).sorted()
        for other in others {
            steps += 1
            switch other {
            case GuardDutyFinding.metadata.id: reasons.append("+1 level: GuardDuty agrees")
            case KnownBadCaller.metadata.id:
                let list = findings.first { $0.detectionID == other }?.evidence["threatList"] ?? "?"
                reasons.append("+1 level: a caller address is on threat list '\(list)'")
            default: reasons.append("+1 level: corroborated by \(other)")
            }
        }
        let flaggedRead = impact.sensitive.reduce(0) { $0 + ($1.objectsRead ?? 0) }
        if flaggedRead > 0 {
            steps += 1
            let types = Set(impact.sensitive.flatMap { $0.types.map(\.type) }).sorted().prefix(4).joined(separator: ", ")
            reasons.append("+1 level: \(ByteCount.grouped(flaggedRead)) object(s) read hold sensitive data per Macie (\(types))")
        }
        if impact.bytesOut >= 1 << 30 {
            steps += 1
            reasons.append("+1 level: \(ByteCount.format(impact.bytesOut)) taken")
        }
        return (worst.severity.raised(by: steps), reasons)
    }

    /// `INC-YYYYMMDD-xxxxxx`: day of the first event and a hash of principal and start, stable across runs.
    public static func incidentID(principal: String, start: EventTime) -> String {
        let hash = ObjectKeyHash.hash(bucket: principal, key: start.iso8601)
        let hex = String(hash & 0xFFFFFF, radix: 16)
        return "INC-" + start.dayString.replacingOccurrences(of: "-", with: "") + "-" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
