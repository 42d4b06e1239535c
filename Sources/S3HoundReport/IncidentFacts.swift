import S3HoundCore

/// What an incident's report says, worked out once and shared by every output format.
struct IncidentFacts {
    /// A bucket and what happened to it, with its sensitivity label and what Macie found in it.
    struct BucketRow {
        var name: String
        var impact: BucketImpact
        /// The label configuration gives the bucket (`pii`), if any.
        var label: String?
        /// Macie's sensitive data in the bucket, if Macie flagged it.
        var sensitive: SensitiveDataImpact?
    }

    let incident: Incident
    let plan: ContainmentPlan
    /// Every source's moments, merged, in time order.
    let timeline: [TimelineLine]
    /// Buckets, most bytes first, then most requests, then by name.
    let buckets: [BucketRow]
    /// Where copies went.
    let copies: [ContainmentTarget.CopyDestination]
    /// Findings in time order.
    let findings: [Finding]
    /// GuardDuty findings joined to the incident, earliest activity first.
    let guardDutyFindings: [ServiceFinding]
    /// Macie findings joined to the incident, earliest first.
    let macieFindings: [ServiceFinding]
    /// Macie-flagged buckets, most objects read first.
    let sensitive: [SensitiveDataImpact]
    /// Per-minute activity, the usual rate and the hours, for the activity section and charts.
    let activity: ActivityFacts

    /// Facts for an incident; `generatedAt` (the report's time) closes the timeline.
    init(_ incident: Incident, generatedAt: EventTime? = nil) {
        self.incident = incident
        plan = ContainmentPlan(for: incident)
        findings = incident.findings.sorted { $0.firstEvent < $1.firstEvent }
        copies = ContainmentTarget(incident).copies
        let sensitiveByBucket = Dictionary(incident.impact.sensitive.map { ($0.bucket, $0) }, uniquingKeysWith: { first, _ in first })
        buckets = incident.impact.buckets.map {
            BucketRow(name: $0.key, impact: $0.value, label: incident.impact.bucketLabels[$0.key], sensitive: sensitiveByBucket[$0.key])
        }.sorted {
            if $0.impact.bytesOut != $1.impact.bytesOut { return $0.impact.bytesOut > $1.impact.bytesOut }
            if $0.impact.requests != $1.impact.requests { return $0.impact.requests > $1.impact.requests }
            return $0.name < $1.name
        }
        let services = incident.story.serviceFindings.sorted {
            $0.activityStart != $1.activityStart ? $0.activityStart < $1.activityStart : $0.id < $1.id
        }
        guardDutyFindings = services.filter { $0.service == .guardDuty }
        macieFindings = services.filter { $0.service == .macie }
        sensitive = incident.impact.sensitive.sorted {
            let left = $0.objectsRead ?? -1, right = $1.objectsRead ?? -1
            return left != right ? left > right : $0.bucket < $1.bucket
        }
        activity = ActivityFacts(incident.story)
        timeline = Self.timeline(incident, findings: findings, generatedAt: generatedAt)
    }

    /// "Bulk download of S3 objects (cloudtrail.bulk-download)", once per detection.
    var detectionSources: [Prose] {
        var seen: Set<String> = []
        return findings.filter { seen.insert($0.detectionID).inserted }.map { "\($0.title) (\($0.detectionID))" }
    }

    /// The incident's detection source as the seed report names it: the GuardDuty finding types,
    /// then each evidence source with the detections that fired on it.
    var detectionSourceText: Prose {
        var parts: [Prose] = []
        let guardDutyTypes = guardDutyFindings.map(\.type).uniqued()
        if !guardDutyTypes.isEmpty { parts.append("GuardDuty \(guardDutyTypes.joined(separator: ", "))") }
        var order: [String] = []
        var bySource: [String: [Prose]] = [:]
        var seen: Set<String> = []
        for finding in findings where seen.insert(finding.detectionID).inserted {
            let source = EvidenceSource.of(detectionID: finding.detectionID)
            if bySource[source] == nil { order.append(source) }
            bySource[source, default: []].append("\(finding.title) (\(finding.detectionID))")
        }
        for source in order {
            parts.append("\(trusted: EvidenceSource.detectionSourceName(source)) — " + (bySource[source] ?? []).joined(separator: "; "))
        }
        let macieTypes = macieFindings.map(\.type).uniqued()
        if !macieTypes.isEmpty { parts.append("Macie \(macieTypes.joined(separator: ", "))") }
        return parts.isEmpty ? "CloudTrail S3 data events" : parts.joined(separator: "; ")
    }

    /// Evidence source keys that contributed: the story's, else worked out from what the incident holds.
    var sources: [String] { Self.sources(of: incident) }

    /// Evidence source keys of an incident, without working out the rest of its facts.
    static func sources(of incident: Incident) -> [String] {
        if !incident.story.sources.isEmpty { return incident.story.sources }
        var keys = incident.findings.map { EvidenceSource.of(detectionID: $0.detectionID) }
        if incident.story.serviceFindings.contains(where: { $0.service == .guardDuty }) { keys.append(EvidenceSource.guardDuty) }
        if incident.story.serviceFindings.contains(where: { $0.service == .macie }) || !incident.impact.sensitive.isEmpty {
            keys.append(EvidenceSource.macie)
        }
        if !incident.story.egress.isEmpty { keys.append(EvidenceSource.vpcFlowLogs) }
        return keys.isEmpty ? [EvidenceSource.cloudTrail] : keys.uniqued()
    }

    /// True when Macie findings were read for this incident, so "no sensitive data" means something.
    var macieAssessed: Bool {
        !incident.impact.sensitive.isEmpty || !macieFindings.isEmpty || incident.story.sources.contains(EvidenceSource.macie)
    }

    /// The highest Macie severity among the flagged buckets (`High`), nil when none is given.
    var macieSeverity: String? {
        let labels = sensitive.compactMap(\.macieSeverity) + macieFindings.filter(\.isSensitiveData).compactMap(\.severityLabel)
        return labels.max { SensitiveDataText.severityRank($0) < SensitiveDataText.severityRank($1) }
    }

    /// Sensitive data types across the flagged buckets, one per category and type, occurrences summed.
    var sensitiveTypes: [SensitiveDataHit] { SensitiveDataText.merge(sensitive.flatMap(\.types)) }

    /// First event across the findings, when there are findings.
    var firstEvent: EventReference? { findings.map(\.firstEvent).min() }
    /// Last event across the findings.
    var lastEvent: EventReference? { findings.map(\.lastEvent).max() }
}
