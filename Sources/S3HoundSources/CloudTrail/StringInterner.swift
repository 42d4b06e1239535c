import CS3HoundScan
import Foundation

/// One shared `String` per distinct short text a reader meets again and again: user agents, ARNs, account
/// ids, addresses, bucket and event names repeat across thousands of records, and building (validating,
/// allocating, later freeing) a new `String` for each was a tenth of a hunt's time. Equal texts handed out
/// by one interner are also the same storage, so comparing them (as dictionary keys) is one pointer test.
///
/// Bounded: texts longer than `maximumLength` and texts met once the table holds `capacity` are built as
/// usual and not kept; a probe never walks more than `maximumProbe` slots, so crafted collisions cost at
/// most that (the hash is seeded per process besides). One interner per reader thread: not thread-safe.
final class StringInterner {
    /// Longest text kept.
    static let maximumLength = 512
    /// Texts kept at most.
    static let capacity = 1 << 14
    /// Slots looked at before a text is built without the table.
    static let maximumProbe = 16

    private struct Entry { var hash: UInt64; var offset: Int32; var length: Int32 }

    // Raw storage rather than arrays: no copy-on-write or exclusivity checks on the hot path.
    private let mask: Int
    /// Entry number + 1 per slot; 0 is empty.
    private let slots: UnsafeMutablePointer<Int32>
    private let entries: UnsafeMutablePointer<Entry>
    private let strings: UnsafeMutablePointer<String>
    /// Texts kept.
    private(set) var count = 0
    /// The kept texts' bytes, one after another.
    private let arena: UnsafeMutablePointer<UInt8>
    private var arenaUsed = 0
    private static let arenaBytes = 4 << 20
    private static let seed = UInt64.random(in: .min ... .max)
    /// Field numbers `string(_:field:)` remembers a last text for.
    static let fields = 64
    /// Per field, the entry number + 1 of the text it last handed out (0: none): a field often repeats its
    /// last text (the same caller, bucket, region for many records in a row), which one comparison confirms.
    private let lastEntry: UnsafeMutablePointer<Int32>

    init() {
        let slotCount = Self.capacity * 2
        mask = slotCount - 1
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        arena = .allocate(capacity: Self.arenaBytes)
        entries = .allocate(capacity: Self.capacity)
        strings = .allocate(capacity: Self.capacity)
        lastEntry = .allocate(capacity: Self.fields)
        lastEntry.initialize(repeating: 0, count: Self.fields)
    }

    deinit {
        strings.deinitialize(count: count)
        strings.deallocate()
        entries.deallocate()
        slots.deallocate()
        arena.deallocate()
        lastEntry.deallocate()
    }

    /// The string of `bytes` (UTF-8, already checked by the scanner): the kept one when this text was met before.
    func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let (text, _) = lookUp(bytes)
        return text
    }

    /// The same as `string(_:)`, first comparing `bytes` with the text last handed out for `field` (a number
    /// under `fields` that the caller gives each kind of value it reads).
    func string(_ bytes: UnsafeRawBufferPointer, field: Int) -> String {
        let last = Int(lastEntry[field])
        if last > 0 {
            let entry = entries[last - 1]
            if Int(entry.length) == bytes.count, memcmp(arena + Int(entry.offset), bytes.baseAddress!, bytes.count) == 0 {
                return strings[last - 1]
            }
        }
        let (text, number) = lookUp(bytes)
        if number > 0 { lastEntry[field] = Int32(number) }
        return text
    }

    /// The string of `bytes` and its entry number + 1 (0 when it is not kept).
    private func lookUp(_ bytes: UnsafeRawBufferPointer) -> (String, Int) {
        let length = bytes.count
        guard length > 0, length <= Self.maximumLength, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return (String(decoding: bytes, as: UTF8.self), 0)
        }
        let hash = s3h_hash_bytes(base, length, Self.seed)
        var slot = Int(truncatingIfNeeded: hash) & mask
        var probe = 0
        while probe < Self.maximumProbe {
            let number = Int(slots[slot])
            if number == 0 { break }
            let entry = entries[number - 1]
            if entry.hash == hash, Int(entry.length) == length, memcmp(arena + Int(entry.offset), base, length) == 0 {
                return (strings[number - 1], number)
            }
            slot = (slot + 1) & mask
            probe += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if probe < Self.maximumProbe, count < Self.capacity, arenaUsed + length <= Self.arenaBytes {
            (arena + arenaUsed).update(from: base, count: length)
            (entries + count).initialize(to: Entry(hash: hash, offset: Int32(arenaUsed), length: Int32(length)))
            (strings + count).initialize(to: text)
            arenaUsed += length
            count += 1
            slots[slot] = Int32(count)
            return (text, count)
        }
        return (text, 0)
    }

    /// Runs `body` with an interner of the pool (one per concurrent reader; each keeps its texts across files).
    static func with<Result>(_ body: (StringInterner) -> Result) -> Result {
        let interner = pool.take() ?? StringInterner()
        defer { pool.give(interner) }
        return body(interner)
    }

    private static let pool = ReaderPool<StringInterner>()
}
