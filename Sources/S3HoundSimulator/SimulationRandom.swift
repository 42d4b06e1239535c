import Foundation

/// A deterministic pseudo-random generator (xoshiro256**) seeded through SplitMix64.
///
/// Every stream of the simulation (one actor's day, one log file) has its own generator derived from
/// the seed and a label, so output does not depend on the order work runs in, and never on the system.
struct SimulationRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator from one 64-bit seed.
    init(seed: UInt64) {
        var mixer = seed
        s0 = SimulationRandom.splitMix(&mixer); s1 = SimulationRandom.splitMix(&mixer)
        s2 = SimulationRandom.splitMix(&mixer); s3 = SimulationRandom.splitMix(&mixer)
    }

    /// Creates the generator of one named stream: the same seed, label and numbers always give the same stream.
    init(seed: UInt64, stream label: String, _ numbers: Int64...) {
        var state = seed ^ SimulationRandom.stableHash(label)
        _ = SimulationRandom.splitMix(&state)
        for number in numbers {
            state ^= UInt64(bitPattern: number) &* 0xD6E8_FEB8_6659_FD93
            _ = SimulationRandom.splitMix(&state)
        }
        self.init(seed: SimulationRandom.splitMix(&state))
    }

    /// SplitMix64 step: advances `state` and returns a well-mixed value.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A hash of text that is the same in every process (Swift's `Hasher` is randomly seeded per run).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Mixes numbers into one well-distributed value (for properties of catalog objects).
    static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0) -> UInt64 {
        var state = a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ (c &* 0xC2B2_AE3D_27D4_EB4F)
        return splitMix(&state)
    }

    /// The next 64 random bits.
    @inline(__always) mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A whole number in the range (both ends included).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A whole number below `bound` (which must be positive).
    mutating func below(_ bound: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(bound)).high) }

    /// A uniform value in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// `value` rounded up or down at random so that the expected result equals `value` (scaled volumes).
    mutating func roundStochastically(_ value: Double) -> Int {
        guard value > 0 else { return 0 }
        let whole = value.rounded(.down)
        return Int(whole) + (chance(value - whole) ? 1 : 0)
    }

    /// Picks an index according to relative weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var target = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// A random version-4 UUID in lower-case hex, as CloudTrail writes `eventID`.
    mutating func uuid(into out: inout [UInt8]) {
        let high = next(), low = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: high >> (8 * i)); bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (8 * i)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(lowerHex[Int(byte >> 4)]); out.append(lowerHex[Int(byte & 0x0F)])
        }
    }

    /// Appends `count` characters drawn from `alphabet` (at most 64 symbols).
    mutating func characters(_ count: Int, from alphabet: [UInt8], into out: inout [UInt8]) {
        var bits: UInt64 = 0, available = 0
        for _ in 0..<count {
            if available < 6 { bits = next(); available = 64 }
            out.append(alphabet[Int(bits & 63) % alphabet.count])
            bits >>= 6; available -= 6
        }
    }

    /// `count` characters drawn from `alphabet`, as a string.
    mutating func string(_ count: Int, from alphabet: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        characters(count, from: alphabet, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// `0-9a-f`.
let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)
/// `0-9A-F`.
let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)
/// `A-Z0-9`, the alphabet of AWS access key ids and principal ids.
let keyIdAlphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
/// `A-Za-z0-9`, the alphabet of CloudTrail file-name suffixes.
let alphanumeric: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
/// The base64 alphabet, as in `x-amz-id-2`.
let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
