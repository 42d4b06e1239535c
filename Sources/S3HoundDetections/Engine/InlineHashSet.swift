/// A set of 64-bit hashes, the first kept inline (most minutes touch one target).
public struct InlineHashSet: Sendable, Equatable, Sequence {
    private var first: UInt64?
    private var others: Set<UInt64> = []

    /// An empty set.
    public init() {}

    /// Inserts `hash`; true when it was not there.
    @discardableResult
    public mutating func insert(_ hash: UInt64) -> Bool {
        guard let first else { self.first = hash; return true }
        if first == hash { return false }
        return others.insert(hash).inserted
    }

    /// Inserts every hash of `other`.
    public mutating func formUnion(_ other: InlineHashSet) {
        for hash in other { insert(hash) }
    }

    /// How many distinct hashes.
    public var count: Int { first == nil ? 0 : 1 + others.count }

    public func makeIterator() -> Iterator { Iterator(pending: first, rest: others.makeIterator()) }

    /// The inline hash, then the others.
    public struct Iterator: IteratorProtocol {
        var pending: UInt64?
        var rest: Set<UInt64>.Iterator

        public mutating func next() -> UInt64? {
            if let next = pending { pending = nil; return next }
            return rest.next()
        }
    }
}
