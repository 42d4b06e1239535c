/// Which JSON reader turns CloudTrail records into events (`hunt --json-parser`).
public enum CloudTrailJSONParser: String, CaseIterable, Hashable, Sendable, Codable {
    /// The hand-written byte scanner that reads only the fields detections use (the default).
    case fast
    /// Foundation's `JSONDecoder`: slower; the yardstick the fast scanner is tested against, and a benchmark baseline.
    case reference
}

extension CloudTrailJSONParser {
    /// Reads one top-level JSON value with this parser; `emit` gets one outcome per record it holds. The fast
    /// parser shares repeated strings through `interner` when given one.
    @inline(__always)
    func parse(_ bytes: UnsafeRawBufferPointer, interner: StringInterner? = nil, emit: (CloudTrailRecordParser.Outcome) -> Void) {
        switch self {
        case .fast: CloudTrailRecordParser.parse(bytes, interner: interner, emit: emit)
        case .reference: ReferenceRecordParser.parse(bytes, emit: emit)
        }
    }
}
