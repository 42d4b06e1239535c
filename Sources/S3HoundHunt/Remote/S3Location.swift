/// `s3://bucket/prefix` as given on the command line.
public struct S3Location: Hashable, Sendable, CustomStringConvertible {
    /// The bucket.
    public var bucket: String
    /// The key prefix (may be empty: the whole bucket).
    public var prefix: String

    /// Parses `s3://bucket[/prefix]`; nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bucket = parts.first, !bucket.isEmpty else { return nil }
        self.bucket = String(bucket)
        prefix = parts.count > 1 ? String(parts[1]) : ""
    }

    /// Creates a location.
    public init(bucket: String, prefix: String) { self.bucket = bucket; self.prefix = prefix }

    /// True when a command-line path names S3.
    public static func isS3(_ path: String) -> Bool { path.hasPrefix("s3://") }

    public var description: String { "s3://\(bucket)/\(prefix)" }
}
