import S3HoundCore

/// Reads GuardDuty and Macie findings files into `ServiceFinding`s. Recognises, from content:
/// `aws guardduty get-findings` and `aws macie2 get-findings` output, EventBridge `GuardDuty Finding` and
/// `Macie Finding` events (one, a JSON array, or one per line), and GuardDuty's S3 exports (one finding per
/// line, or a JSON array). Keys are matched ignoring case, so PascalCase and camelCase read alike.
///
/// A finding that cannot be read (missing id, type or creation time; a field of the wrong type) is reported
/// in `Outcome.failures` and the others are still read; for JSON lines a broken line is reported and the
/// other lines are kept. String fields over 64 KiB are ignored and reported in `Outcome.notes`.
public struct ServiceFindingParser: Sendable {
    /// What to keep besides live findings.
    public struct Options: Hashable, Sendable {
        /// Keep archived findings (by default they are skipped and counted).
        public var includeArchived: Bool
        /// Keep sample findings (by default they are skipped and counted).
        public var includeSamples: Bool

        /// Creates options; both kinds of finding are skipped by default.
        public init(includeArchived: Bool = false, includeSamples: Bool = false) {
            self.includeArchived = includeArchived; self.includeSamples = includeSamples
        }
    }

    /// What parsing one document gave.
    public struct Outcome: Sendable {
        /// Findings read and kept, in document order.
        public var findings: [ServiceFinding] = []
        /// Archived findings skipped (a finding that is both a sample and archived counts as a sample).
        public var skippedArchived = 0
        /// Sample findings skipped.
        public var skippedSamples = 0
        /// Findings, lines or the document that could not be read, in document order.
        public var failures: [FindingParseFailure] = []
        /// Problems that did not stop a finding being read, such as an oversized field that was ignored.
        public var notes: [FindingParseFailure] = []
        /// The kind of document, from its first recognised finding; nil when none was recognised.
        public var kind: FindingsDocumentKind?

        /// Creates an empty outcome.
        public init() {}
    }

    /// Parses a whole (decompressed) findings document.
    public static func parse(_ document: [UInt8], options: Options = Options()) -> Outcome {
        FindingDocumentReader.read(document, options: options)
    }
}
