/// Counts per string, the first string kept inline: most minutes of a stream see one address and one
/// access key, and while an empty dictionary costs nothing, a dictionary of one entry costs an allocation.
public struct InlineCounts: Sendable, Equatable {
    private var firstKey: String?
    private var firstCount = 0
    private var others: [String: Int] = [:]

    /// No counts.
    public init() {}

    /// Adds `n` to `key`.
    public mutating func add(_ key: String, _ n: Int = 1) {
        if let firstKey {
            if firstKey == key { firstCount += n } else { others[key, default: 0] += n }
        } else {
            firstKey = key
            firstCount = n
        }
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: InlineCounts) {
        if let key = other.firstKey { add(key, other.firstCount) }
        for (key, n) in other.others { add(key, n) }
    }

    /// The counts as a dictionary.
    public var dictionary: [String: Int] {
        guard let firstKey else { return [:] }
        var all = others
        all[firstKey, default: 0] += firstCount
        return all
    }
}
