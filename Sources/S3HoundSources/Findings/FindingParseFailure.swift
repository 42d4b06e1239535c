import S3HoundCore

/// A finding (or a whole document) that could not be read: where it is and what is wrong with it.
public struct FindingParseFailure: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Position of the finding in the document, 0-based: its index in the findings array, or its line among
    /// the non-blank lines of a JSON-lines file; nil when the document as a whole could not be read.
    public var index: Int?
    /// Byte offset in the (decompressed) document where the problem is, when known.
    public var byteOffset: Int?
    /// What is wrong, as a sentence without a final full stop (callers add what happens next, e.g. "; finding skipped").
    public var reason: String

    /// Creates a failure.
    public init(index: Int? = nil, byteOffset: Int? = nil, reason: String) {
        self.index = index; self.byteOffset = byteOffset; self.reason = reason
    }

    /// `finding 3 (byte 1234): reason` — terminal-safe.
    public var description: String {
        var position: [String] = []
        if let index { position.append("finding \(index)") }
        if let byteOffset { position.append("byte \(byteOffset)") }
        let prefix = position.isEmpty ? "" : position.joined(separator: ", ") + ": "
        return prefix + SafeText.terminal(reason)
    }
}
