import Foundation

/// Objects a reader thread uses for one file and hands back for the next (decoders with their buffers,
/// string interners with their tables): at most `limit` kept idle, shared by every reader under a lock.
final class ReaderPool<Object: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Object] = []
    private let limit: Int
    /// Trims an object before it is kept (drops buffers grown for an unusual file).
    private let trim: @Sendable (Object) -> Void

    init(limit: Int = 16, trim: @escaping @Sendable (Object) -> Void = { _ in }) {
        self.limit = limit
        self.trim = trim
    }

    /// An idle object, if one is kept.
    func take() -> Object? {
        lock.lock(); defer { lock.unlock() }
        return idle.popLast()
    }

    /// Keeps `object` for the next reader (trimmed), unless `limit` are kept already.
    func give(_ object: Object) {
        trim(object)
        lock.lock(); defer { lock.unlock() }
        if idle.count < limit { idle.append(object) }
    }
}
