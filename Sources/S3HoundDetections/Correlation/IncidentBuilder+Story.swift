import S3HoundCore

extension IncidentBuilder {
    /// The incident's story across sources: per-minute reads against the usual, hours against the baseline,
    /// egress tied to it, the GuardDuty/Macie findings joined to it, and the merged timeline.
    func story(principal: String, callers: Set<String>, ips: Set<String>, findings: [Finding], impact: DataImpact,
               from: EventTime, to: EventTime, activity: ActivityAccumulator, reads: [ReadStreamKey: [Int64: ReadMinute]],
               windows: AnalysisWindows?) -> IncidentStory {
        var story = IncidentStory()
        var origins: UInt8 = 0
        var perMinute: [Int64: MinuteActivity] = [:]
        for (stream, minutes) in reads where callers.contains(stream.principal) && ips.contains(stream.sourceIP) {
            for (minute, tally) in minutes where minute >= from.minuteIndex && minute <= to.minuteIndex {
                origins |= tally.origins
                perMinute[minute, default: MinuteActivity(minute: EventTime(millisecondsSinceEpoch: minute * 60_000), requests: 0)].requests += tally.reads + tally.failed
                perMinute[minute]!.failed += tally.failed
                perMinute[minute]!.bytesOut += tally.bytesOut
            }
        }
        story.minutes = perMinute.keys.sorted().map { perMinute[$0]! }
        story.usualPerMinute = usualRate(callers: callers, windows: windows, activity: activity, reads: reads)
        story.hours = hourComparison(principal: principal, from: from, to: to, windows: windows, activity: activity)

        var instances = Set<String>()
        for finding in findings { instances.formUnion(FindingLinks(finding, configuration: configuration).instances) }
        story.egress = egress(instances: instances, ips: ips, from: from, to: to, activity: activity)
        for row in story.egress { if let instance = row.instanceId { instances.insert(instance) } }
        story.instances = instances.sorted()

        let guardDutyIDs = Set(findings.compactMap { $0.detectionID == GuardDutyFinding.metadata.id || $0.detectionID == MacieExposure.metadata.id ? $0.evidence["findingId"] : nil })
        let sensitiveIDs = Set(impact.sensitive.flatMap(\.findingIds))
        story.serviceFindings = activity.serviceFindings.values
            .filter { guardDutyIDs.contains($0.id) || sensitiveIDs.contains($0.id) }
            .sorted { $0.activityStart != $1.activityStart ? $0.activityStart < $1.activityStart : $0.id < $1.id }

        var sources: [String] = []
        if origins & 1 != 0 || findings.contains(where: { $0.detectionID.hasPrefix("cloudtrail.") && !$0.firstEvent.eventID.hasPrefix("sal:") }) { sources.append("cloudTrail") }
        if origins & 2 != 0 { sources.append("serverAccessLog") }
        if !story.egress.isEmpty || findings.contains(where: { $0.detectionID == LargeEgress.metadata.id }) { sources.append("vpcFlowLogs") }
        if story.serviceFindings.contains(where: { $0.service == .guardDuty }) { sources.append("guardDuty") }
        if story.serviceFindings.contains(where: { $0.service == .macie }) { sources.append("macie") }
        story.sources = sources
        story.timeline = timeline(findings: findings, story: story)
        return story
    }

    /// Mean requests and bytes per active minute of reads by the callers in the baseline (nil without one).
    private func usualRate(callers: Set<String>, windows: AnalysisWindows?, activity: ActivityAccumulator,
                           reads: [ReadStreamKey: [Int64: ReadMinute]]) -> UsualRate? {
        guard let windows else { return nil }
        var minutes = 0, requests = 0
        var bytes: Int64 = 0
        activity.forEachBaselineRead(windows: windows, edges: windows.baselineEdgeHours, detail: reads,
                                     include: { callers.contains($0.principal) }) { _, _, counts in
            minutes += counts.activeMinutes; requests += counts.reads + counts.failed; bytes += counts.bytesOut
        }
        guard minutes > 0 else { return nil }
        return UsualRate(requests: Double(requests) / Double(minutes), bytesOut: Double(bytes) / Double(minutes))
    }

    /// Calls by hour of day in the incident and in the principal's baseline.
    private func hourComparison(principal: String, from: EventTime, to: EventTime, windows: AnalysisWindows?, activity: ActivityAccumulator) -> HourComparison? {
        guard let profile = activity.principals[principal] else { return nil }
        var incident = Array(repeating: 0, count: 24), baseline = Array(repeating: 0, count: 24)
        for (hour, tally) in profile.hours {
            let time = EventTime(millisecondsSinceEpoch: hour * 3_600_000)
            if hour >= from.hourIndex && hour <= to.hourIndex { incident[time.hourOfDay] += tally.count }
            else if windows?.baseline?.contains(time) ?? false { baseline[time.hourOfDay] += tally.count }
        }
        return HourComparison(incident: incident, baseline: baseline)
    }

    /// Flow-log egress tied to the incident: from its instances, or to one of its caller addresses, during its span (± the gap).
    private func egress(instances: Set<String>, ips: Set<String>, from: EventTime, to: EventTime, activity: ActivityAccumulator) -> [NetworkEgress] {
        let slack = configuration.incidentGapSeconds
        let (start, end) = (from.adding(seconds: -slack).minuteIndex, to.adding(seconds: slack).minuteIndex)
        var rows: [NetworkEgress] = []
        for (key, minutes) in activity.egress {
            let byInstance = !key.instanceId.isEmpty && instances.contains(key.instanceId)
            let byAddress = ips.contains(key.destination)
            guard byInstance || byAddress else { continue }
            var total: EgressMinute?
            for (minute, tally) in minutes where minute >= start && minute <= end {
                if total == nil { total = tally } else { total!.merge(tally) }
            }
            guard let total else { continue }
            let tie = byInstance && byAddress ? "from the incident's instance \(key.instanceId) to its caller address \(key.destination)"
                : byInstance ? "from the incident's instance \(key.instanceId)" : "to the incident's caller address \(key.destination)"
            rows.append(NetworkEgress(interfaceId: key.interfaceId.isEmpty ? nil : key.interfaceId, instanceId: key.instanceId.isEmpty ? nil : key.instanceId,
                                      sourceAddress: key.sourceAddress.isEmpty ? nil : key.sourceAddress, destination: key.destination,
                                      bytes: total.bytes, packets: total.packets, flows: total.flows, first: total.first, last: total.last, tie: tie))
        }
        return rows.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.destination < $1.destination }
    }

    /// Every source's moments in order: each finding, the burst, egress, GuardDuty and Macie findings, the last request.
    private func timeline(findings: [Finding], story: IncidentStory) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        let eventFindings = findings.filter { !Self.isSynthetic($0.principal) && $0.detectionID.hasPrefix("cloudtrail.") }
        if let first = eventFindings.min(by: { $0.firstEvent < $1.firstEvent }) {
            entries.append(TimelineEntry(time: first.firstEvent.time, source: Self.source(of: first), kind: "first-anomalous-request",
                                         summary: "First anomalous request (\(first.detectionID)), event \(first.firstEvent.eventID)"))
        }
        if let burst = Self.burst(story.minutes) {
            entries.append(TimelineEntry(time: burst.start, source: "cloudTrail", kind: "burst",
                                         summary: "Burst: \(ByteCount.grouped(burst.requests)) requests, \(ByteCount.format(burst.bytes)) out between \(burst.start.reportMinute) and \(burst.end.reportMinute) UTC (\(burst.minutes) minutes)"))
        }
        for finding in findings {
            let kind: String
            switch finding.detectionID {
            case TrailTampering.metadata.id, AccessLoggingDisabled.metadata.id, ThreatDetectionDisabled.metadata.id: kind = "tampering"
            case GuardDutyFinding.metadata.id: kind = "guardduty"
            case MacieExposure.metadata.id: kind = "macie"
            case LargeEgress.metadata.id: kind = "egress"
            default: kind = "finding"
            }
            let time = kind == "guardduty" || kind == "macie"
                ? (story.serviceFindings.first { $0.id == finding.evidence["findingId"] }?.createdAt ?? finding.firstEvent.time)
                : finding.firstEvent.time
            entries.append(TimelineEntry(time: time, source: Self.source(of: finding), kind: kind, summary: "\(finding.title): \(Self.firstSentence(finding.explanation))"))
        }
        for row in story.egress where !findings.contains(where: { $0.detectionID == LargeEgress.metadata.id && $0.evidence["destination"] == row.destination }) {
            entries.append(TimelineEntry(time: row.first, source: "vpcFlowLogs", kind: "egress",
                                         summary: "\(row.instanceId ?? row.interfaceId ?? "interface") sent \(ByteCount.format(row.bytes)) to \(row.destination) (\(row.tie))"))
        }
        for macie in story.serviceFindings where macie.isSensitiveData {
            let where_ = (macie.buckets.first ?? macie.objects.first?.bucket) ?? "?"
            let kinds = Set(macie.objects.flatMap { $0.sensitiveData.map(\.type) }).sorted().prefix(3).joined(separator: ", ")
            entries.append(TimelineEntry(time: macie.createdAt, source: "macie", kind: "macie",
                                         summary: "Macie \(macie.type) (\(macie.severityLabel ?? macie.severity.rawValue)) in \(where_)\(kinds.isEmpty ? "" : ": " + kinds)"))
        }
        if let last = eventFindings.max(by: { $0.lastEvent < $1.lastEvent }) {
            entries.append(TimelineEntry(time: last.lastEvent.time, source: Self.source(of: last), kind: "last-request",
                                         summary: "Last request seen, event \(last.lastEvent.eventID)"))
        }
        return entries.sorted()
    }

    /// The busiest stretch of consecutive active minutes (gaps of up to 5 minutes bridged).
    static func burst(_ minutes: [MinuteActivity]) -> (start: EventTime, end: EventTime, requests: Int, bytes: Int64, minutes: Int)? {
        guard !minutes.isEmpty else { return nil }
        var best: (start: EventTime, end: EventTime, requests: Int, bytes: Int64, minutes: Int)?
        var current = (start: minutes[0].minute, end: minutes[0].minute, requests: 0, bytes: Int64(0), minutes: 0)
        var previous = minutes[0].minute
        for minute in minutes {
            if minute.minute.millisecondsSinceEpoch - previous.millisecondsSinceEpoch > 5 * 60_000 {
                if best == nil || current.requests > best!.requests { best = current }
                current = (minute.minute, minute.minute, 0, 0, 0)
            }
            current.end = minute.minute.adding(seconds: 59); current.requests += minute.requests; current.bytes += minute.bytesOut; current.minutes += 1
            previous = minute.minute
        }
        if best == nil || current.requests > best!.requests { best = current }
        return best
    }

    static func source(of finding: Finding) -> String {
        switch finding.detectionID {
        case GuardDutyFinding.metadata.id: return "guardDuty"
        case MacieExposure.metadata.id: return "macie"
        case LargeEgress.metadata.id: return "vpcFlowLogs"
        default: return finding.firstEvent.eventID.hasPrefix("sal:") ? "serverAccessLog" : "cloudTrail"
        }
    }

    static func firstSentence(_ text: String) -> String {
        guard let stop = text.range(of: ". ") else { return text }
        return String(text[..<stop.lowerBound]) + "."
    }
}
