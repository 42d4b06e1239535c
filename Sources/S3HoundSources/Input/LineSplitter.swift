/// Cuts a stream of text into lines (LF or CRLF), chunk by chunk, in bounded memory: a line longer
/// than `maximumLineBytes` is reported and skipped up to its end instead of being buffered.
struct LineSplitter {
    /// Longest line kept; longer ones are skipped whole.
    let maximumLineBytes: Int
    private var pending: [UInt8] = []
    /// Stream offset of the first byte of the line being collected.
    private var lineStart = 0
    /// Stream offset of the next byte fed.
    private var offset = 0
    /// The current line is over the limit: drop bytes until its end.
    private var skipping = false

    init(maximumLineBytes: Int = 1 << 20) { self.maximumLineBytes = maximumLineBytes }

    /// A piece the splitter produced.
    enum Piece {
        /// One line without its terminator, starting at `offset`.
        case line(UnsafeRawBufferPointer, offset: Int)
        /// A line too long to keep, starting at `offset`.
        case oversized(offset: Int, length: Int)
    }

    /// Adds text; calls `emit` for each complete line.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (Piece) -> Void) {
        var start = 0
        let count = chunk.count
        while start < count {
            guard let newline = Self.indexOfNewline(chunk, from: start) else {
                append(UnsafeRawBufferPointer(rebasing: chunk[start..<count]), emit: emit)
                offset += count - start
                return
            }
            if pending.isEmpty && !skipping {
                emitLine(UnsafeRawBufferPointer(rebasing: chunk[start..<newline]), at: offset, emit: emit)
            } else {
                append(UnsafeRawBufferPointer(rebasing: chunk[start..<newline]), emit: emit)
                if skipping {
                    emit(.oversized(offset: lineStart, length: offset + (newline - start) - lineStart))
                } else {
                    pending.withUnsafeBytes { emitLine($0, at: lineStart, emit: emit) }
                }
                pending.removeAll(keepingCapacity: true)
                skipping = false
            }
            offset += newline - start + 1
            start = newline + 1
            lineStart = offset
        }
    }

    /// Signals the end of input: a last line without a newline is still a line.
    mutating func finish(emit: (Piece) -> Void) {
        if skipping {
            emit(.oversized(offset: lineStart, length: offset - lineStart))
        } else if !pending.isEmpty {
            pending.withUnsafeBytes { emitLine($0, at: lineStart, emit: emit) }
        }
        pending.removeAll()
        skipping = false
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer, emit: (Piece) -> Void) {
        guard !skipping else { return }
        if pending.count + bytes.count > maximumLineBytes {
            skipping = true
            pending.removeAll()
            return
        }
        pending.append(contentsOf: bytes)
    }

    private func emitLine(_ bytes: UnsafeRawBufferPointer, at start: Int, emit: (Piece) -> Void) {
        var line = bytes
        if let last = line.last, last == UInt8(ascii: "\r") { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
        if line.count > maximumLineBytes { emit(.oversized(offset: start, length: line.count)); return }
        emit(.line(line, offset: start))
    }

    private static func indexOfNewline(_ chunk: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < chunk.count, let base = chunk.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, chunk.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
