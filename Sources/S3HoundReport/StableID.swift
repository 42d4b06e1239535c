import S3HoundCore

/// A short stable fingerprint (64-bit FNV-1a, hex) for ids that must not change between runs over
/// the same logs: the same finding imported twice updates one Security Hub finding, not two.
enum StableID {
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `s3hound/INC-20260223-4f2a9c/cloudtrail.bulk-download/8c1f…`: one finding of one incident.
    static func finding(_ finding: Finding, in incident: Incident) -> String {
        let print = fingerprint([incident.id, finding.detectionID, finding.principal, finding.firstEvent.eventID,
                                 String(finding.firstEvent.time.millisecondsSinceEpoch)])
        return "s3hound/\(SafeID.clean(incident.id))/\(SafeID.clean(finding.detectionID))/\(print)"
    }
}

/// Id parts limited to letters, digits, `.`, `-` and `_`.
enum SafeID {
    static func clean(_ text: String) -> String { ShellQuote.fileName(text) }
}
