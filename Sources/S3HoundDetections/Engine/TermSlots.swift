/// A small direct-mapped cache from a string to what was worked out from it, keyed by the string's own two
/// words rather than by a hash of its text. Strings the reader interned (`StringInterner`) share their storage,
/// so the same user agent or ARN met again has the same two words and is found with two comparisons, where a
/// `Dictionary` would hash its whole text on every event. Equal words always mean equal text (the slot keeps
/// its string alive, so its storage cannot be reused by another); equal text in other storage only misses,
/// and the value is worked out again. Not thread-safe: one per accumulator.
final class TermSlots<Value> {
    private static var slotCount: Int { 4096 }
    private let words: UnsafeMutablePointer<(UInt64, UInt64)>
    private let keys: UnsafeMutablePointer<String>
    private let values: UnsafeMutablePointer<Value?>

    init() {
        words = .allocate(capacity: Self.slotCount)
        words.initialize(repeating: (0, 0), count: Self.slotCount)   // (0, 0) is no string's words: empty
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: "", count: Self.slotCount)
        values = .allocate(capacity: Self.slotCount)
        values.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        keys.deinitialize(count: Self.slotCount)
        values.deinitialize(count: Self.slotCount)
        keys.deallocate()
        values.deallocate()
        words.deallocate()
    }

    /// The value for `key`, worked out by `make` unless the slot already holds it.
    @inline(__always)
    func value(_ key: String, _ make: (String) -> Value) -> Value {
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        let mixed = (bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: mixed >> 52) & (Self.slotCount - 1)
        if words[slot] == bits, let known = values[slot] { return known }
        let value = make(key)
        words[slot] = bits
        keys[slot] = key
        values[slot] = value
        return value
    }
}
