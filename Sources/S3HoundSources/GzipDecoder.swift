import CZlib

/// Streaming gzip (and zlib) decompression through system zlib; concatenated gzip members are
/// decoded one after another, as `gzip` and CloudTrail produce them.
public final class GzipDecoder {
    private var stream = z_stream()
    private var finishedMember = false
    private var open = false
    /// Compressed bytes consumed so far (for error positions).
    public private(set) var compressedOffset: Int = 0

    /// Creates a decoder expecting gzip or zlib headers (auto-detected).
    public init() throws {
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw GzipError.initialisation(status) }
        open = true
    }

    deinit { if open { inflateEnd(&stream) } }

    /// Decompresses one chunk of input, calling `output` with each decompressed piece.
    public func decode(_ input: UnsafeRawBufferPointer, output: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var outBuffer = [UInt8](repeating: 0, count: 256 * 1024)
        var offset = 0
        while offset < input.count {
            if finishedMember {
                // Another member follows (or trailing garbage/zero padding).
                let rest = UnsafeRawBufferPointer(rebasing: input[offset...])
                if rest.allSatisfy({ $0 == 0 }) { compressedOffset += rest.count; return }
                inflateReset(&stream)
                finishedMember = false
            }
            stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self) + offset)
            stream.avail_in = uInt(input.count - offset)
            var status: Int32 = Z_OK
            repeat {
                try outBuffer.withUnsafeMutableBytes { out in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    if produced > 0 { try output(UnsafeRawBufferPointer(rebasing: out[0..<produced])) }
                }
                if status == Z_STREAM_END { break }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                guard status == Z_OK || status == Z_BUF_ERROR else {
                    let consumed = input.count - offset - Int(stream.avail_in)
                    throw GzipError.corrupt(offset: compressedOffset + consumed, message: stream.msg.map { String(cString: $0) } ?? "zlib status \(status)")
                }
            } while stream.avail_out == 0 || stream.avail_in > 0
            let consumed = input.count - offset - Int(stream.avail_in)
            compressedOffset += consumed
            offset += consumed
            if status == Z_STREAM_END { finishedMember = true } else if consumed == 0 { break }
        }
    }

    /// Confirms the stream ended cleanly; throws `truncated` when input stopped mid-member.
    public func finish() throws {
        guard finishedMember else { throw GzipError.truncated(offset: compressedOffset) }
    }

    /// True when the bytes begin with the gzip magic number.
    public static func isGzip(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B
    }
}

/// What went wrong while decompressing.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    /// zlib could not start.
    case initialisation(Int32)
    /// The compressed data is damaged at a compressed byte offset.
    case corrupt(offset: Int, message: String)
    /// The stream ended before the gzip trailer: the file is truncated.
    case truncated(offset: Int)

    public var description: String {
        switch self {
        case .initialisation(let status): return "zlib failed to initialise (status \(status))"
        case .corrupt(let offset, let message): return "corrupt gzip data at compressed byte \(offset): \(message)"
        case .truncated(let offset): return "gzip stream truncated after \(offset) compressed bytes (file cut short?)"
        }
    }
}
