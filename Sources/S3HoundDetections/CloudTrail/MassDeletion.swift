import S3HoundCore

/// One principal deleting many objects in a short time, well beyond its own usual deletions.
public struct MassDeletion: StreamDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.mass-deletion",
        title: "Mass deletion of S3 objects",
        severity: .high,
        techniques: [.t1485],
        guardDutyEquivalent: "Impact:S3/AnomalousBehavior.Delete",
        falsePositives: [
            "Clean-up and retention jobs: quiet once their own history is in the baseline",
            "A one-off migration: raise --mass-delete-objects for the run",
        ],
        triage: "Is versioning on (the objects can be restored)? Was data read or copied out first? Deactivate the key before more is deleted.")

    /// Calls that delete objects.
    public static let deleteCalls: Set<String> = ["DeleteObject", "DeleteObjects", "DeleteObjectVersion"]

    /// Creates the detection.
    public init() {}

    public static var eventNames: Set<String>? { deleteCalls }

    public func streamTerm(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard Self.deleteCalls.contains(event.eventName), !event.failed, !event.identity.isAWSService else { return nil }
        return (event.bucketName ?? "") + "/" + (event.objectKey ?? "")
    }

    public func limits(_ configuration: DetectionConfiguration) -> StreamLimits {
        StreamLimits(count: configuration.massDeleteThreshold, distinctTerms: nil, windowSeconds: configuration.streamWindowSeconds,
                     baselineMultiplier: configuration.baselineMultiplier)
    }

    public func describe(_ burst: StreamBurst) -> String {
        "\(ByteCount.grouped(burst.total.count)) successful delete calls on \(ByteCount.grouped(burst.distinctTerms)) distinct objects (e.g. \(burst.total.sampleTerms.prefix(2).joined(separator: ", "))) between \(burst.total.first.time.reportMinute) and \(burst.total.last.time.reportMinute)"
    }
}

extension MassDeletion {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let cleaner = CaseEvents.role("retention-cleaner")
        func delete(_ t: EventTime, by identity: CallerIdentity, key: String) -> ActivityEvent {
            var event = CaseEvents.getObject(t, by: identity, from: "203.0.113.10", bucket: "customer-records", key: key, bytes: 0)
            event.eventName = "DeleteObject"
            event.bytesTransferredOut = nil
            return event
        }
        var nightly: [ActivityEvent] = []
        for day in 0..<8 {
            let night = CaseEvents.time("2026-02-16T04:00:00Z").adding(seconds: Int64(day) * 86_400)
            nightly += CaseEvents.series(800, from: night, every: 2) { i, t in delete(t, by: cleaner, key: "tmp/\(day)/\(i)") }
        }
        return [
            .fires("developer-jane deletes 1,200 customer records in 20 minutes", CaseEvents.series(1200, from: CaseEvents.time("2026-02-23T03:00:00Z"), every: 1) { i, t in
                delete(t, by: jane, key: "records/\(i).json")
            }),
            .quiet("a retention job deleting 800 temporary files every night, as always", windowStart: "2026-02-23T00:00:00Z", nightly),
            .quiet("developer-jane deletes 30 files", CaseEvents.series(30, from: CaseEvents.time("2026-02-23T10:00:00Z"), every: 10) { i, t in
                delete(t, by: jane, key: "scratch/\(i)")
            }),
        ]
    }
}
