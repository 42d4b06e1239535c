/// Everything one `hunt` run produced: the incidents and how the run went.
public struct HuntReport: Hashable, Sendable, Codable {
    /// Incidents at or above the reporting threshold, most severe first.
    public var incidents: [Incident]
    /// How the run went.
    public var summary: RunSummary

    /// Creates a report.
    public init(incidents: [Incident], summary: RunSummary) { self.incidents = incidents; self.summary = summary }
}

/// How a run went: what was read, skipped and judged, and over which window.
public struct RunSummary: Hashable, Sendable, Codable {
    /// When the run happened (the report's "investigation date").
    public var generatedAt: EventTime
    /// Files read.
    public var filesRead: Int
    /// Files skipped without opening because the delivery layout put them outside the window.
    public var filesPruned: Int
    /// Files that could not be read at all (or not to the end).
    public var filesWithErrors: Int
    /// Records parsed.
    public var records: Int
    /// Records skipped as malformed.
    public var recordsSkipped: Int
    /// Records outside the time window, ignored.
    public var recordsOutsideWindow: Int
    /// Uncompressed bytes of log text read.
    public var bytesRead: Int64
    /// Wall-clock seconds the run took.
    public var elapsedSeconds: Double
    /// Earliest and latest event time in the input.
    public var inputStart: EventTime?
    /// Latest event time in the input.
    public var inputEnd: EventTime?
    /// The window findings are reported in.
    public var detectionWindow: TimeWindow
    /// The history before the window used as baseline.
    public var baselineWindow: TimeWindow?
    /// Accounts seen (`recipientAccountId`).
    public var accounts: [String]
    /// Findings produced, by severity, before the reporting threshold.
    public var findingsBySeverity: [String: Int]
    /// Incidents below `--min-severity`, not shown.
    public var incidentsBelowThreshold: Int
    /// Detections that ran, by id.
    public var detections: [String]
    /// Notes for the reader (e.g. "input too short for a baseline").
    public var notes: [String]

    /// Creates a summary.
    public init(generatedAt: EventTime, filesRead: Int = 0, filesPruned: Int = 0, filesWithErrors: Int = 0, records: Int = 0,
                recordsSkipped: Int = 0, recordsOutsideWindow: Int = 0, bytesRead: Int64 = 0, elapsedSeconds: Double = 0,
                inputStart: EventTime? = nil, inputEnd: EventTime? = nil, detectionWindow: TimeWindow = .unbounded,
                baselineWindow: TimeWindow? = nil, accounts: [String] = [], findingsBySeverity: [String: Int] = [:],
                incidentsBelowThreshold: Int = 0, detections: [String] = [], notes: [String] = []) {
        self.generatedAt = generatedAt; self.filesRead = filesRead; self.filesPruned = filesPruned
        self.filesWithErrors = filesWithErrors; self.records = records; self.recordsSkipped = recordsSkipped
        self.recordsOutsideWindow = recordsOutsideWindow; self.bytesRead = bytesRead; self.elapsedSeconds = elapsedSeconds
        self.inputStart = inputStart; self.inputEnd = inputEnd; self.detectionWindow = detectionWindow
        self.baselineWindow = baselineWindow; self.accounts = accounts; self.findingsBySeverity = findingsBySeverity
        self.incidentsBelowThreshold = incidentsBelowThreshold; self.detections = detections; self.notes = notes
    }
}
