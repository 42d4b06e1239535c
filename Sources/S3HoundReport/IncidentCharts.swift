import S3HoundCore

/// The figures an incident's charts draw: requests and bytes per minute against the principal's
/// usual, bytes per bucket, and hours of day against the baseline.
struct IncidentCharts {
    /// One bar of the bytes-per-bucket chart.
    struct BucketBar {
        var name: String
        var bytesOut: Int64
        var requests: Int
        /// Configuration label (`pii`), if any.
        var label: String?
        /// True when Macie flagged sensitive data in the bucket.
        var sensitive: Bool
    }

    /// The incident the charts belong to (used to make element ids unique).
    var incidentID: String
    /// Minutes with activity, in time order.
    var minutes: [MinuteActivity]
    /// The principal's usual rate per active minute.
    var usual: UsualRate?
    /// Requests by hour of day, incident against baseline.
    var hours: HourComparison?
    /// Buckets, most bytes first.
    var buckets: [BucketBar]

    init(_ facts: IncidentFacts) {
        incidentID = facts.incident.id
        minutes = facts.activity.minutes
        usual = facts.activity.usual
        hours = facts.activity.hours
        buckets = facts.buckets.map {
            BucketBar(name: $0.name, bytesOut: $0.impact.bytesOut, requests: $0.impact.requests, label: $0.label, sensitive: $0.sensitive != nil)
        }
    }

    /// True when no chart has anything to draw.
    var isEmpty: Bool { minutes.isEmpty && hours == nil && buckets.isEmpty }
}
