import Foundation

/// Byte counts in human units (binary prefixes, as AWS consoles show them).
public enum ByteCount {
    /// `4.7 GB`-style text: one decimal from KB up, using 1024 steps.
    public static func format(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }

    /// Parses `1GiB`, `500MB`, `1.5G`, `1024` (bytes) into a byte count; units are powers of 1024.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number), value >= 0 else { return nil }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let multipliers: [String: Double] = ["": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024,
                                             "M": 1_048_576, "MB": 1_048_576, "MIB": 1_048_576,
                                             "G": 1_073_741_824, "GB": 1_073_741_824, "GIB": 1_073_741_824,
                                             "T": 1_099_511_627_776, "TB": 1_099_511_627_776, "TIB": 1_099_511_627_776]
        guard let multiplier = multipliers[unit] else { return nil }
        return Int64(value * multiplier)
    }

    /// Thousands separators: `12,847`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
