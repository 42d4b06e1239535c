import S3HoundCore

/// Writes `ActivityEvent`s as compact records for the event spool, and reads them back exactly.
///
/// A record is its length (u32) followed by: the time (ms, i64), a flags byte (origin, `readOnly`, which byte
/// counts are present, and in its top bits the spool's marks: see `EventSpool.Mark`), the event id (a packed UUID or 16 ASCII characters, or text), every string field in a
/// fixed order, the byte counts, and the resources. A string is a LEB128 header: 0 for nil; `1 + 3n` for n bytes
/// that follow; `2 + 3n` for n bytes that follow and that both sides then number in their table; `3 + 3i` for
/// table entry i. Only fields with few distinct values (names, regions, accounts, callers, user agents) are
/// numbered, and only the first `tableLimit` distinct ones, so the table stays small however long the spool.
///
/// An encoder and the decoder that reads its records back must see the same records in the same order.
/// `ActivityEventCodecTests` fails when `ActivityEvent` gains a field this codec does not carry.
struct ActivityEventEncoder {
    /// Distinct strings numbered per spool file at most.
    static let tableLimit = 1024
    /// Longer strings are never numbered. Long enough for user agents (most are 100 to 300 bytes): a numbered
    /// string decodes to one shared `String`, which the term caches (`EventTermCache`) then recognise.
    static let internLimit = 512
    /// The flags byte's bits free for the spool's own marks.
    static let markBits: UInt8 = 0b1110_0000

    private var table: [String: UInt32] = [:]

    /// Appends one record to `out`.
    /// `marks` (at most the top three bits: `markBits`) are kept with the record and read back by the decoder.
    mutating func encode(_ event: ActivityEvent, marks: UInt8 = 0, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        put(event.time.millisecondsSinceEpoch, &out)
        var flags: UInt8 = (event.origin == .serverAccessLog ? 1 : 0) | (marks & Self.markBits)
        if let readOnly = event.readOnly { flags |= readOnly ? 0b110 : 0b010 }
        if event.bytesTransferredOut != nil { flags |= 0b1000 }
        if event.bytesTransferredIn != nil { flags |= 0b1_0000 }
        out.append(flags)
        switch EventIDStorage(event.eventID) {
        case .uuid(let high, let low):
            out.append(0); put(high, &out); put(low, &out)
        case .ascii16(let high, let low):
            out.append(1); put(high, &out); put(low, &out)
        case .text(let id):
            out.append(2); string(id, &out, intern: false)
        }
        string(event.eventSource, &out, intern: true)
        string(event.eventName, &out, intern: true)
        string(event.eventCategory, &out, intern: true)
        string(event.awsRegion, &out, intern: true)
        string(event.sourceIPAddress, &out, intern: false)
        string(event.userAgent, &out, intern: true)
        string(event.errorCode, &out, intern: true)
        string(event.errorMessage, &out, intern: false)
        string(event.recipientAccountId, &out, intern: true)
        string(event.vpcEndpointId, &out, intern: true)
        let identity = event.identity
        string(identity.type, &out, intern: true)
        string(identity.arn, &out, intern: true)
        string(identity.accountId, &out, intern: true)
        string(identity.accessKeyId, &out, intern: true)
        string(identity.principalId, &out, intern: true)
        string(identity.sessionIssuerArn, &out, intern: true)
        string(identity.invokedBy, &out, intern: true)
        string(identity.ec2RoleDelivery, &out, intern: true)
        string(event.bucketName, &out, intern: true)
        string(event.objectKey, &out, intern: false)
        string(event.host, &out, intern: true)
        string(event.copySource, &out, intern: false)
        string(event.authenticationMethod, &out, intern: true)
        string(event.sseApplied, &out, intern: true)
        string(event.kmsKeyId, &out, intern: true)
        string(event.requestParametersJSON, &out, intern: false)
        if let bytes = event.bytesTransferredOut { put(bytes, &out) }
        if let bytes = event.bytesTransferredIn { put(bytes, &out) }
        varint(UInt64(event.resources.count), &out)
        for resource in event.resources {
            string(resource.type, &out, intern: true)
            string(resource.arn, &out, intern: false)
            string(resource.accountId, &out, intern: true)
        }
        let length = UInt32(out.count - start - 4).littleEndian
        withUnsafeBytes(of: length) { raw in for i in 0..<4 { out[start + i] = raw[i] } }
    }

    @inline(__always) private func put<T: FixedWidthInteger>(_ value: T, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private mutating func string(_ value: String?, _ out: inout [UInt8], intern: Bool) {
        guard var value else { out.append(0); return }
        let internable = intern && value.utf8.count <= Self.internLimit
        if internable, let id = table[value] {
            varint(3 + 3 * UInt64(id), &out)
            return
        }
        let numbered = internable && table.count < Self.tableLimit
        value.withUTF8 { utf8 in
            varint((numbered ? 2 : 1) + 3 * UInt64(utf8.count), &out)
            out.append(contentsOf: utf8)
        }
        if numbered { table[value] = UInt32(table.count) }
    }

    @inline(__always) private func varint(_ value: UInt64, _ out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }
}

/// Reads back the records an `ActivityEventEncoder` wrote, in the same order.
struct ActivityEventDecoder {
    /// A record that does not decode (the spool's file was damaged): where.
    struct Damage: Error { var offset: Int }

    private var table: [String] = []
    /// The marks the encoder was given with the record last decoded.
    private(set) var lastMarks: UInt8 = 0

    /// Decodes the record at `offset` of `bytes` and moves `offset` past it; nil when the record is not whole
    /// in `bytes` (hand it again with what follows).
    mutating func decode(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) throws(Damage) -> ActivityEvent? {
        guard bytes.count - offset >= 4 else { return nil }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard bytes.count - offset - 4 >= length else { return nil }
        var reader = Reader(bytes: UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 4 + length)]))
        guard let event = read(&reader), reader.at == length else { throw Damage(offset: offset) }
        offset += 4 + length
        return event
    }

    private mutating func read(_ r: inout Reader) -> ActivityEvent? {
        guard let time = r.fixed(Int64.self), let flags = r.byte(), let idForm = r.byte() else { return nil }
        lastMarks = flags & ActivityEventEncoder.markBits
        let eventID: String
        switch idForm {
        case 0, 1:
            guard let high = r.fixed(UInt64.self), let low = r.fixed(UInt64.self) else { return nil }
            eventID = (idForm == 0 ? EventIDStorage.uuid(high, low) : EventIDStorage.ascii16(high, low)).text
        case 2:
            guard let text = string(&r), let text else { return nil }
            eventID = text
        default:
            return nil
        }
        var strings: [String?] = []
        strings.reserveCapacity(26)
        for _ in 0..<26 {
            guard let value = string(&r) else { return nil }
            strings.append(value)
        }
        var bytesOut: Int64?, bytesIn: Int64?
        if flags & 0b1000 != 0 { guard let v = r.fixed(Int64.self) else { return nil }; bytesOut = v }
        if flags & 0b1_0000 != 0 { guard let v = r.fixed(Int64.self) else { return nil }; bytesIn = v }
        guard let count = r.varint(), count <= UInt64(r.remaining) else { return nil }
        var resources: [EventResource] = []
        resources.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let type = string(&r), let arn = string(&r), let account = string(&r) else { return nil }
            resources.append(EventResource(type: type, arn: arn, accountId: account))
        }
        guard let eventSource = strings[0], let eventName = strings[1] else { return nil }
        let identity = CallerIdentity(type: strings[10], arn: strings[11], accountId: strings[12], accessKeyId: strings[13],
                                      principalId: strings[14], sessionIssuerArn: strings[15], invokedBy: strings[16],
                                      ec2RoleDelivery: strings[17])
        return ActivityEvent(time: EventTime(millisecondsSinceEpoch: time), origin: flags & 1 != 0 ? .serverAccessLog : .cloudTrail,
                             eventID: eventID, eventSource: eventSource, eventName: eventName, eventCategory: strings[2],
                             awsRegion: strings[3], sourceIPAddress: strings[4], userAgent: strings[5], errorCode: strings[6],
                             errorMessage: strings[7], recipientAccountId: strings[8],
                             readOnly: flags & 0b010 != 0 ? flags & 0b100 != 0 : nil, vpcEndpointId: strings[9],
                             identity: identity, bucketName: strings[18], objectKey: strings[19], host: strings[20],
                             copySource: strings[21], bytesTransferredOut: bytesOut, bytesTransferredIn: bytesIn,
                             authenticationMethod: strings[22], sseApplied: strings[23], kmsKeyId: strings[24],
                             requestParametersJSON: strings[25], resources: resources)
    }

    /// A string field: `.some(nil)` for a nil field, nil when the bytes do not decode.
    private mutating func string(_ r: inout Reader) -> String?? {
        guard let header = r.varint() else { return nil }
        if header == 0 { return .some(nil) }
        let (kind, n) = ((header - 1) % 3, (header - 1) / 3)
        if kind == 2 {
            guard n < UInt64(table.count) else { return nil }
            return .some(table[Int(n)])
        }
        guard n <= UInt64(r.remaining) else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: r.bytes[r.at..<(r.at + Int(n))]), as: UTF8.self)
        r.at += Int(n)
        if kind == 1 { table.append(text) }
        return .some(text)
    }

    /// A cursor over one record's bytes.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0
        var remaining: Int { bytes.count - at }

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func fixed<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard remaining >= MemoryLayout<T>.size else { return nil }
            defer { at += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
        }

        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let b = byte() {
                value |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return value }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }
    }
}
