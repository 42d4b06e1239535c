import S3HoundCore

extension JSONReport {
    static func story(_ facts: IncidentFacts) -> JSONSchema.Story {
        let story = facts.incident.story
        return JSONSchema.Story(
            sources: facts.sources, instances: story.instances,
            minutes: facts.activity.minutes.map {
                JSONSchema.Minute(minute: $0.minute.iso8601, requests: $0.requests, failed: $0.failed, bytesOut: $0.bytesOut)
            },
            usualPerMinute: story.usualPerMinute.map { JSONSchema.Usual(requests: rounded($0.requests), bytesOut: rounded($0.bytesOut)) },
            hours: story.hours.map { JSONSchema.Hours(incident: $0.incident, baseline: $0.baseline) },
            egress: story.egress.map {
                JSONSchema.Egress(interfaceId: $0.interfaceId, instanceId: $0.instanceId, sourceAddress: $0.sourceAddress,
                                  destination: $0.destination, bytes: $0.bytes, bytesText: ByteCount.format($0.bytes), packets: $0.packets,
                                  flows: $0.flows, first: $0.first.iso8601, last: $0.last.iso8601, tie: $0.tie)
            },
            serviceFindings: (facts.guardDutyFindings + facts.macieFindings).map(serviceFinding))
    }

    static func serviceFinding(_ f: ServiceFinding) -> JSONSchema.ServiceFindingEntry {
        JSONSchema.ServiceFindingEntry(
            service: f.service.rawValue, id: f.id, type: f.type, title: f.title, description: f.description,
            severity: f.severity.rawValue, severityLabel: f.severityLabel, severityScore: f.severityScore,
            accountId: f.accountId, region: f.region, createdAt: f.createdAt.iso8601, updatedAt: f.updatedAt?.iso8601,
            firstSeen: f.firstSeen?.iso8601, lastSeen: f.lastSeen?.iso8601, count: f.count, archived: f.archived, sample: f.sample,
            principal: f.principalARN, userName: f.userName, principalType: f.principalType, accessKey: f.accessKeyId.map(AccessKeyMask.mask),
            sourceIPs: f.sourceIPs, sourceOrganization: f.sourceOrganization, sourceCountry: f.sourceCountry, instanceId: f.instanceId,
            buckets: f.buckets,
            objects: f.objects.map { JSONSchema.ServiceObject(bucket: $0.bucket, key: $0.key, sensitiveData: $0.sensitiveData.map(hit)) },
            apiCalls: f.apiCalls, exposure: f.exposure)
    }

    static func sensitive(_ s: SensitiveDataImpact, label: String?) -> JSONSchema.SensitiveBucket {
        JSONSchema.SensitiveBucket(bucket: s.bucket, label: label, objectsFlagged: s.objectsFlagged, objectsRead: s.objectsRead,
                                   macieSeverity: s.macieSeverity, types: SensitiveDataText.merge(s.types).map(hit), findingIds: s.findingIds)
    }

    static func hit(_ h: SensitiveDataHit) -> JSONSchema.SensitiveHit {
        JSONSchema.SensitiveHit(category: h.category, type: h.type, count: h.count)
    }

    /// Three decimal places, so rates do not print as 3.3333333333333335.
    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
