import Foundation

/// The `findingCriteria` of GuardDuty and Macie ListFindings: finding fields and the conditions they must meet,
/// e.g. `["type": .equals(["Exfiltration:S3/AnomalousBehavior"]), "updatedAt": .atOrAfter(since)]`.
///
/// On the wire (REST-JSON, camelCase): `{"criterion":{"type":{"eq":[…]},"updatedAt":{"gte":1767225600000}}}`.
public struct FindingCriteria: Encodable, Sendable, Equatable {
    /// Conditions by finding field (`type`, `severity`, `updatedAt`, `resource.s3BucketDetails.name`…).
    public var criterion: [String: FindingCondition]

    /// Creates criteria.
    public init(_ criterion: [String: FindingCondition] = [:]) { self.criterion = criterion }
}

/// One field's condition; the members set are ANDed. Times are epoch milliseconds, as both services expect.
public struct FindingCondition: Encodable, Sendable, Equatable {
    /// Equals one of these.
    public var eq: [String]?
    /// Equals none of these.
    public var neq: [String]?
    /// Greater than.
    public var gt: Int64?
    /// Greater than or equal.
    public var gte: Int64?
    /// Less than.
    public var lt: Int64?
    /// Less than or equal.
    public var lte: Int64?

    /// Creates a condition.
    public init(eq: [String]? = nil, neq: [String]? = nil, gt: Int64? = nil, gte: Int64? = nil, lt: Int64? = nil,
                lte: Int64? = nil) {
        self.eq = eq
        self.neq = neq
        self.gt = gt
        self.gte = gte
        self.lt = lt
        self.lte = lte
    }

    /// The field equals one of the values.
    public static func equals(_ values: [String]) -> FindingCondition { FindingCondition(eq: values) }

    /// The field (a number) is at least the value.
    public static func atLeast(_ value: Int64) -> FindingCondition { FindingCondition(gte: value) }

    /// The field (a time) is at or after the date, in epoch milliseconds.
    public static func atOrAfter(_ date: Date) -> FindingCondition {
        FindingCondition(gte: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
