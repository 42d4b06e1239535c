import S3HoundCore

/// What an analysis judges against: findings are reported inside `window`; principals are judged against
/// `baseline` (the history in the input before the window) and, when given, a learned `store`.
public struct AnalysisWindows: Sendable {
    /// Where findings are reported.
    public var window: TimeWindow
    /// The history in the input principals are judged against; nil when there is none.
    public var baseline: TimeWindow?
    /// Profiles learned earlier (`s3hound baseline learn`); only history from before the window is used.
    public var store: (any BaselineReading)?

    /// Creates the windows.
    public init(window: TimeWindow, baseline: TimeWindow?, store: (any BaselineReading)? = nil) {
        self.window = window; self.baseline = baseline; self.store = store
    }

    /// True when `time` is baseline history (before the window, inside the baseline range).
    public func isBaseline(_ time: EventTime) -> Bool { baseline?.contains(time) ?? false }

    /// The clock hours (hours since the epoch) the baseline starts and ends in: the only hours that can lie
    /// partly inside it, so the only ones hour counters cannot judge whole.
    public var baselineEdgeHours: Set<Int64> {
        Set([baseline?.start, baseline?.end].compactMap { $0?.hourIndex })
    }

    /// True when there is any history to judge against: in the input, or learned.
    public var hasHistory: Bool { baseline != nil || store != nil }

    /// The learned profile of a principal, if a store is given and knows it.
    public func learnedProfile(_ principal: String) -> PrincipalProfile? { store?.profile(for: principal) }

    /// Learned terms first seen before the window (so a store that learned the window itself does not hide it).
    func learnedTerms(_ terms: [String: TermHistory]?) -> Set<String> {
        guard let terms else { return [] }
        guard let start = window.start else { return Set(terms.keys) }
        return Set(terms.filter { $0.value.firstSeen < start }.keys)
    }
}
