import CLibDeflate
import Foundation

/// Decompresses a whole gzip file held in memory with libdeflate, about three times faster than
/// streaming it through zlib. Only for files that fit comfortably in memory: larger ones, and any
/// the fast path cannot decode (damaged, truncated, unusual), go through the streaming `GzipDecoder`,
/// which reports exactly where the damage is and keeps what came before it.
final class WholeGzip {
    /// Largest compressed file read whole.
    static let maximumCompressedBytes = 64 << 20
    /// Largest decompressed text produced whole (a bomb beyond this streams in bounded memory).
    static let maximumDecompressedBytes = 1 << 30

    private let decompressor: OpaquePointer
    /// The compressed file: the first `inputCount` bytes.
    private var input: [UInt8] = []
    private var inputCount = 0
    /// The decompressed text (only the first `count` bytes of the last result are meaningful).
    private var output: [UInt8] = []

    private init?() {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        self.decompressor = decompressor
    }

    deinit { libdeflate_free_decompressor(decompressor) }

    /// Decompresses `source` (every gzip member, ignoring zero padding after the last); calls `body` with
    /// the text, or returns nil without calling it when the fast path cannot decode the input.
    func decompress<Result>(_ source: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard source.count >= 18, source.count <= Self.maximumCompressedBytes else { return nil }
        let trailerSize = Int(source.loadUnaligned(fromByteOffset: source.count - 4, as: UInt32.self).littleEndian)
        var capacity = min(Self.maximumDecompressedBytes, max(trailerSize + 1, source.count * 4, 1 << 16))
        while true {
            if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
            switch decodeMembers(source, capacity: capacity) {
            case .decoded(let count):
                return output.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            case .needsSpace:
                guard capacity < Self.maximumDecompressedBytes else { return nil }
                capacity = min(Self.maximumDecompressedBytes, capacity * 2)
            case .undecodable:
                return nil
            }
        }
    }

    private enum Outcome { case decoded(Int), needsSpace, undecodable }

    private func decodeMembers(_ source: UnsafeRawBufferPointer, capacity: Int) -> Outcome {
        output.withUnsafeMutableBytes { target in
            var consumed = 0
            var produced = 0
            while consumed < source.count {
                let rest = UnsafeRawBufferPointer(rebasing: source[consumed...])
                if consumed > 0, rest.allSatisfy({ $0 == 0 }) { break }
                var memberIn = 0
                var memberOut = 0
                let status = libdeflate_gzip_decompress_ex(decompressor, rest.baseAddress, rest.count,
                                                           target.baseAddress! + produced, capacity - produced, &memberIn, &memberOut)
                switch status {
                case LIBDEFLATE_SUCCESS:
                    consumed += memberIn
                    produced += memberOut
                case LIBDEFLATE_INSUFFICIENT_SPACE:
                    return .needsSpace
                default:
                    return .undecodable
                }
            }
            return .decoded(produced)
        }
    }

    /// Reads the rest of `fd` into `input`, straight into its storage (grown, and zeroed, only when a
    /// file is larger than any before); false on a read error.
    func readAll(from fd: Int32, sizeHint: Int) -> Bool {
        inputCount = 0
        if input.count < sizeHint + 1 { input = [UInt8](repeating: 0, count: sizeHint + 1) }
        while true {
            if inputCount == input.count { input.append(contentsOf: repeatElement(0, count: input.count)) }
            let count = input.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + inputCount, $0.count - inputCount) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return false }
            if count == 0 { return true }
            inputCount += count
        }
    }

    /// Runs `body` with the file `readAll` read.
    func withInput<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        input.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<inputCount])) }
    }

    // MARK: - A few per process, reused

    private static let pool = ReaderPool<WholeGzip> { decoder in
        // Keep buffers of ordinary files only; a huge one goes back to the system.
        if decoder.output.count > 64 << 20 { decoder.output = [] }
        if decoder.input.count > retainedInputBytes { decoder.input = []; decoder.inputCount = 0 }
    }

    private static let retainedInputBytes = 16 << 20

    /// Runs `body` with a decoder from the pool (one per concurrent reader).
    static func with<Result>(_ body: (WholeGzip) -> Result?) -> Result? {
        guard let decoder = pool.take() ?? WholeGzip() else { return nil }
        defer { pool.give(decoder) }
        return body(decoder)
    }
}
