import CS3HoundScan
import S3HoundCore

extension s3h_slot {
    /// The value's bytes in the record, quotes included; nil when the member is absent.
    var range: Range<Int>? { kind == UInt8(S3H_KIND_NONE) ? nil : Int(start)..<Int(end) }

    /// A string without escapes: its bytes between the quotes are its text.
    @inline(__always) var isPlainString: Bool { kind == UInt8(S3H_KIND_STRING) && escaped == 0 }
}

extension RecordFields {
    /// Reads the fields `s3h_read_record` found in `record`: plain strings are taken as they stand; any other value
    /// is read by the scanner at its place, as the scanner path reads it. False when a value is one the scanner
    /// path refuses (text where an object belongs, a number too large), so that path reports it.
    mutating func read(fields: UnsafePointer<s3h_slot>, resources: UnsafePointer<s3h_slot>, resourceCount: Int,
                       record: UnsafeRawBufferPointer) -> Bool {
        let interner = self.interner
        let base = record.baseAddress!
        for field in 0..<Int(S3H_FIELD_COUNT) {
            let slot = fields[field]
            guard slot.kind != UInt8(S3H_KIND_NONE) else { continue }
            switch field {
            case S3H_USER_IDENTITY, S3H_ADDITIONAL_DATA, S3H_RESOURCES, S3H_SESSION_CONTEXT, S3H_SESSION_ISSUER, S3H_DETAIL, S3H_RECORDS:
                continue   // their members have slots of their own; `detail` and `Records` are the caller's
            case S3H_REQUEST_PARAMETERS:
                requestParametersRange = Int(slot.start)..<Int(slot.end)
            case S3H_EVENT_TIME where slot.isPlainString:
                setEventTime(UnsafeRawBufferPointer(start: base + Int(slot.start) + 1, count: Int(slot.end - slot.start) - 2))
            case S3H_READ_ONLY where slot.kind == UInt8(S3H_KIND_TRUE) || slot.kind == UInt8(S3H_KIND_FALSE):
                event.readOnly = slot.kind == UInt8(S3H_KIND_TRUE)
            case S3H_BYTES_OUT where slot.kind == UInt8(S3H_KIND_NUMBER), S3H_BYTES_IN where slot.kind == UInt8(S3H_KIND_NUMBER):
                let text = UnsafeRawBufferPointer(start: base + Int(slot.start), count: Int(slot.end - slot.start))
                guard let count = try? JSONScanner.parseNumber(text, field: "", at: 0) else { return false }
                if field == S3H_BYTES_OUT { event.bytesTransferredOut = count } else { event.bytesTransferredIn = count }
            case S3H_HOST where slot.isPlainString:
                event.host = Self.text(slot, in: base, interner: interner, field: field)
            case S3H_HOST, S3H_EVENT_TIME, S3H_READ_ONLY, S3H_BYTES_OUT, S3H_BYTES_IN:
                guard scanned(field, at: slot, in: record) else { return false }
            default:
                if slot.isPlainString {
                    setText(field, Self.text(slot, in: base, interner: Self.interns(field) ? interner : nil, field: field))
                } else {
                    guard scanned(field, at: slot, in: record) else { return false }
                }
            }
        }
        guard resourceCount > 0 else { return true }
        event.resources.reserveCapacity(resourceCount)
        for index in 0..<resourceCount {
            var resource = EventResource()
            for member in 0..<Int(S3H_RESOURCE_FIELDS) {
                let slot = resources[index * Int(S3H_RESOURCE_FIELDS) + member]
                guard slot.kind != UInt8(S3H_KIND_NONE) else { continue }
                if slot.isPlainString {
                    switch member {
                    case S3H_RESOURCE_TYPE: resource.type = Self.text(slot, in: base, interner: interner, field: Self.resourceTypeField + index % 2)
                    case S3H_RESOURCE_ARN: resource.arn = Self.text(slot, in: base, interner: nil, field: 0)
                    default: resource.accountId = Self.text(slot, in: base, interner: interner, field: Self.resourceAccountField)
                    }
                } else {
                    var scanner = JSONScanner(record, index: Int(slot.start))
                    guard (try? Self.read(resourceField: member, of: &resource, from: &scanner, interner: interner)) != nil else { return false }
                }
            }
            event.resources.append(resource)
        }
        return true
    }

    /// `StringInterner` field numbers for resources' types (two: records list the object, then the bucket) and
    /// accounts, after the record's own members.
    private static let resourceTypeField = Int(S3H_FIELD_COUNT)
    private static let resourceAccountField = Int(S3H_FIELD_COUNT) + 2

    /// The text of a plain string, shared through `interner` when given one.
    @inline(__always)
    private static func text(_ slot: s3h_slot, in base: UnsafeRawPointer, interner: StringInterner?, field: Int) -> String {
        let bytes = UnsafeRawBufferPointer(start: base + Int(slot.start) + 1, count: Int(slot.end - slot.start) - 2)
        if let interner { return interner.string(bytes, field: field) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads member `field` with the scanner at its value; false when the scanner path refuses it.
    private mutating func scanned(_ field: Int, at slot: s3h_slot, in record: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONScanner(record, index: Int(slot.start))
        return (try? read(field: field, from: &scanner)) != nil
    }
}
