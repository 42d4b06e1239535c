/// How urgent a finding or incident is.
public enum Severity: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case info, low, medium, high, critical

    /// Numeric rank, 0 (info) to 4 (critical).
    public var rank: Int { Severity.allCases.firstIndex(of: self)! }

    /// The severity `steps` levels higher, capped at critical.
    public func raised(by steps: Int) -> Severity {
        Severity.allCases[min(Severity.allCases.count - 1, max(0, rank + steps))]
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
