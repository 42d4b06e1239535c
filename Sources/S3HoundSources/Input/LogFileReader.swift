import Foundation
import S3HoundCore

/// Reads one log file — plain or gzip; CloudTrail JSON, S3 server access logs, VPC Flow Logs, or
/// GuardDuty/Macie findings, told apart by content — and hands what it holds to a sink.
public struct LogFileReader: Sendable {
    /// Bytes read from disk per call.
    public var chunkSize: Int
    /// Issues kept per file before they are only counted.
    public var issuesPerFile: Int
    /// Reads every file as this kind instead of detecting it.
    public var forcedSource: LogSourceType?
    /// Archived and sample findings: skipped unless asked.
    public var findingOptions: ServiceFindingParser.Options
    /// Largest findings document read (findings files are parsed whole).
    public var maximumFindingsDocumentBytes: Int
    /// Which JSON reader turns CloudTrail records into events.
    public var jsonParser: CloudTrailJSONParser

    /// Creates a reader.
    public init(chunkSize: Int = 1 << 20, issuesPerFile: Int = 20, forcedSource: LogSourceType? = nil,
                findingOptions: ServiceFindingParser.Options = .init(), maximumFindingsDocumentBytes: Int = 512 << 20,
                jsonParser: CloudTrailJSONParser = .fast) {
        self.chunkSize = chunkSize; self.issuesPerFile = issuesPerFile; self.forcedSource = forcedSource
        self.findingOptions = findingOptions; self.maximumFindingsDocumentBytes = maximumFindingsDocumentBytes
        self.jsonParser = jsonParser
    }

    /// Reads `input`, calling `sink` for every event (flow records and findings are dropped).
    public func read(_ input: LogInput, sink: (ActivityEvent) -> Void) -> FileReadResult {
        withoutActuallyEscaping(sink) { sink in read(input, into: ClosureSink(sink)) }
    }

    /// Reads `input` into `sink`; damaged records are skipped and reported in the result.
    public func read<Sink: EventSink>(_ input: LogInput, into sink: Sink) -> FileReadResult {
        let fd: Int32
        switch input {
        case .standardInput: fd = 0
        case .remote:
            var result = FileReadResult(file: input.displayName)
            result.note(IngestIssue(file: input.displayName, message: "an S3 object needs a fetcher (ParallelIngest.fetcher); not read"), limit: issuesPerFile)
            result.incomplete = true
            return result
        case .file(let path):
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                var result = FileReadResult(file: input.displayName)
                result.note(IngestIssue(file: input.displayName, message: "cannot open: \(String(cString: strerror(errno))) — check the path and permissions"), limit: issuesPerFile)
                result.incomplete = true
                return result
            }
        }
        defer { if fd != 0 { close(fd) } }
        if fd != 0, let whole = readWhole(fd: fd, name: input.displayName, into: sink) { return whole }
        return read(name: input.displayName, into: sink) { buffer in
            while true {
                let count = Foundation.read(fd, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                return count < 0 ? .failure(String(cString: strerror(errno))) : .success(count)
            }
        }
    }

    /// Reads bytes already in memory (an object fetched from S3) named `name`, exactly as a file.
    public func read<Sink: EventSink>(bytes: [UInt8], name: String, into sink: Sink) -> FileReadResult {
        bytes.withUnsafeBytes { bytes in
            WholeGzip.with { readWhole(bytes, name: name, into: sink, decoder: $0) } ?? readStreaming(bytes: bytes, name: name, into: sink)
        }
    }

    /// The fast path for a regular file that fits in memory: read it at once, decompress it at once.
    /// Nil when the file is not such a file (the caller streams it from where it was).
    private func readWhole<Sink: EventSink>(fd: Int32, name: String, into sink: Sink) -> FileReadResult? {
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= WholeGzip.maximumCompressedBytes else { return nil }
        return WholeGzip.with { decoder -> FileReadResult in
            guard decoder.readAll(from: fd, sizeHint: Int(status.st_size)) else {
                var result = FileReadResult(file: name)
                result.note(IngestIssue(file: name, message: "read failed: \(String(cString: strerror(errno)))"), limit: issuesPerFile)
                result.incomplete = true
                return result
            }
            return decoder.withInput { bytes in
                readWhole(bytes, name: name, into: sink, decoder: decoder) ?? readStreaming(bytes: bytes, name: name, into: sink)
            }
        }
    }

    /// Decodes and routes `bytes` in one go; nil when they are gzip the fast decoder cannot decode
    /// (damaged or truncated: the streaming path then says where, and keeps what came before).
    private func readWhole<Sink: EventSink>(_ bytes: UnsafeRawBufferPointer, name: String, into sink: Sink, decoder: WholeGzip) -> FileReadResult? {
        func route(_ text: UnsafeRawBufferPointer) -> FileReadResult {
            StringInterner.with { interner in
                var router = TextRouter(reader: self, name: name, sink: sink, interner: interner)
                if !text.isEmpty { router.feed(text) }
                router.finish()
                return router.result
            }
        }
        guard GzipDecoder.isGzip(bytes) else { return route(bytes) }
        return decoder.decompress(bytes, route)
    }

    /// Streams bytes in memory through the chunked path.
    private func readStreaming<Sink: EventSink>(bytes: UnsafeRawBufferPointer, name: String, into sink: Sink) -> FileReadResult {
        var position = 0
        return read(name: name, into: sink) { buffer in
            let count = min(buffer.count, bytes.count - position)
            if count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: count) }
            position += count
            return .success(count)
        }
    }

    /// The shared loop: pulls chunks from `next` (bytes read, 0 at the end), un-gzips when needed, routes the text.
    private func read<Sink: EventSink>(name: String, into sink: Sink,
                                       next: (UnsafeMutableRawBufferPointer) -> Result<Int, ReadFailure>) -> FileReadResult {
        StringInterner.with { read(name: name, into: sink, interner: $0, next: next) }
    }

    private func read<Sink: EventSink>(name: String, into sink: Sink, interner: StringInterner,
                                       next: (UnsafeMutableRawBufferPointer) -> Result<Int, ReadFailure>) -> FileReadResult {
        var router = TextRouter(reader: self, name: name, sink: sink, interner: interner)
        var decoder: GzipDecoder?
        var decided = false
        var readBuffer = [UInt8](repeating: 0, count: chunkSize)

        while true {
            let outcome = readBuffer.withUnsafeMutableBytes { next($0) }
            guard case .success(let count) = outcome else {
                if case .failure(let failure) = outcome {
                    router.result.note(IngestIssue(file: name, message: "read failed: \(failure.message)"), limit: issuesPerFile)
                }
                router.result.incomplete = true
                break
            }
            if count == 0 { break }
            let stop: Bool = readBuffer.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                if !decided {
                    decided = true
                    if GzipDecoder.isGzip(chunk) { decoder = try? GzipDecoder() }
                }
                if let decoder {
                    do {
                        try decoder.decode(chunk) { router.feed($0) }
                    } catch {
                        router.result.note(IngestIssue(file: name, byteOffset: decoder.compressedOffset, message: "\(error); the rest of this file is unreadable"), limit: issuesPerFile)
                        router.result.incomplete = true
                        return true
                    }
                } else {
                    router.feed(chunk)
                }
                return router.rejected
            }
            if stop { break }
        }
        if let decoder, !router.result.incomplete {
            do { try decoder.finish() } catch {
                router.result.note(IngestIssue(file: name, byteOffset: decoder.compressedOffset, message: "\(error); records before the cut were read"), limit: issuesPerFile)
                router.result.incomplete = true
            }
        }
        router.finish()
        return router.result
    }
}

/// Why a read failed (the system's words).
struct ReadFailure: Error {
    let message: String
}

extension Result where Failure == ReadFailure {
    static func failure(_ message: String) -> Result { .failure(ReadFailure(message: message)) }
}

/// Adapts a closure to a sink of events.
private final class ClosureSink: EventSink {
    let body: (ActivityEvent) -> Void
    init(_ body: @escaping (ActivityEvent) -> Void) { self.body = body }
    func consume(_ event: ActivityEvent) { body(event) }
}

/// One input to read: a file path or standard input.
public enum LogInput: Hashable, Sendable {
    case file(String)
    case standardInput
    /// An object in S3, fetched by `ParallelIngest`'s fetcher.
    case remote(bucket: String, key: String)

    /// The name used in messages: the path, `-` for standard input, `s3://bucket/key` for an object.
    public var displayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        case .remote(let bucket, let key): return "s3://\(bucket)/\(key)"
        }
    }
}
