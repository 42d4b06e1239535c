import S3HoundCore

/// A detection: its metadata, its test cases, and how it turns accumulated activity into findings.
///
/// Contract: `findings` reports only activity inside `windows.window`, judges principals only against
/// `windows.baseline`, and explains every finding (rule, threshold or baseline, counts, first/last event).
public protocol Detection: Sendable {
    /// Id, title, severity, ATT&CK, false positives, triage.
    static var metadata: DetectionMetadata { get }
    /// Firing and quiet examples; `s3hound detections test` and the test suite run them.
    static var cases: [DetectionCase] { get }
    /// Findings for the window.
    func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding]
}

/// A detection that first picks single events while reading (so matching events can be kept), then groups them.
public protocol EventDetection: Detection {
    /// The calls (`eventName`) this detection can keep, when it keeps only some: the reading path asks it about
    /// no other event. Nil (the default) for detections that look at every call.
    static var eventNames: Set<String>? { get }
    /// True when the event is one this detection keeps.
    func matches(_ event: ActivityEvent, configuration: DetectionConfiguration) -> Bool
    /// `matches`, for detections that look up what they work out per term in `terms` (the reading path calls
    /// this one; the default asks `matches`).
    func matches(_ event: ActivityEvent, configuration: DetectionConfiguration, terms: EventTermCache) -> Bool
}

extension EventDetection {
    public static var eventNames: Set<String>? { nil }

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration, terms: EventTermCache) -> Bool {
        matches(event, configuration: configuration)
    }
}

extension Detection {
    /// Shortcut to the type's metadata.
    public var metadata: DetectionMetadata { Self.metadata }

    /// A finding skeleton carrying this detection's id, title, severity and techniques.
    func finding(principal: String, first: EventReference, last: EventReference, requests: Int, explanation: String) -> Finding {
        Finding(detectionID: Self.metadata.id, title: Self.metadata.title, severity: Self.metadata.severity,
                techniques: Self.metadata.techniques.map(\.id), principal: principal, firstEvent: first, lastEvent: last,
                requestCount: requests, explanation: explanation)
    }
}

extension Detection {
    /// The principals with enough history (in the input or learned) to be judged, with their baseline facts;
    /// none when there is no history at all.
    func judgedPrincipals(_ activity: ActivityAccumulator, windows: AnalysisWindows) -> [(profile: PrincipalActivity, facts: BaselineFacts)] {
        guard windows.hasHistory else { return [] }
        return activity.principals.values.compactMap { profile in
            let facts = BaselineFacts(profile, windows: windows, configuration: activity.configuration)
            return facts.hasBaseline ? (profile, facts) : nil
        }
    }
}

/// Facts about a principal's baseline that several detections share.
struct BaselineFacts {
    let activeDays: Int
    let hasBaseline: Bool

    init(_ activity: PrincipalActivity, windows: AnalysisWindows, configuration: DetectionConfiguration) {
        var days = activity.activeDayIndexes(in: windows.baseline)
        if let learned = windows.learnedProfile(activity.principal) {
            let before = windows.window.start?.dayIndex ?? Int64.max
            days.formUnion(learned.activeDayIndexes.filter { $0 < before })
        }
        activeDays = days.count
        hasBaseline = activeDays >= configuration.minimumHistoryDays
    }
}

extension PrincipalActivity {
    /// Access keys, most used first.
    var accessKeysByUse: [String] { accessKeys.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key) }
}
