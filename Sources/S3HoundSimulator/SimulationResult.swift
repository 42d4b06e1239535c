/// What a simulation wrote.
public struct SimulationResult: Sendable {
    /// CloudTrail log files, relative to the output directory, in the order written.
    public var logFiles: [String]
    /// CloudTrail digest files, relative to the output directory (hunts must ignore them).
    public var digestFiles: [String]
    /// Records written across all log files.
    public var events: Int
    /// Size of the log files before compression.
    public var uncompressedBytes: Int
    /// The ground truth, also written to `GroundTruth.fileName`.
    public var groundTruth: GroundTruth

    /// Creates a result.
    public init(logFiles: [String], digestFiles: [String] = [], events: Int, uncompressedBytes: Int, groundTruth: GroundTruth) {
        self.logFiles = logFiles; self.digestFiles = digestFiles; self.events = events
        self.uncompressedBytes = uncompressedBytes; self.groundTruth = groundTruth
    }
}
