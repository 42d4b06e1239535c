/// The fields of a VPC Flow Log file, in order: the default v2 format, or a custom format read from the header
/// line that begins every file delivered to S3 (`version vpc-id subnet-id … log-status`).
public struct FlowLogFormat: Sendable, Equatable, CustomStringConvertible {
    /// The fields in the order the lines hold them.
    public var fields: [FlowLogField]

    /// A format with these fields.
    public init(fields: [FlowLogField]) { self.fields = fields }

    /// The default format: `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets
    /// bytes start end action log-status`.
    public static let defaultV2 = FlowLogFormat(fields: [
        .version, .accountId, .interfaceId, .sourceAddress, .destinationAddress, .sourcePort, .destinationPort,
        .protocolNumber, .packets, .bytes, .start, .end, .action, .logStatus,
    ])

    /// Reads a header line (its bytes, without the newline); nil when the line is not a header.
    ///
    /// A header is made of field names only — lower-case letters, digits, `-` and `_` — at least half of them
    /// names S3Hound knows. Names it does not know (fields AWS adds later) are kept as `.unknown` and their
    /// values skipped, so a newer header still lines the known fields up.
    public init?(header: UnsafeRawBufferPointer) {
        var end = header.count
        while end > 0, header[end - 1] == LineByte.cr || header[end - 1] == LineByte.space { end -= 1 }
        var cursor = FieldCursor(line: header, end: end)
        var fields: [FlowLogField] = []
        var known = 0
        while let range = cursor.token() {
            var name = UnsafeRawBufferPointer(rebasing: header[range])
            if name.count > 3, name[0] == UInt8(ascii: "$"), name[1] == UInt8(ascii: "{"), name[name.count - 1] == UInt8(ascii: "}") {
                name = UnsafeRawBufferPointer(rebasing: name[2..<(name.count - 1)])
            }
            guard let first = name.first, Self.isLowercaseLetter(first), name.count <= 64, name.allSatisfy(Self.isNameByte) else { return nil }
            let field = FlowLogField(name: String(decoding: name, as: UTF8.self))
            if field.isKnown { known += 1 }
            fields.append(field)
        }
        guard !fields.isEmpty, known * 2 >= fields.count else { return nil }
        self.fields = fields
    }

    /// Reads a header line of text; nil when it is not a header.
    public init?(header: String) {
        var copy = header
        guard let format = copy.withUTF8({ FlowLogFormat(header: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = format
    }

    /// True when the format has both `start` and `end`; records of formats without them get the Unix epoch
    /// as their capture window (see `FlowRecord.hasCaptureWindow`).
    public var hasCaptureWindow: Bool { fields.contains(.start) && fields.contains(.end) }

    /// The header line for this format: the field names separated by spaces.
    public var description: String { fields.map(\.name).joined(separator: " ") }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLowercaseLetter(byte) || LineByte.isDigit(byte) || byte == LineByte.dash || byte == UInt8(ascii: "_")
    }
}
