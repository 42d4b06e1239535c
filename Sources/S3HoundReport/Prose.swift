import S3HoundCore

/// A piece of report text whose literal parts are ours and whose interpolated strings came from logs.
///
/// Interpolating a `String` marks it untrusted: each output escapes it for where it lands
/// (`SafeText.markdown`, `SafeText.terminal`, `SafeText.html`). Numbers and times interpolate as trusted text.
struct Prose: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// One run of text and whether it came from us or from the input.
    enum Segment: Hashable, Sendable {
        case trusted(String)
        case untrusted(String)
    }

    /// The runs, in order.
    private(set) var segments: [Segment]

    /// Text written by S3Hound itself.
    init(stringLiteral value: String) { segments = [.trusted(value)] }

    /// Text assembled by interpolation.
    init(stringInterpolation: Interpolation) { segments = stringInterpolation.segments }

    private init(segments: [Segment]) { self.segments = segments }

    /// A value from the input, escaped wherever it is written.
    static func untrusted(_ value: String) -> Prose { Prose(segments: [.untrusted(value)]) }

    /// The raw text, for JSON (whose encoder escapes it) and tests.
    var plain: String {
        segments.map { segment in
            switch segment {
            case .trusted(let text), .untrusted(let text): return text
            }
        }.joined()
    }

    /// Text for a terminal: everything through `SafeText.terminal`.
    var terminal: String { SafeText.terminal(plain) }

    /// Text for Markdown prose and table cells: input values through `SafeText.markdown`.
    var markdown: String {
        segments.map { segment in
            switch segment {
            case .trusted(let text): return SafeText.terminal(text)
            case .untrusted(let text): return SafeText.markdown(text)
            }
        }.joined()
    }

    /// Text for HTML content and attributes: everything through `SafeText.html`.
    var html: String { SafeText.html(plain) }

    /// True when there is no text at all.
    var isEmpty: Bool { plain.isEmpty }

    /// Concatenates two pieces.
    static func + (lhs: Prose, rhs: Prose) -> Prose { Prose(segments: lhs.segments + rhs.segments) }

    /// Builds prose from literals (trusted) and interpolations (untrusted unless stated).
    struct Interpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { segments.append(.trusted(literal)) } }

        /// A value from the input: escaped on output.
        mutating func appendInterpolation(_ value: String) { segments.append(.untrusted(value)) }

        /// Text S3Hound wrote itself.
        mutating func appendInterpolation(trusted text: String) { segments.append(.trusted(text)) }

        /// A count, with thousands separators.
        mutating func appendInterpolation(_ count: Int) { segments.append(.trusted(ByteCount.grouped(count))) }

        /// A byte count in human units.
        mutating func appendInterpolation(bytes: Int64) { segments.append(.trusted(ByteCount.format(bytes))) }

        /// A time as reports write it (`2026-02-23 02:47 UTC`).
        mutating func appendInterpolation(_ time: EventTime) { segments.append(.trusted(time.reportMinute)) }

        /// Nested prose, keeping its own trust marks.
        mutating func appendInterpolation(_ prose: Prose) { segments += prose.segments }
    }
}

extension Array where Element == Prose {
    /// Joins pieces with a trusted separator.
    func joined(separator: String) -> Prose {
        guard var result = first else { return "" }
        for item in dropFirst() { result = result + Prose(stringLiteral: separator) + item }
        return result
    }
}
