/// A list of texts found anywhere inside a value, ignoring ASCII case (`kali` matches `Linux/6.5.0-kali3-amd64`).
/// Built once; matching walks the value's bytes once, so it is cheap enough for every event.
public struct SubstringList: Hashable, Sendable, Codable, ExpressibleByArrayLiteral {
    /// The texts, as configured.
    public let texts: [String]
    private let needles: [[UInt8]]
    private let byFirstByte: [[Int]]
    /// Pairs of bytes (lower-cased) that start some needle, as a 65,536-bit set: most positions of a
    /// value start no needle, and are passed on one load.
    private let pairs: [UInt64]

    /// Creates the list.
    public init(_ texts: [String]) {
        self.texts = texts
        needles = texts.map { Array($0.utf8).map(asciiLower) }
        var table = Array(repeating: [Int](), count: 256)
        for (index, needle) in needles.enumerated() where !needle.isEmpty { table[Int(needle[0])].append(index) }
        byFirstByte = table
        var pairs = [UInt64](repeating: 0, count: 1024)
        for needle in needles where !needle.isEmpty {
            let seconds = needle.count == 1 ? Array(0...255) : [Int(needle[1])]
            for second in seconds {
                let pair = Int(needle[0]) << 8 | second
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.pairs = pairs
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    /// The first configured text found in `value`, if any.
    public func firstMatch(in value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            let count = bytes.count
            return pairs.withUnsafeBufferPointer { pairs -> String? in
                for start in 0..<count {
                    let pair = Int(asciiLower(bytes[start])) << 8 | (start + 1 < count ? Int(asciiLower(bytes[start + 1])) : 0)
                    guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    for index in byFirstByte[Int(asciiLower(bytes[start]))] {
                        let needle = needles[index]
                        guard start + needle.count <= count else { continue }
                        var equal = true
                        for offset in 1..<max(1, needle.count) where asciiLower(bytes[start + offset]) != needle[offset] { equal = false; break }
                        if equal { return texts[index] }
                    }
                }
                return nil
            }
        }
    }

    /// The list with more texts.
    public func adding(_ more: [String]) -> SubstringList { SubstringList(texts + more.filter { !texts.contains($0) }) }

    public static func == (lhs: SubstringList, rhs: SubstringList) -> Bool { lhs.texts == rhs.texts }
    public func hash(into hasher: inout Hasher) { hasher.combine(texts) }
    public init(from decoder: any Decoder) throws { self.init(try [String](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try texts.encode(to: encoder) }
}

/// Object-key patterns with `*` (any run of characters) and `?` (one character), ignoring ASCII case.
/// A pattern without `/` is matched against the key's file name (`*.pem`, `id_rsa`); one with `/` against
/// the end of the key at a folder boundary (`.aws/credentials` matches `home/jane/.aws/credentials`).
public struct KeyPatternList: Hashable, Sendable, Codable, ExpressibleByArrayLiteral {
    /// The patterns, as configured.
    public let patterns: [String]
    private let compiled: [(bytes: [UInt8], hasSlash: Bool, tail: [UInt8])]

    /// Creates the list.
    public init(_ patterns: [String]) {
        self.patterns = patterns
        compiled = patterns.map { pattern in
            var bytes = Array(pattern.utf8).map(asciiLower)
            while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
            // The literal end after the last wildcard: every key a pattern matches ends with it.
            let tail = Array(bytes.suffix(from: (bytes.lastIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ?? -1) + 1))
            return (bytes, bytes.contains(UInt8(ascii: "/")), tail)
        }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    /// The first pattern the key matches, if any.
    public func firstMatch(key: String) -> String? {
        guard !compiled.isEmpty else { return nil }
        var key = key
        return key.withUTF8 { raw in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { lowered in
                for index in 0..<raw.count { lowered[index] = asciiLower(raw[index]) }
                return firstMatch(lowered: UnsafeBufferPointer(lowered))
            }
        }
    }

    private func firstMatch(lowered bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0
        let last = bytes.last
        for (index, pattern) in compiled.enumerated() {
            // The tail's last byte first: one comparison rules out most patterns for most keys.
            if let tailLast = pattern.tail.last, tailLast != last { continue }
            if pattern.tail.count > bytes.count || !bytes[(bytes.count - pattern.tail.count)...].elementsEqual(pattern.tail) { continue }
            if pattern.hasSlash {
                // The whole key, or any suffix starting after a "/".
                var start = 0
                while start < bytes.count {
                    if glob(pattern.bytes[...], bytes[start...]) { return patterns[index] }
                    guard let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { break }
                    start = slash + 1
                }
            } else if glob(pattern.bytes[...], bytes[nameStart...]) {
                return patterns[index]
            }
        }
        return nil
    }

    /// The list with more patterns.
    public func adding(_ more: [String]) -> KeyPatternList { KeyPatternList(patterns + more.filter { !patterns.contains($0) }) }

    public static func == (lhs: KeyPatternList, rhs: KeyPatternList) -> Bool { lhs.patterns == rhs.patterns }
    public func hash(into hasher: inout Hasher) { hasher.combine(patterns) }
    public init(from decoder: any Decoder) throws { self.init(try [String](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try patterns.encode(to: encoder) }
}

/// Glob match of `*` and `?` over lower-cased bytes, iterative with single backtracking point.
func glob<Text: Collection<UInt8>>(_ pattern: ArraySlice<UInt8>, _ text: Text) -> Bool where Text.Index == Int {
    var p = pattern.startIndex, t = text.startIndex
    var starP: Int? = nil, starT = text.startIndex
    while t < text.endIndex {
        if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
            starP = p; starT = t; p += 1
        } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
            p += 1; t += 1
        } else if let star = starP {
            p = star + 1; starT += 1; t = starT
        } else {
            return false
        }
    }
    while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.endIndex
}

@inline(__always) private func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte + 32 : byte
}
