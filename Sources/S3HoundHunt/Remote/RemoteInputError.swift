/// An `s3://` input that cannot be read at all (no credentials, listing refused).
public struct RemoteInputError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
