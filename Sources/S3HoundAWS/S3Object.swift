import Foundation

/// One object in a listing.
public struct S3Object: Sendable, Equatable {
    /// The object key.
    public var key: String
    /// The size in bytes.
    public var size: Int64
    /// When the object was last written.
    public var lastModified: Date?
    /// The entity tag, without surrounding quotes.
    public var eTag: String

    /// Creates an object entry.
    public init(key: String, size: Int64, lastModified: Date?, eTag: String) {
        self.key = key
        self.size = size
        self.lastModified = lastModified
        self.eTag = eTag
    }
}
