import S3HoundCore

/// Why one line of a line-oriented log (server access log, VPC Flow Log) could not be read.
public struct LineParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the line (0-based) where reading failed: the start of the field that is wrong.
    public var column: Int
    /// A sentence saying what was wrong, e.g. "bytes sent 'abc' is not a number or '-'".
    public var reason: String

    /// Creates an error at `column`.
    public init(column: Int, reason: String) { self.column = column; self.reason = reason }

    /// `column 57: reason`, terminal-safe.
    public var description: String { "column \(column): " + SafeText.terminal(reason) }
}
