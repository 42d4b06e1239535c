/// Cuts a stream of JSON text into top-level records without parsing them, chunk by chunk, so a
/// file of any size is read in bounded memory and one broken record does not lose its neighbours.
///
/// Layouts, detected from the first bytes: `{"Records":[{…},{…}]}` (CloudTrail delivery files),
/// `[{…},{…}]` (an array of records), and a stream of objects — JSON lines, pretty-printed
/// records one after another, or a single EventBridge envelope.
struct RecordSplitter {
    /// The layout of the text, once known.
    enum Layout: Equatable { case undecided, recordsWrapper, array, objectStream, notJSON }

    /// A piece the splitter produced.
    enum Piece {
        /// One record's bytes, starting at `offset` in the decompressed stream.
        case record(UnsafeRawBufferPointer, offset: Int)
        /// Text that could not be cut into a record, at `offset`.
        case damaged(offset: Int, reason: String)
    }

    private(set) var layout: Layout = .undecided
    private var buffer: [UInt8] = []
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Index in `buffer` up to which bytes have been scanned.
    private var scanned = 0
    /// Start of the record being collected, or nil between records.
    private var recordStart: Int?
    private var depth = 0
    private var inString = false
    /// A chunk ended on a backslash inside a string: the next chunk's first byte is escaped.
    private var escapedAtEnd = false
    /// Depth at which records sit: 0 for object streams, 1 for arrays, 2 inside `Records`.
    private var recordDepth = 0
    /// JSON lines detected: a raw newline inside a record means the record is broken.
    private var lineMode = false
    private var sawFirstRecord = false
    private var finishedContainer = false

    /// Reads a record in one pass, given the text from its opening brace (which may go on past the
    /// record) and the record's stream offset, and whether a newline inside it breaks it (JSON lines).
    /// Returns the record's length when it read and reported it, or nil to let the splitter cut it out.
    typealias RecordReader = (_ text: UnsafeRawBufferPointer, _ offset: Int, _ refusingNewlines: Bool) -> Int?

    /// Adds decompressed bytes; calls `emit` for each complete record.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (Piece) -> Void) {
        feed(chunk, reader: { _, _, _ in nil }, emit: emit)
    }

    /// Adds decompressed bytes, offering each record that starts in them to `reader` first (the
    /// single-pass path); the splitter only cuts out the ones it declines (broken ones, or ones cut by
    /// the end of the chunk). Between records, the chunk is scanned where it lies and only a partial
    /// record at its end is copied, so a whole file handed over at once is never copied.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, reader: RecordReader, emit: (Piece) -> Void) {
        if buffer.isEmpty && !escapedAtEnd {
            if layout == .undecided { decideLayout(chunk, final: false) }
            if layout == .notJSON { buffer.append(contentsOf: chunk.prefix(16)); return }
            if layout != .undecided {
                scanned = 0
                scan(chunk, reader: reader, emit: emit)
                let keep = recordStart ?? scanned
                buffer.append(contentsOf: chunk[keep...])
                dropped(keep)
                return
            }
        }
        buffer.append(contentsOf: chunk)
        if escapedAtEnd { escapedAtEnd = false; scanned += 1 }
        let data = buffer
        data.withUnsafeBytes { bytes in
            if layout == .undecided { decideLayout(bytes, final: false) }
            guard layout != .undecided, layout != .notJSON else { return }
            scan(bytes, reader: reader, emit: emit)
        }
        compact()
    }

    /// Signals the end of input; reports a record left incomplete (a truncated file).
    mutating func finish(emit: (Piece) -> Void) {
        let data = buffer
        data.withUnsafeBytes { bytes in
            if layout == .undecided { decideLayout(bytes, final: true) }
            if layout != .notJSON { scan(bytes, reader: { _, _, _ in nil }, emit: emit) }
        }
        if let start = recordStart {
            emit(.damaged(offset: bufferOffset + start, reason: "record cut short: the input ends inside it (truncated file?)"))
            recordStart = nil
        } else if (layout == .recordsWrapper || layout == .array) && !finishedContainer && sawFirstRecord {
            emit(.damaged(offset: bufferOffset + buffer.count, reason: "the input ends before the closing bracket (truncated file?)"))
        }
        buffer.removeAll()
    }

    /// First bytes of the text, for "not JSON" messages.
    var leadingBytes: [UInt8] { Array(buffer.prefix(16)) }

    private mutating func decideLayout(_ buffer: UnsafeRawBufferPointer, final: Bool) {
        guard let decided = Self.layout(of: buffer, final: final) else { return }
        layout = decided
        recordDepth = decided == .recordsWrapper ? 2 : decided == .array ? 1 : 0
    }

    /// The layout the first bytes of a text show, or nil when they do not tell yet (`final`: no more
    /// bytes will come, so decide with these).
    static func layout(of buffer: UnsafeRawBufferPointer, final: Bool) -> Layout? {
        var i = 0
        skipSpace(&i, in: buffer)
        guard i < buffer.count else { return final ? .objectStream : nil }
        switch buffer[i] {
        case UInt8(ascii: "["):
            return .array
        case UInt8(ascii: "{"):
            // `{ "Records" : [` opens a delivery file.
            var j = i + 1
            skipSpace(&j, in: buffer)
            let key = Array("\"Records\"".utf8)
            if j + key.count > buffer.count && !final { return nil }
            if buffer.count >= j + key.count, buffer[j..<(j + key.count)].elementsEqual(key) {
                var k = j + key.count
                skipSpace(&k, in: buffer)
                if k < buffer.count, buffer[k] == UInt8(ascii: ":") {
                    k += 1
                    skipSpace(&k, in: buffer)
                    if k >= buffer.count && !final { return nil }
                    if k < buffer.count, buffer[k] == UInt8(ascii: "[") { return .recordsWrapper }
                } else if k >= buffer.count && !final { return nil }
            }
            return .objectStream
        default:
            return .notJSON
        }
    }

    private static func skipSpace(_ i: inout Int, in buffer: UnsafeRawBufferPointer) {
        while i < buffer.count, buffer[i] == 0x20 || buffer[i] == 0x0A || buffer[i] == 0x0D || buffer[i] == 0x09 || buffer[i] == 0xEF || buffer[i] == 0xBB || buffer[i] == 0xBF { i += 1 }
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer, reader: RecordReader, emit: (Piece) -> Void) {
        // State lives in locals for the loop (this is the hottest loop of a hunt) and is written back after.
        var i = scanned
        let count = bytes.count
        var depth = self.depth
        var inString = self.inString
        var recordStart = self.recordStart
        var lineMode = self.lineMode
        var sawFirstRecord = self.sawFirstRecord
        var finishedContainer = self.finishedContainer
        let recordDepth = self.recordDepth
        let layout = self.layout
        let base = bufferOffset
        var escapedAtEnd = false
        do {
            let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            /// A JSON-lines record broken by a newline: report it and start afresh on the next line.
            func broken(at index: Int) {
                emit(.damaged(offset: base + (recordStart ?? index), reason: "record on this line is incomplete or malformed"))
                recordStart = nil
                depth = recordDepth
                inString = false
            }
            while i < count {
                if inString {
                    // Skip ordinary string bytes quickly; stop at a quote, a backslash or (JSON lines) a newline.
                    while i < count {
                        let b = p[i]
                        if b == 0x22 || b == 0x5C || b == 0x0A { break }
                        i += 1
                    }
                    guard i < count else { break }
                    let b = p[i]
                    if b == 0x22 {
                        inString = false
                        i += 1
                    } else if b == 0x5C {
                        // Skip the escaped byte; if it is in the next chunk, resume there still escaped.
                        if i + 1 >= count { escapedAtEnd = true; i += 1; break }
                        i += 2
                    } else {
                        if lineMode { broken(at: i) }
                        i += 1
                    }
                    continue
                }
                let b = p[i]
                switch b {
                case 0x22:
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if b == UInt8(ascii: "{"), depth == recordDepth,
                       let length = reader(UnsafeRawBufferPointer(rebasing: bytes[i..<count]), base + i, lineMode) {
                        let last = i + length - 1
                        if layout == .objectStream && !sawFirstRecord {
                            lineMode = followedByNewline(after: last, bytes: bytes) && !bytes[i...last].contains(0x0A)
                        }
                        sawFirstRecord = true
                        i = last + 1
                        continue
                    }
                    if depth == recordDepth {
                        if b == UInt8(ascii: "{") { recordStart = i } else if recordStart == nil {
                            emit(.damaged(offset: base + i, reason: "expected a record object but found an array"))
                            recordStart = i
                        }
                    }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {
                        emit(.damaged(offset: base + i, reason: "unbalanced '\(printable(b))'"))
                    } else {
                        depth -= 1
                        if depth == recordDepth, let start = recordStart {
                            emit(.record(UnsafeRawBufferPointer(rebasing: bytes[start...i]), offset: base + start))
                            recordStart = nil
                            if layout == .objectStream && !sawFirstRecord {
                                lineMode = followedByNewline(after: i, bytes: bytes) && !bytes[start...i].contains(0x0A)
                            }
                            sawFirstRecord = true
                        } else if depth < recordDepth {
                            finishedContainer = true
                        }
                    }
                case 0x0A:
                    if lineMode && depth > recordDepth { broken(at: i) }
                case 0x20, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: ":"):
                    break
                default:
                    if depth == recordDepth && recordStart == nil && layout == .objectStream {
                        emit(.damaged(offset: base + i, reason: "text between records is not JSON ('\(printable(b))')"))
                        while i + 1 < count, p[i + 1] != 0x0A { i += 1 }
                    }
                }
                i += 1
            }
        }
        scanned = min(i, count)
        self.escapedAtEnd = escapedAtEnd
        self.depth = depth
        self.inString = inString
        self.recordStart = recordStart
        self.lineMode = lineMode
        self.sawFirstRecord = sawFirstRecord
        self.finishedContainer = finishedContainer
    }

    private func followedByNewline(after i: Int, bytes: UnsafeRawBufferPointer) -> Bool {
        var j = i + 1
        while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0D || bytes[j] == 0x09 { j += 1 }
        return j < bytes.count && bytes[j] == 0x0A
    }

    /// Drops bytes before the current record so the buffer holds at most one partial record.
    private mutating func compact() {
        let keep = recordStart ?? scanned
        guard keep > 0 else { return }
        buffer.removeSubrange(0..<keep)
        dropped(keep)
    }

    /// Moves the offsets after the first `count` bytes of the text were dropped from the buffer.
    private mutating func dropped(_ count: Int) {
        bufferOffset += count
        scanned -= count
        if recordStart != nil { recordStart = 0 }
    }
}
