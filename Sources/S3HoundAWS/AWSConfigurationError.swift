/// Credentials or settings could not be resolved; the message says what to set.
public struct AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what to do, in one sentence.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
