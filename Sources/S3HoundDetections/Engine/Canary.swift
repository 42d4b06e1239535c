/// A decoy: a bucket, or a key prefix inside one, that nobody has a reason to touch.
public struct Canary: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The bucket.
    public var bucket: String
    /// Key prefix inside the bucket; nil or empty makes the whole bucket the decoy.
    public var keyPrefix: String?

    /// Creates a canary.
    public init(bucket: String, keyPrefix: String? = nil) {
        self.bucket = bucket
        self.keyPrefix = keyPrefix?.isEmpty == true ? nil : keyPrefix
    }

    /// Parses `BUCKET` or `BUCKET/PREFIX` (an `s3://` scheme is allowed); nil without a bucket name.
    public init?(argument: String) {
        var text = Substring(argument)
        if text.hasPrefix("s3://") { text = text.dropFirst(5) }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bucket = parts.first, !bucket.isEmpty else { return nil }
        self.init(bucket: String(bucket), keyPrefix: parts.count == 2 ? String(parts[1]) : nil)
    }

    /// True for the whole-bucket decoy.
    public var isWholeBucket: Bool { keyPrefix == nil }

    public var description: String { keyPrefix.map { "\(bucket)/\($0)" } ?? bucket }
}
