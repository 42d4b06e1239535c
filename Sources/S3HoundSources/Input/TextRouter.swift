import S3HoundCore

/// Takes a file's decompressed text, decides from its first bytes (or `--source-type`) what it is, and
/// sends it through the matching parser to the sink, noting damaged records in the result.
struct TextRouter<Sink: EventSink> {
    private enum Mode {
        case undecided
        case cloudTrail
        case serverAccessLog
        case flowLog
        case findings
        case rejected
    }

    let reader: LogFileReader
    let name: String
    let sink: Sink
    /// Shares repeated CloudTrail field strings across records (and files) read on this thread.
    let interner: StringInterner?
    var result: FileReadResult
    private var mode: Mode = .undecided
    private var head: [UInt8] = []
    private var splitter = RecordSplitter()
    private var lines = LineSplitter()
    private var flowFormat = FlowLogFormat.defaultV2
    private var document: [UInt8] = []
    private var documentTooLarge = false
    private var recordIndex = 0
    /// Bytes the sniffer waits for before deciding (or the first line's end, or the end of input).
    private static var sniffBytes: Int { 64 << 10 }

    init(reader: LogFileReader, name: String, sink: Sink, interner: StringInterner? = nil) {
        self.interner = interner
        self.reader = reader; self.name = name; self.sink = sink
        result = FileReadResult(file: name)
        if let forced = reader.forcedSource { mode = Self.mode(for: forced); result.source = forced }
    }

    /// True when the file is not a log S3Hound reads (reading can stop).
    var rejected: Bool { if case .rejected = mode { return true } else { return false } }

    mutating func feed(_ text: UnsafeRawBufferPointer) {
        result.bytes += Int64(text.count)
        if case .undecided = mode {
            // A CloudTrail delivery file says so in its first bytes, however it goes on: decide at once and
            // route the text where it lies, rather than copying it (often the whole file) into `head` first.
            if head.isEmpty, Self.opensDeliveryFile(text) {
                result.source = .cloudTrail
                mode = .cloudTrail
                route(text)
                return
            }
            head.append(contentsOf: text)
            guard head.count >= Self.sniffBytes || head.contains(0x0A) else { return }
            decide()
            let buffered = head
            head = []
            buffered.withUnsafeBytes { route($0) }
            return
        }
        route(text)
    }

    mutating func finish() {
        if case .undecided = mode {
            decide()
            let buffered = head
            head = []
            buffered.withUnsafeBytes { route($0) }
        }
        switch mode {
        case .cloudTrail:
            var copy = splitter
            copy.finish { handleRecord($0) }
            splitter = copy
        case .serverAccessLog, .flowLog:
            var copy = lines
            copy.finish { handleLine($0) }
            lines = copy
        case .findings:
            parseDocument()
        case .rejected:
            let start = String(decoding: head.prefix(24), as: UTF8.self)
            note(offset: 0, "not a log S3Hound reads (CloudTrail JSON, S3 server access logs, VPC Flow Logs, GuardDuty/Macie findings); it starts with \"\(start)\" — file skipped (force a kind with --source-type)")
            result.incomplete = true
        case .undecided:
            break
        }
    }

    // MARK: - Deciding

    private mutating func decide() {
        let kind: LogSourceType? = head.withUnsafeBytes { Self.sniff($0) }
        result.source = kind
        mode = kind.map(Self.mode(for:)) ?? (head.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ? .cloudTrail : .rejected)
    }

    /// What the first bytes of a file are, or nil when they are none of the kinds S3Hound reads.
    static func sniff(_ head: UnsafeRawBufferPointer) -> LogSourceType? {
        let start = contentStart(head)
        guard start < head.count else { return nil }
        let text = UnsafeRawBufferPointer(rebasing: head[start...])
        if text[0] == UInt8(ascii: "{") || text[0] == UInt8(ascii: "[") {
            // A CloudTrail delivery file says so in its first bytes: no need to scan its head for findings.
            if RecordSplitter.layout(of: text, final: true) == .recordsWrapper { return .cloudTrail }
            return ServiceFindingParser.sniff(text) ? .findings : .cloudTrail
        }
        let end = text.firstIndex(of: 0x0A) ?? text.count
        let firstLine = UnsafeRawBufferPointer(rebasing: text[0..<end])
        if FlowLogFormat.looksLikeFlowLog(firstLine) { return .vpcFlowLog }
        if ServerAccessLogParser.looksLikeServerAccessLog(firstLine) { return .serverAccessLog }
        return nil
    }

    /// True when the first bytes of a file already show `sniff` will call it CloudTrail whatever follows: they
    /// open a delivery file's `{"Records":[`.
    static func opensDeliveryFile(_ head: UnsafeRawBufferPointer) -> Bool {
        let start = contentStart(head)
        guard start < head.count, head[start] == UInt8(ascii: "{") else { return false }
        return RecordSplitter.layout(of: UnsafeRawBufferPointer(rebasing: head[start...]), final: false) == .recordsWrapper
    }

    /// Where a file's content starts: after a UTF-8 byte order mark and leading white space.
    private static func contentStart(_ head: UnsafeRawBufferPointer) -> Int {
        var start = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { start = 3 }
        while start < head.count, [0x20, 0x0A, 0x0D, 0x09].contains(head[start]) { start += 1 }
        return start
    }

    private static func mode(for source: LogSourceType) -> Mode {
        switch source {
        case .cloudTrail: return .cloudTrail
        case .serverAccessLog: return .serverAccessLog
        case .vpcFlowLog: return .flowLog
        case .findings: return .findings
        }
    }

    // MARK: - Routing

    private mutating func route(_ text: UnsafeRawBufferPointer) {
        switch mode {
        case .cloudTrail:
            // Moved out (not copied) so the splitter's buffer stays uniquely referenced while it grows.
            var copy = splitter
            splitter = RecordSplitter()
            if reader.jsonParser == .fast {
                copy.feed(text, reader: { readRecord($0, offset: $1, refusingNewlines: $2) }) { handleRecord($0) }
            } else {
                copy.feed(text) { handleRecord($0) }
            }
            splitter = copy
            if copy.layout == .notJSON {
                head = copy.leadingBytes
                mode = .rejected
            }
        case .serverAccessLog, .flowLog:
            var copy = lines
            copy.feed(text) { handleLine($0) }
            lines = copy
        case .findings:
            guard !documentTooLarge else { return }
            if document.count + text.count > reader.maximumFindingsDocumentBytes {
                documentTooLarge = true
                document = []
                note(offset: 0, "findings document larger than \(ByteCount.format(Int64(reader.maximumFindingsDocumentBytes))); split it (JSON lines) — file skipped")
                result.incomplete = true
                return
            }
            document.append(contentsOf: text)
        case .undecided, .rejected:
            break
        }
    }

    /// The single-pass path: reads the record at the start of `text` if it is well formed.
    private mutating func readRecord(_ text: UnsafeRawBufferPointer, offset: Int, refusingNewlines: Bool) -> Int? {
        CloudTrailRecordParser.parseLeading(text, refusingNewlines: refusingNewlines, interner: interner) { take($0, at: offset) }
    }

    /// Counts a parsed record and hands its event to the sink, or notes why it was skipped.
    private mutating func take(_ outcome: consuming CloudTrailRecordParser.Outcome, at offset: Int) {
        switch consume outcome {
        case .event(let event):
            result.records += 1
            sink.consume(event)
        case .failure(let relative, let reason):
            result.skipped += 1
            note(offset: offset + relative, reason + "; record skipped")
        }
        recordIndex += 1
    }

    private mutating func handleRecord(_ piece: RecordSplitter.Piece) {
        switch piece {
        case .record(let bytes, let offset):
            reader.jsonParser.parse(bytes, interner: interner) { take($0, at: offset) }
        case .damaged(let offset, let reason):
            result.skipped += 1
            note(offset: offset, reason + "; skipped")
            recordIndex += 1
        }
    }

    private mutating func handleLine(_ piece: LineSplitter.Piece) {
        switch piece {
        case .oversized(let offset, let length):
            result.skipped += 1
            note(offset: offset, "line of \(ByteCount.format(Int64(length))) is over the \(ByteCount.format(Int64(lines.maximumLineBytes))) line limit; line skipped")
            recordIndex += 1
        case .line(let bytes, let offset):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            if case .flowLog = mode, let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) {
                if let format = FlowLogFormat(header: bytes) { flowFormat = format; return }
            }
            switch mode {
            case .serverAccessLog:
                switch ServerAccessLogParser.parse(bytes) {
                case .success(var event):
                    if !event.eventID.isEmpty { event.eventID = "sal:" + event.eventID }
                    result.records += 1
                    sink.consume(event)
                case .failure(let error):
                    result.skipped += 1
                    note(offset: offset + error.column, error.reason + "; line skipped")
                }
            case .flowLog:
                switch flowFormat.parse(bytes) {
                case .success(let flow):
                    result.records += 1
                    sink.consume(flow: flow)
                case .failure(let error):
                    result.skipped += 1
                    note(offset: offset + error.column, error.reason + "; line skipped")
                }
            default:
                break
            }
            recordIndex += 1
        }
    }

    private mutating func parseDocument() {
        guard !documentTooLarge else { return }
        let outcome = ServiceFindingParser.parse(document, options: reader.findingOptions)
        document = []
        for finding in outcome.findings { sink.consume(serviceFinding: finding) }
        result.records += outcome.findings.count
        result.skipped += outcome.failures.count
        result.findingsSkippedArchived += outcome.skippedArchived
        result.findingsSkippedSamples += outcome.skippedSamples
        for failure in outcome.failures {
            result.note(IngestIssue(file: name, recordIndex: failure.index, byteOffset: failure.byteOffset, message: failure.reason + "; finding skipped"), limit: reader.issuesPerFile)
        }
        for note in outcome.notes {
            result.note(IngestIssue(file: name, recordIndex: note.index, byteOffset: note.byteOffset, message: note.reason), limit: reader.issuesPerFile)
        }
    }

    private mutating func note(offset: Int?, _ message: String) {
        result.note(IngestIssue(file: name, recordIndex: offset == nil ? nil : recordIndex, byteOffset: offset, message: message), limit: reader.issuesPerFile)
    }
}
