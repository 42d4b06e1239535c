/// A growing buffer of JSON text written by hand: the simulator's records are built byte by byte,
/// far faster than going through `JSONSerialization`.
struct JSONOutput {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Continues writing into existing storage.
    init(reusing storage: [UInt8]) { bytes = storage }

    /// Appends text that needs no escaping (punctuation, field names, fixed values).
    @inline(__always) mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends prepared bytes.
    @inline(__always) mutating func raw(_ fragment: [UInt8]) { bytes.append(contentsOf: fragment) }

    /// Appends a JSON string: quoted, with `"`, `\` and control characters escaped.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        stringContent(text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the inside of a JSON string (escaped, without quotes).
    mutating func stringContent(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var clean = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { clean = false; break }
            if clean { bytes.append(contentsOf: utf8); return }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case ..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(lowerHex[Int(byte >> 4)]); bytes.append(lowerHex[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Appends `"name":"value"`, preceded by a comma unless it is the first member.
    mutating func field(_ name: StaticString, _ value: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\"")); literal(name); literal("\":")
        string(value)
    }

    /// Appends a field whose value is `null` when nil.
    mutating func optionalField(_ name: StaticString, _ value: String?) {
        bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: "\"")); literal(name); literal("\":")
        if let value { string(value) } else { literal("null") }
    }

    /// Appends a whole number.
    @inline(__always) mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 { bytes.append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// Appends a number with two digits (leading zero).
    @inline(__always) mutating func twoDigits(_ value: Int) {
        bytes.append(UInt8(ascii: "0") + UInt8(value / 10)); bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends an ISO-8601 time without quotes, `YYYY-MM-DDTHH:MM:SSZ`.
    mutating func time(_ secondsSinceEpoch: Int64) {
        let civil = CivilFields(secondsSinceEpoch)
        integer(Int64(civil.year)); bytes.append(UInt8(ascii: "-")); twoDigits(civil.month)
        bytes.append(UInt8(ascii: "-")); twoDigits(civil.day); bytes.append(UInt8(ascii: "T"))
        twoDigits(civil.hour); bytes.append(UInt8(ascii: ":")); twoDigits(civil.minute)
        bytes.append(UInt8(ascii: ":")); twoDigits(civil.second); bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends a quoted ISO-8601 time.
    mutating func quotedTime(_ secondsSinceEpoch: Int64) {
        bytes.append(UInt8(ascii: "\"")); time(secondsSinceEpoch); bytes.append(UInt8(ascii: "\""))
    }
}
