import S3HoundCore

extension JSONSchema {
    /// `$.incidents[].story`: what every evidence source adds (the merged timeline is `timeline`).
    struct Story: Encodable {
        var sources: [String]
        var instances: [String]
        var minutes: [Minute]
        @ExplicitNull var usualPerMinute: Usual?
        @ExplicitNull var hours: Hours?
        var egress: [Egress]
        var serviceFindings: [ServiceFindingEntry]
    }

    struct Minute: Encodable {
        var minute: String
        var requests: Int
        var failed: Int
        var bytesOut: Int64
    }

    struct Usual: Encodable {
        var requests: Double
        var bytesOut: Double
    }

    struct Hours: Encodable {
        var incident: [Int]
        var baseline: [Int]
    }

    struct Egress: Encodable {
        @ExplicitNull var interfaceId: String?
        @ExplicitNull var instanceId: String?
        @ExplicitNull var sourceAddress: String?
        var destination: String
        var bytes: Int64
        var bytesText: String
        var packets: Int64
        var flows: Int
        var first: String
        var last: String
        var tie: String
    }

    struct ServiceFindingEntry: Encodable {
        var service: String
        var id: String
        var type: String
        @ExplicitNull var title: String?
        @ExplicitNull var description: String?
        var severity: String
        @ExplicitNull var severityLabel: String?
        @ExplicitNull var severityScore: Double?
        @ExplicitNull var accountId: String?
        @ExplicitNull var region: String?
        var createdAt: String
        @ExplicitNull var updatedAt: String?
        @ExplicitNull var firstSeen: String?
        @ExplicitNull var lastSeen: String?
        var count: Int
        var archived: Bool
        var sample: Bool
        @ExplicitNull var principal: String?
        @ExplicitNull var userName: String?
        @ExplicitNull var principalType: String?
        @ExplicitNull var accessKey: String?
        var sourceIPs: [String]
        @ExplicitNull var sourceOrganization: String?
        @ExplicitNull var sourceCountry: String?
        @ExplicitNull var instanceId: String?
        var buckets: [String]
        var objects: [ServiceObject]
        var apiCalls: [String]
        var exposure: [String]
    }

    struct ServiceObject: Encodable {
        var bucket: String
        @ExplicitNull var key: String?
        var sensitiveData: [SensitiveHit]
    }

    struct SensitiveHit: Encodable {
        var category: String
        var type: String
        var count: Int
    }

    /// `$.incidents[].impact.sensitiveData[]`.
    struct SensitiveBucket: Encodable {
        var bucket: String
        @ExplicitNull var label: String?
        var objectsFlagged: Int
        @ExplicitNull var objectsRead: Int?
        @ExplicitNull var macieSeverity: String?
        var types: [SensitiveHit]
        var findingIds: [String]
    }
}
