import Foundation

/// Helpers shared by the GuardDuty and Macie writers: JSON text from plain values, deterministically.
enum FindingDocuments {
    /// `YYYY-MM-DDTHH:MM:SSZ`, or with `.mmm` milliseconds when given.
    static func time(_ seconds: Int64, milliseconds: Int? = nil) -> String {
        var out = JSONOutput()
        out.time(seconds)
        var text = String(decoding: out.bytes, as: UTF8.self)
        if let milliseconds {
            text.removeLast()
            text += "." + String(String(1000 + milliseconds % 1000).dropFirst()) + "Z"
        }
        return text
    }

    /// A JSON object on one line, keys sorted (the same values always give the same text).
    static func line(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON document, indented, keys sorted.
    static func document(_ object: [String: Any]) throws -> [UInt8] {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        return Array(data) + [0x0A]
    }

    /// A random lower-case hex id of `count` digits.
    static func hexId(_ rng: inout SimulationRandom, _ count: Int = 32) -> String { rng.string(count, from: lowerHex) }

    /// A random version-4 UUID.
    static func uuid(_ rng: inout SimulationRandom) -> String {
        var bytes: [UInt8] = []
        rng.uuid(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
