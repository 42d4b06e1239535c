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
    /// Per field, the last numbered string written and its number: a field mostly repeats the string before
    /// (the same caller, region, agent), which a comparison (a pointer test for the reader's shared strings)
    /// confirms without hashing it for the table. The numbers written are the table's either way.
    private var recent = [(text: String, id: UInt32)?](repeating: nil, count: 24)
    /// Strings numbered per field slot: no one field (per-session ARNs, say) takes the whole table, so the
    /// user agents that come later are still numbered (and decode to one shared string the term caches know).
    private var numberedPerSlot = [Int](repeating: 0, count: 24)
    static let slotLimit = tableLimit / 4
    private static let resourceTypeSlot = 22
    private static let resourceAccountSlot = 23

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
        string(event.eventSource, &out, intern: true, recent: 0)
        string(event.eventName, &out, intern: true, recent: 1)
        string(event.eventCategory, &out, intern: true, recent: 2)
        string(event.awsRegion, &out, intern: true, recent: 3)
        string(event.sourceIPAddress, &out, intern: false)
        string(event.userAgent, &out, intern: true, recent: 4)
        string(event.errorCode, &out, intern: true, recent: 5)
        string(event.errorMessage, &out, intern: false)
        string(event.recipientAccountId, &out, intern: true, recent: 6)
        string(event.vpcEndpointId, &out, intern: true, recent: 7)
        let identity = event.identity
        string(identity.type, &out, intern: true, recent: 8)
        string(identity.arn, &out, intern: true, recent: 9)
        string(identity.accountId, &out, intern: true, recent: 10)
        string(identity.accessKeyId, &out, intern: true, recent: 11)
        string(identity.principalId, &out, intern: true, recent: 12)
        string(identity.sessionIssuerArn, &out, intern: true, recent: 13)
        string(identity.invokedBy, &out, intern: true, recent: 14)
        string(identity.ec2RoleDelivery, &out, intern: true, recent: 15)
        string(event.bucketName, &out, intern: true, recent: 16)
        string(event.objectKey, &out, intern: false)
        string(event.host, &out, intern: true, recent: 17)
        string(event.copySource, &out, intern: false)
        string(event.authenticationMethod, &out, intern: true, recent: 18)
        string(event.sseApplied, &out, intern: true, recent: 19)
        string(event.kmsKeyId, &out, intern: true, recent: 20)
        string(event.requestParametersJSON, &out, intern: false)
        if let bytes = event.bytesTransferredOut { put(bytes, &out) }
        if let bytes = event.bytesTransferredIn { put(bytes, &out) }
        varint(UInt64(event.resources.count), &out)
        for resource in event.resources {
            string(resource.type, &out, intern: true, recent: Self.resourceTypeSlot)
            string(resource.arn, &out, intern: false)
            string(resource.accountId, &out, intern: true, recent: Self.resourceAccountSlot)
        }
        let length = UInt32(out.count - start - 4).littleEndian
        withUnsafeBytes(of: length) { raw in for i in 0..<4 { out[start + i] = raw[i] } }
    }

    @inline(__always) private func put<T: FixedWidthInteger>(_ value: T, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Writes a string field; `recent` is the field's slot in `recent` (-1: none).
    private mutating func string(_ value: String?, _ out: inout [UInt8], intern: Bool, recent slot: Int = -1) {
        guard var value else { out.append(0); return }
        let internable = intern && value.utf8.count <= Self.internLimit
        if internable, slot >= 0, let last = recent[slot], last.text == value {
            varint(3 + 3 * UInt64(last.id), &out)
            return
        }
        if internable, let id = table[value] {
            if slot >= 0 { recent[slot] = (value, id) }
            varint(3 + 3 * UInt64(id), &out)
            return
        }
        let numbered = internable && table.count < Self.tableLimit && (slot < 0 || numberedPerSlot[slot] < Self.slotLimit)
        value.withUTF8 { utf8 in
            varint((numbered ? 2 : 1) + 3 * UInt64(utf8.count), &out)
            out.append(contentsOf: utf8)
        }
        if numbered {
            let id = UInt32(table.count)
            table[value] = id
            if slot >= 0 {
                recent[slot] = (value, id)
                numberedPerSlot[slot] += 1
            }
        }
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

    /// An event with nothing decoded yet: empty texts, no optional fields.
    private static let placeholder = ActivityEvent(time: EventTime(millisecondsSinceEpoch: 0), eventSource: "", eventName: "")

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
        // Fields are read straight into the event (no array of strings, no copies through the initialiser),
        // in the encoder's order.
        guard case .some(.some(let eventSource)) = string(&r), case .some(.some(let eventName)) = string(&r) else { return nil }
        var event = Self.placeholder
        event.time = EventTime(millisecondsSinceEpoch: time)
        event.origin = flags & 1 != 0 ? .serverAccessLog : .cloudTrail
        event.eventID = eventID
        event.eventSource = eventSource
        event.eventName = eventName
        guard let eventCategory = string(&r) else { return nil }
        event.eventCategory = eventCategory
        guard let awsRegion = string(&r) else { return nil }
        event.awsRegion = awsRegion
        guard let sourceIPAddress = string(&r) else { return nil }
        event.sourceIPAddress = sourceIPAddress
        guard let userAgent = string(&r) else { return nil }
        event.userAgent = userAgent
        guard let errorCode = string(&r) else { return nil }
        event.errorCode = errorCode
        guard let errorMessage = string(&r) else { return nil }
        event.errorMessage = errorMessage
        guard let recipientAccountId = string(&r) else { return nil }
        event.recipientAccountId = recipientAccountId
        event.readOnly = flags & 0b010 != 0 ? flags & 0b100 != 0 : nil
        guard let vpcEndpointId = string(&r) else { return nil }
        event.vpcEndpointId = vpcEndpointId
        guard let type = string(&r) else { return nil }
        event.identity.type = type
        guard let arn = string(&r) else { return nil }
        event.identity.arn = arn
        guard let accountId = string(&r) else { return nil }
        event.identity.accountId = accountId
        guard let accessKeyId = string(&r) else { return nil }
        event.identity.accessKeyId = accessKeyId
        guard let principalId = string(&r) else { return nil }
        event.identity.principalId = principalId
        guard let sessionIssuerArn = string(&r) else { return nil }
        event.identity.sessionIssuerArn = sessionIssuerArn
        guard let invokedBy = string(&r) else { return nil }
        event.identity.invokedBy = invokedBy
        guard let ec2RoleDelivery = string(&r) else { return nil }
        event.identity.ec2RoleDelivery = ec2RoleDelivery
        guard let bucketName = string(&r) else { return nil }
        event.bucketName = bucketName
        guard let objectKey = string(&r) else { return nil }
        event.objectKey = objectKey
        guard let host = string(&r) else { return nil }
        event.host = host
        guard let copySource = string(&r) else { return nil }
        event.copySource = copySource
        guard let authenticationMethod = string(&r) else { return nil }
        event.authenticationMethod = authenticationMethod
        guard let sseApplied = string(&r) else { return nil }
        event.sseApplied = sseApplied
        guard let kmsKeyId = string(&r) else { return nil }
        event.kmsKeyId = kmsKeyId
        guard let requestParametersJSON = string(&r) else { return nil }
        event.requestParametersJSON = requestParametersJSON
        if flags & 0b1000 != 0 { guard let v = r.fixed(Int64.self) else { return nil }; event.bytesTransferredOut = v }
        if flags & 0b1_0000 != 0 { guard let v = r.fixed(Int64.self) else { return nil }; event.bytesTransferredIn = v }
        guard let count = r.varint(), count <= UInt64(r.remaining) else { return nil }
        if count > 0 {
            event.resources.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let type = string(&r), let arn = string(&r), let account = string(&r) else { return nil }
                event.resources.append(EventResource(type: type, arn: arn, accountId: account))
            }
        }
        return event
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
