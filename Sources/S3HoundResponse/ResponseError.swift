/// Why a setup, containment or rollback could not be planned or applied; the message says what to do next.
///
/// A struct over a private enum, so new kinds of failure do not break code that catches it.
public struct ResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case invalidJSON, refused, conflict, notFound, drift, verification, backup, invalidInput
    }

    private let kind: Kind
    /// What went wrong and what to do, in full sentences.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// True when S3Hound refused a plan because applying it would be dangerous (lock everyone out, cut off
    /// the caller's own access); nothing was read or changed because of it.
    public var isRefusal: Bool { kind == .refused }

    /// True when the current state differs from what the plan expected (someone changed it meanwhile).
    public var isDrift: Bool { kind == .drift }

    static func invalidJSON(source: String, detail: String) -> ResponseError {
        ResponseError(.invalidJSON, "\(source) is not valid JSON: \(detail)")
    }

    static func refused(_ message: String) -> ResponseError { ResponseError(.refused, message) }

    static func conflict(_ message: String) -> ResponseError { ResponseError(.conflict, message) }

    static func notFound(_ message: String) -> ResponseError { ResponseError(.notFound, message) }

    static func drift(_ message: String) -> ResponseError { ResponseError(.drift, message) }

    static func verification(_ message: String) -> ResponseError { ResponseError(.verification, message) }

    static func backup(_ message: String) -> ResponseError { ResponseError(.backup, message) }

    static func invalidInput(_ message: String) -> ResponseError { ResponseError(.invalidInput, message) }
}
