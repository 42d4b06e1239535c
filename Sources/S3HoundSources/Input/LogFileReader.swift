import Foundation
import S3HoundCore

/// Reads one log file (plain or gzip, any supported JSON layout) and hands each event to a sink.
public struct LogFileReader: Sendable {
    /// Bytes read from disk per call.
    public var chunkSize: Int
    /// Issues kept per file before they are only counted.
    public var issuesPerFile: Int

    /// Creates a reader.
    public init(chunkSize: Int = 1 << 20, issuesPerFile: Int = 20) {
        self.chunkSize = chunkSize; self.issuesPerFile = issuesPerFile
    }

    /// Reads `input`, calling `sink` for every event; damaged records are skipped and reported in the result.
    public func read(_ input: LogInput, sink: (ActivityEvent) -> Void) -> FileReadResult {
        var result = FileReadResult(file: input.displayName)
        let fd: Int32
        switch input {
        case .standardInput: fd = 0
        case .file(let path):
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                result.note(IngestIssue(file: input.displayName, message: "cannot open: \(String(cString: strerror(errno))) — check the path and permissions"), limit: issuesPerFile)
                result.incomplete = true
                return result
            }
        }
        defer { if fd != 0 { close(fd) } }

        var splitter = RecordSplitter()
        var decoder: GzipDecoder?
        var decided = false
        var recordIndex = 0
        var readBuffer = [UInt8](repeating: 0, count: chunkSize)
        let limit = issuesPerFile
        let name = input.displayName

        func handle(_ piece: RecordSplitter.Piece) {
            switch piece {
            case .record(let bytes, let offset):
                CloudTrailRecordParser.parse(bytes) { outcome in
                    switch outcome {
                    case .event(let event):
                        result.records += 1
                        sink(event)
                    case .failure(let relative, let reason):
                        result.skipped += 1
                        result.note(IngestIssue(file: name, recordIndex: recordIndex, byteOffset: offset + relative, message: reason + "; record skipped"), limit: limit)
                    }
                    recordIndex += 1
                }
            case .damaged(let offset, let reason):
                result.skipped += 1
                result.note(IngestIssue(file: name, recordIndex: recordIndex, byteOffset: offset, message: reason + "; skipped"), limit: limit)
                recordIndex += 1
            }
        }

        func feedText(_ text: UnsafeRawBufferPointer) {
            result.bytes += Int64(text.count)
            splitter.feed(text, emit: handle)
        }

        while true {
            let count = readBuffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                result.note(IngestIssue(file: name, message: "read failed: \(String(cString: strerror(errno)))"), limit: limit)
                result.incomplete = true
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
                        try decoder.decode(chunk, output: feedText)
                    } catch {
                        result.note(IngestIssue(file: name, byteOffset: decoder.compressedOffset, message: "\(error); the rest of this file is unreadable"), limit: limit)
                        result.incomplete = true
                        return true
                    }
                } else {
                    feedText(chunk)
                }
                return splitter.layout == .notJSON
            }
            if stop { break }
        }
        if let decoder, !result.incomplete {
            do { try decoder.finish() } catch {
                result.note(IngestIssue(file: name, byteOffset: decoder.compressedOffset, message: "\(error); records before the cut were read"), limit: limit)
                result.incomplete = true
            }
        }
        if splitter.layout == .notJSON {
            let head = String(decoding: splitter.leadingBytes, as: UTF8.self)
            result.note(IngestIssue(file: name, byteOffset: 0, message: "not CloudTrail JSON (starts with \"\(head)\"); file skipped"), limit: limit)
            result.incomplete = true
        } else {
            splitter.finish(emit: handle)
        }
        return result
    }
}

/// One input to read: a file path or standard input.
public enum LogInput: Hashable, Sendable {
    case file(String)
    case standardInput

    /// The name used in messages: the path, or `-` for standard input.
    public var displayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        }
    }
}
