import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes written once and read back in order, held in memory up to `spillBytes` and in a temporary file past
/// that: the storage behind the read ledger and the event spool.
///
/// The file is created in `directory` (`TMPDIR`) and unlinked at once, so it disappears when the process ends,
/// however it ends. When it cannot be created or written, the bytes stay in memory and `spillProblem` says why;
/// when it cannot be read back, `readBackProblem` does.
final class SpillFile {
    /// Bytes in memory past this many move to the file; nil keeps everything in memory.
    let spillBytes: Int?
    /// Where the file goes.
    let directory: String
    /// What the bytes are, for messages ("reads", "events").
    let noun: String
    /// The bytes not yet in the file. Owners append whole records, then call `didAppend()`.
    var buffer: [UInt8] = []
    /// Why bytes could not move to the file (they stayed in memory), if that happened.
    private(set) var spillProblem: String?
    /// Why the file could not be read back (what followed the failure was missed), if that happened.
    private(set) var readBackProblem: String?
    /// Why the owner could not make sense of bytes read back (set by the owner), if that happened.
    var damage: String?
    /// Bytes written to the file.
    private(set) var spilledBytes: Int64 = 0
    private var file: Int32 = -1

    init(spillBytes: Int?, directory: String, noun: String) {
        self.spillBytes = spillBytes
        self.directory = directory
        self.noun = noun
    }

    deinit { if file >= 0 { close(file) } }

    /// Bytes held, in memory and in the file.
    var byteCount: Int64 { spilledBytes + Int64(buffer.count) }

    /// Moves the buffer to the file when it has grown past `spillBytes`.
    @inline(__always) func didAppend() {
        if let spillBytes, buffer.count >= spillBytes, spillProblem == nil { spill() }
    }

    /// Moves the bytes in memory to the file.
    private func spill() {
        if file < 0 {
            var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            template += Array("s3hound-\(noun)-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                spillProblem = "could not create a temporary file in \(directory) (\(String(cString: strerror(errno)))); \(noun) were kept in memory"
                return
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            file = fd
        }
        let written = buffer.withUnsafeBytes { raw -> Int in
            var done = 0
            while done < raw.count {
                let n = write(file, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return n < 0 ? -Int(errno) : done }
                done += n
            }
            return done
        }
        guard written == buffer.count else {
            // The file holds `spilledBytes` good bytes (anything after them is ignored); the rest stays here.
            let reason = written < 0 ? String(cString: strerror(Int32(-written))) : "short write"
            spillProblem = "could not write \(noun) to a temporary file in \(directory) (\(reason)); \(noun) were kept in memory"
            return
        }
        spilledBytes += Int64(written)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands every byte, in the order written, to `decode` in chunks: `decode` takes the whole records at the
    /// start of the chunk and returns how many bytes they took; the rest is handed again with what follows.
    /// When the file cannot be read back, what follows the failure is missed and `readBackProblem` says so.
    func forEachChunk(_ decode: (UnsafeRawBufferPointer) throws -> Int) rethrows {
        if spilledBytes > 0 {
            var chunk = [UInt8](repeating: 0, count: Int(min(Int64(4 << 20), spilledBytes)))
            var filled = 0
            var offset: Int64 = 0
            while true {
                while offset < spilledBytes, filled < chunk.count {
                    let want = Int(min(Int64(chunk.count - filled), spilledBytes - offset))
                    let n = chunk.withUnsafeMutableBytes { pread(file, $0.baseAddress! + filled, want, off_t(offset)) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else {
                        readBackProblem = "could not read back the \(noun)' temporary file at byte \(offset) (\(n < 0 ? String(cString: strerror(errno)) : "it ended early")): the \(noun) after it are missing"
                        return
                    }
                    filled += n
                    offset += Int64(n)
                }
                let used = try chunk.withUnsafeBytes { try decode(UnsafeRawBufferPointer(rebasing: $0[..<filled])) }
                if used > 0 {
                    chunk.withUnsafeMutableBytes { raw in raw.baseAddress!.copyMemory(from: raw.baseAddress! + used, byteCount: filled - used) }
                    filled -= used
                }
                if offset >= spilledBytes { break }
                // One record larger than the chunk (a huge field): make room for it.
                if used == 0, filled == chunk.count { chunk += [UInt8](repeating: 0, count: chunk.count) }
            }
        }
        _ = try buffer.withUnsafeBytes { try decode($0) }
    }
}
