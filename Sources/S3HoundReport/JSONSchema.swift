import S3HoundCore

/// The `s3hound.hunt.v1` document, field for field as docs/report-json.md describes it.
/// These types exist only to be encoded; access keys appear in them only masked.
enum JSONSchema {
    /// The schema name and version.
    static let name = "s3hound.hunt.v1"

    struct Document: Encodable {
        var schema = JSONSchema.name
        var summary: Summary
        var incidents: [Incident]
    }

    struct Summary: Encodable {
        var generatedAt: String
        var investigationDate: String
        var accounts: [String]
        var filesRead: Int
        var filesPruned: Int
        var filesWithErrors: Int
        var records: Int
        var recordsSkipped: Int
        var recordsOutsideWindow: Int
        var bytesRead: Int64
        var elapsedSeconds: Double
        @ExplicitNull var inputStart: String?
        @ExplicitNull var inputEnd: String?
        var detectionWindow: Window
        @ExplicitNull var baselineWindow: Window?
        var findingsBySeverity: [String: Int]
        var incidentCount: Int
        var incidentsBelowThreshold: Int
        @ExplicitNull var minimumSeverity: String?
        var detections: [String]
        var notes: [String]
    }

    struct Window: Encodable {
        @ExplicitNull var start: String?
        @ExplicitNull var end: String?
    }

    struct EventRef: Encodable {
        var time: String
        var eventID: String
    }

    struct Incident: Encodable {
        var id: String
        var severity: String
        var severityReasons: [String]
        var principal: String
        var arns: [String]
        var accessKeys: [String]
        @ExplicitNull var identityType: String?
        var accounts: [String]
        @ExplicitNull var firstEvent: EventRef?
        @ExplicitNull var lastEvent: EventRef?
        var detectionIDs: [String]
        var sourceIPs: [SourceIP]
        var impact: Impact
        var timeline: [TimelineLine]
        var findings: [Finding]
        var containment: [Step]
        var story: Story
    }

    struct SourceIP: Encodable {
        var ip: String
        var requests: Int
        var failed: Int
        var newForPrincipal: Bool
        @ExplicitNull var label: String?
        var description: String
    }

    struct Impact: Encodable {
        var objectsRead: Int
        var distinctKeys: Int
        var bytesOut: Int64
        var bytesOutText: String
        var failedAttempts: Int
        var objectsCopiedOut: Int
        var destinationAccounts: [String]
        var copyDestinations: [CopyDestination]
        var buckets: [Bucket]
        @ExplicitNull var sensitiveDataTypes: [String]?
        @ExplicitNull var macieSeverity: String?
        var sensitiveData: [SensitiveBucket]
    }

    struct CopyDestination: Encodable {
        var account: String
        var bucket: String
    }

    struct Bucket: Encodable {
        var name: String
        var requests: Int
        var bytesOut: Int64
        @ExplicitNull var ownerAccountId: String?
        @ExplicitNull var label: String?
    }

    struct TimelineLine: Encodable {
        var time: String
        @ExplicitNull var end: String?
        var source: String
        var kind: String
        var text: String
        @ExplicitNull var eventID: String?
    }

    struct Finding: Encodable {
        var detectionID: String
        var title: String
        var severity: String
        var techniques: [String]
        var principal: String
        var arns: [String]
        var accessKeys: [String]
        @ExplicitNull var accountId: String?
        var sourceIPs: [FindingIP]
        var firstEvent: EventRef
        var lastEvent: EventRef
        var requestCount: Int
        var failedCount: Int
        var distinctKeys: Int
        var bytesOut: Int64
        var buckets: [Bucket]
        var explanation: String
        var evidence: [String: String]
    }

    struct FindingIP: Encodable {
        var ip: String
        var requests: Int
    }

    struct Step: Encodable {
        var title: String
        var why: String
        var commands: [String]
    }
}
