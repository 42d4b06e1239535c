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
    /// S3 server access log files (plain text), relative to the output directory; empty unless the scenario writes them.
    public var accessLogFiles: [String]
    /// VPC Flow Logs files, relative to the output directory; empty unless the scenario writes them.
    public var flowLogFiles: [String]
    /// GuardDuty export files and the Macie findings file, relative to the output directory.
    public var findingFiles: [String]

    /// Creates a result.
    public init(logFiles: [String], digestFiles: [String] = [], events: Int, uncompressedBytes: Int, groundTruth: GroundTruth,
                accessLogFiles: [String] = [], flowLogFiles: [String] = [], findingFiles: [String] = []) {
        self.logFiles = logFiles; self.digestFiles = digestFiles; self.events = events
        self.uncompressedBytes = uncompressedBytes; self.groundTruth = groundTruth
        self.accessLogFiles = accessLogFiles; self.flowLogFiles = flowLogFiles; self.findingFiles = findingFiles
    }
}
