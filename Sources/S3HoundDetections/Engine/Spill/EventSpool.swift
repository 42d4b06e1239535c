import CS3HoundScan
import Foundation
import S3HoundCore

/// One reader thread's events, sorted into partitions by principal and kept compactly (see
/// `ActivityEventEncoder`) in memory, then in unlinked temporary files (see `SpillFile`), so that a hunt over
/// more logs than fit in memory can judge one partition of principals at a time: every detection that reads
/// per-principal tallies sees all of a principal's events in the same partition.
public final class EventSpool {
    /// How many bytes of each partition stay in memory before they move to its file, by default.
    public static let defaultSpillBytes = 128 << 10

    /// Partitions.
    public let partitions: Int
    /// Events spooled.
    public private(set) var count = 0
    private var files: [SpillFile]
    private var encoders: [ActivityEventEncoder]

    /// Creates an empty spool of `partitions` partitions (at least one).
    public init(partitions: Int, spillBytes: Int? = EventSpool.defaultSpillBytes,
                directory: String = FileManager.default.temporaryDirectory.path) {
        self.partitions = max(1, partitions)
        files = (0..<self.partitions).map { _ in SpillFile(spillBytes: spillBytes, directory: directory, noun: "events") }
        encoders = Array(repeating: ActivityEventEncoder(), count: self.partitions)
    }

    /// The partition of a principal's events, the same in every process and on every machine (FNV-1a of its UTF-8).
    public static func partition(of principal: String, partitions: Int) -> Int {
        guard partitions > 1 else { return 0 }
        // FNV-1a of the UTF-8 bytes, as a C loop (the Swift loop over `utf8` was 1.6% of a partitioned hunt).
        var text = principal
        let hash = text.withUTF8 { s3h_fnv1a($0.baseAddress, $0.count, 0xcbf2_9ce4_8422_2325) }
        return Int(hash % UInt64(partitions))
    }

    /// What an event is spooled for, besides the hunt.
    public struct Mark: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// To be learned into the baseline store (`hunt --learn`: the event is from a file new to the store).
        public static let learn = Mark(rawValue: 0b0010_0000)
        /// Outside the hunt's range: spooled only to be learned; `forEach(partition:_:)` passes it by.
        public static let notHunted = Mark(rawValue: 0b0100_0000)
    }

    /// Adds an event to its principal's partition.
    public func append(_ event: ActivityEvent, mark: Mark = []) {
        let partition = Self.partition(of: event.identity.principal, partitions: partitions)
        count += 1
        encoders[partition].encode(event, marks: mark.rawValue, into: &files[partition].buffer)
        files[partition].didAppend()
    }

    /// Bytes spooled, in memory and in files.
    public var byteCount: Int64 { files.reduce(0) { $0 + $1.byteCount } }

    /// Calls `body` with every event of a partition the hunt reads (not those marked `notHunted`), in the order
    /// added. A partition can be read more than once, and different partitions by different threads at once
    /// (never while events are still being added).
    public func forEach(partition: Int, _ body: (ActivityEvent) throws -> Void) rethrows {
        try forEach(partition: partition) { event, mark in
            if !mark.contains(.notHunted) { try body(event) }
        }
    }

    /// Calls `body` with every event of a partition and its mark, in the order added (those marked `notHunted` too).
    public func forEach(partition: Int, _ body: (ActivityEvent, Mark) throws -> Void) rethrows {
        var decoder = ActivityEventDecoder()
        var damaged: Int?
        var base = 0
        try files[partition].forEachChunk { bytes in
            guard damaged == nil else { return bytes.count }
            var at = 0
            do {
                while let event = try decoder.decode(bytes, at: &at) { try body(event, Mark(rawValue: decoder.lastMarks)) }
            } catch let damage as ActivityEventDecoder.Damage {
                damaged = base + damage.offset
                return bytes.count
            }
            base += at
            return at
        }
        if let damaged { files[partition].damage = "the events' temporary file is damaged at byte \(damaged): the events after it are missing" }
    }

    /// What went wrong keeping or reading back events (each kept in memory instead, or missed), once each.
    public var problems: [String] {
        var seen = Set<String>()
        return files.flatMap { [$0.spillProblem, $0.readBackProblem, $0.damage] }.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}
