import Foundation
import S3HoundCore

/// Groups findings into incidents: same principal, overlapping in time or within the configured gap.
/// Severity starts at the worst finding and rises one level for each other detection that agrees.
public struct IncidentBuilder: Sendable {
    /// The tunables (incident gap).
    public var configuration: DetectionConfiguration

    /// Creates a builder.
    public init(configuration: DetectionConfiguration) { self.configuration = configuration }

    /// Incidents from findings, most severe first, then earliest first.
    public func incidents(from findings: [Finding], activity: ActivityAccumulator) -> [Incident] {
        let gap = configuration.incidentGapSeconds * 1000
        var incidents: [Incident] = []
        for (principal, group) in Dictionary(grouping: findings, by: \.principal) {
            var clusters: [[Finding]] = []
            var clusterEnd: EventTime?
            for finding in group.sorted(by: { $0.firstEvent < $1.firstEvent }) {
                if let end = clusterEnd, finding.firstEvent.time.millisecondsSinceEpoch <= end.millisecondsSinceEpoch + gap {
                    clusters[clusters.count - 1].append(finding)
                    clusterEnd = max(end, finding.lastEvent.time)
                } else {
                    clusters.append([finding])
                    clusterEnd = finding.lastEvent.time
                }
            }
            for cluster in clusters {
                incidents.append(makeIncident(principal: principal, findings: cluster, activity: activity))
            }
        }
        return incidents.sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.firstEvent < $1.firstEvent }
    }

    private func makeIncident(principal: String, findings: [Finding], activity: ActivityAccumulator) -> Incident {
        let worst = findings.max { $0.severity < $1.severity }!
        let detections = Set(findings.map(\.detectionID))
        var reasons = ["\(worst.severity.rawValue): the most severe finding (\(worst.detectionID))"]
        let others = detections.subtracting([worst.detectionID]).sorted()
        for other in others { reasons.append("+1 level: corroborated by \(other)") }
        let severity = worst.severity.raised(by: others.count)

        let first = findings.map(\.firstEvent).min()!
        let last = findings.map(\.lastEvent).max()!
        let profile = activity.principals[principal]
        let newIPs = Set(findings.filter { $0.detectionID == NewSourceIP.metadata.id }.compactMap { $0.evidence["sourceIP"] })
        let incidentIPs = Set(findings.flatMap { $0.sourceIPs.keys })
        let impact = dataImpact(principal: principal, ips: incidentIPs, from: first.time, to: last.time, findings: findings, activity: activity)
        let sourceIPs = ipActivity(profile: profile, ips: incidentIPs, from: first.time, to: last.time, newIPs: newIPs, findings: findings)

        var accounts = Set(findings.compactMap(\.accountId))
        for bucket in impact.buckets.values { if let owner = bucket.ownerAccountId { accounts.insert(owner) } }
        accounts.formUnion(impact.destinationAccounts)
        accounts.remove("")
        var keys: [String] = []
        for key in findings.flatMap(\.accessKeyIds) where !keys.contains(key) { keys.append(key) }

        return Incident(id: Self.incidentID(principal: principal, start: first.time), severity: severity, severityReasons: reasons,
                        principal: principal, arns: Array(Set(findings.flatMap(\.arns))).sorted(), accessKeyIds: keys,
                        identityType: profile?.identityType, accounts: accounts.sorted(), sourceIPs: sourceIPs, impact: impact,
                        findings: findings.sorted { $0.firstEvent < $1.firstEvent })
    }

    /// Reads by the principal from the incident's IPs over its span, counted once (findings overlap).
    private func dataImpact(principal: String, ips: Set<String>, from: EventTime, to: EventTime, findings: [Finding], activity: ActivityAccumulator) -> DataImpact {
        var impact = DataImpact()
        var keyHashes: Set<UInt64> = []
        let firstMinute = from.minuteIndex
        let lastMinute = to.minuteIndex
        for (stream, minutes) in activity.readStreams where stream.principal == principal && ips.contains(stream.sourceIP) {
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
        return impact
    }

    private func ipActivity(profile: PrincipalActivity?, ips: Set<String>, from: EventTime, to: EventTime, newIPs: Set<String>, findings: [Finding]) -> [SourceIPActivity] {
        var rows: [String: SourceIPActivity] = [:]
        if let profile {
            for (term, tally) in profile.ipHours where ips.contains(term.term) && term.hour >= from.hourIndex && term.hour <= to.hourIndex {
                rows[term.term, default: SourceIPActivity(ip: term.term, requests: 0, newForPrincipal: newIPs.contains(term.term))].requests += tally.count
                rows[term.term]!.failed += tally.failed
            }
        }
        for ip in ips where rows[ip] == nil {
            let requests = findings.compactMap { $0.sourceIPs[ip] }.max() ?? 0
            rows[ip] = SourceIPActivity(ip: ip, requests: requests, newForPrincipal: newIPs.contains(ip))
        }
        return rows.values.sorted { $0.requests != $1.requests ? $0.requests > $1.requests : $0.ip < $1.ip }
    }

    /// `INC-YYYYMMDD-xxxxxx`: day of the first event and a hash of principal and start, stable across runs.
    public static func incidentID(principal: String, start: EventTime) -> String {
        let hash = ObjectKeyHash.hash(bucket: principal, key: start.iso8601)
        let hex = String(hash & 0xFFFFFF, radix: 16)
        return "INC-" + start.dayString.replacingOccurrences(of: "-", with: "") + "-" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
