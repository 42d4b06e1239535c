import Foundation
import S3HoundCore

/// A known-benign pattern to silence: findings matching every field given are dropped until `expires`.
public struct Suppression: Hashable, Sendable, Codable {
    /// Detection id, or nil for any.
    public var detection: String?
    /// Principal ARN (exact, or with `*` wildcards), or nil for any.
    public var principal: String?
    /// Bucket the finding must touch, or nil for any.
    public var bucket: String?
    /// Text the finding's user agent (or user-agent family) must contain, or nil for any.
    public var userAgent: String?
    /// The day after which the suppression no longer applies (UTC midnight), or nil for never.
    public var expires: EventTime?
    /// Why it exists, for the next person.
    public var reason: String
    /// Where it was written (`file:line`).
    public var source: String

    /// Creates a suppression.
    public init(detection: String? = nil, principal: String? = nil, bucket: String? = nil, userAgent: String? = nil,
                expires: EventTime? = nil, reason: String, source: String = "") {
        self.detection = detection; self.principal = principal; self.bucket = bucket; self.userAgent = userAgent
        self.expires = expires; self.reason = reason; self.source = source
    }

    /// True when the suppression applies to `finding` at time `now`.
    public func matches(_ finding: Finding, now: EventTime) -> Bool {
        if let expires, now >= expires { return false }
        if let detection, detection != finding.detectionID { return false }
        if let principal, !Self.glob(principal, finding.principal) && !finding.arns.contains(where: { Self.glob(principal, $0) }) { return false }
        if let bucket, finding.buckets[bucket] == nil && finding.evidence["bucket"] != bucket && finding.evidence["destinationBucket"] != bucket { return false }
        if let userAgent {
            let agents = [finding.evidence["userAgent"], finding.evidence["userAgentFamily"]].compactMap { $0 }
            if !agents.contains(where: { $0.localizedCaseInsensitiveContains(userAgent) }) { return false }
        }
        return true
    }

    /// `*` matches any run of characters; everything else literally.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
