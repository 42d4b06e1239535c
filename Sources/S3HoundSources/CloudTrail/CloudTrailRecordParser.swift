import CS3HoundScan
import S3HoundCore

/// Reads one CloudTrail record (or an EventBridge envelope around one, or a `{"Records":[…]}` object)
/// into `ActivityEvent`s, taking only the fields detections use.
enum CloudTrailRecordParser {
    /// What came out of one top-level JSON value.
    enum Outcome {
        case event(ActivityEvent)
        case failure(offset: Int, reason: String)
    }

    /// Parses a top-level value; calls `emit` once per record it holds (several for a `Records` wrapper
    /// that the stream splitter did not unwrap, e.g. pretty-printed with other keys first).
    static func parse(_ bytes: UnsafeRawBufferPointer, interner: StringInterner? = nil, emit: (consuming Outcome) -> Void) {
        var builder = RecordFields(interner: interner)
        var scanner = JSONScanner(bytes)
        do {
            guard try scanner.peekKind() == .object else {
                emit(.failure(offset: scanner.index, reason: "a record must be a JSON object"))
                return
            }
            let nested = try readMembers(&scanner, into: &builder)
            finish(bytes, &builder, nested, interner: interner, emit: emit)
        } catch let error as JSONScanError {
            emit(.failure(offset: error.offset, reason: error.reason.hasPrefix("field") ? error.reason : "invalid JSON: \(error.reason)"))
        } catch {
            emit(.failure(offset: 0, reason: "\(error)"))
        }
    }

    /// The single-pass path: reads the object at the start of `text` (which may go on past it) in one pass of the
    /// C reader (`s3h_read_record`) and returns where it ends — or nil, having emitted nothing, when it is not a
    /// record that reader takes whole (broken JSON, a field of the wrong type, an escaped key, cut off by the end
    /// of `text`). The caller then cuts the record out the slow way and `parse` reads it or reports what is wrong
    /// with it, so both paths report exactly the same events and damage.
    /// With `refusingNewlines` (JSON lines), a record spread over several lines is left to the slow way too.
    static func parseLeading(_ text: UnsafeRawBufferPointer, refusingNewlines: Bool, interner: StringInterner? = nil,
                             emit: (consuming Outcome) -> Void) -> Int? {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var builder = RecordFields(interner: interner)
        var nested = Nested()
        let slotCount = Int(S3H_FIELD_COUNT) + Int(S3H_RESOURCE_FIELDS) * Int(S3H_MAX_RESOURCES)
        let read: Int? = withUnsafeTemporaryAllocation(of: s3h_slot.self, capacity: slotCount) { slots in
            let fields = slots.baseAddress!
            let resources = fields + Int(S3H_FIELD_COUNT)
            var resourceCount: UInt32 = 0
            var end = 0
            guard s3h_read_record(base, text.count, fields, resources, &resourceCount, &end) == Int32(S3H_OK) else { return nil }
            if refusingNewlines, s3h_find_byte(base, end, 0, 0x0A) < end { return nil }
            let record = UnsafeRawBufferPointer(rebasing: text[0..<end])
            guard builder.read(fields: fields, resources: resources, resourceCount: Int(resourceCount), record: record) else { return nil }
            nested = Nested(detail: fields[S3H_DETAIL].range, records: fields[S3H_RECORDS].range)
            return end
        }
        guard let end = read else { return nil }
        finish(UnsafeRawBufferPointer(rebasing: text[0..<end]), &builder, nested, interner: interner, emit: emit)
        return end
    }

    /// Where a `detail` object or a `Records` array sits in the value, when it has one.
    private struct Nested { var detail: Range<Int>?; var records: Range<Int>? }

    /// Reads the members of the object at the scanner's position into `builder`.
    private static func readMembers(_ scanner: inout JSONScanner, into builder: inout RecordFields) throws -> Nested {
        var nested = Nested()
        try scanner.forEachMember { s, key in
            let field = RecordFields.field(key, in: S3H_CONTEXT_RECORD)
            if field == S3H_DETAIL, try s.peekKind() == .object {
                let start = s.index
                try s.skipValue()
                nested.detail = start..<s.index
            } else if field == S3H_RECORDS, try s.peekKind() == .array {
                let start = s.index
                try s.skipValue()
                nested.records = start..<s.index
            } else {
                try builder.read(field: field, from: &s)
            }
        }
        return nested
    }

    /// Emits the record read, or the records of the `Records` array or `detail` object it wraps.
    private static func finish(_ bytes: UnsafeRawBufferPointer, _ builder: inout RecordFields, _ nested: Nested, interner: StringInterner?,
                               emit: (consuming Outcome) -> Void) {
        if !builder.hasEventName, let recordsRange = nested.records {
            var records = JSONScanner(bytes, index: recordsRange.lowerBound)
            do {
                try records.forEachElement { element, _ in
                    let start = element.index
                    try element.skipValue()
                    parse(UnsafeRawBufferPointer(rebasing: bytes[start..<element.index]), interner: interner) { outcome in
                        emit(outcome.shifted(by: start))
                    }
                }
            } catch let error as JSONScanError {
                emit(.failure(offset: error.offset, reason: "invalid JSON: \(error.reason)"))
            } catch {
                emit(.failure(offset: 0, reason: "\(error)"))
            }
        } else if !builder.hasEventName, let detailRange = nested.detail {
            parse(UnsafeRawBufferPointer(rebasing: bytes[detailRange]), interner: interner) { emit($0.shifted(by: detailRange.lowerBound)) }
        } else {
            emit(builder.build(bytes))
        }
    }
}

extension CloudTrailRecordParser.Outcome {
    /// The same outcome with its byte offset moved by `delta` (offsets are relative to the value parsed).
    func shifted(by delta: Int) -> Self {
        if case .failure(let offset, let reason) = self { return .failure(offset: offset + delta, reason: reason) }
        return self
    }
}
