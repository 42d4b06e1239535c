import S3HoundCore

/// Wording shared by the outputs.
enum ReportFacts {
    /// What an address is: its label, whether it is new for the principal, private or not an IP.
    static func whatItIs(_ activity: SourceIPActivity) -> Prose {
        var parts: [Prose] = []
        if let label = activity.label, !label.isEmpty { parts.append("\(label)") }
        if !IPAddress.isIPAddress(activity.ip) {
            parts.append("AWS service or internal name")
        } else if IPAddress.isPrivate(activity.ip) {
            parts.append("private address (inside your network)")
        }
        parts.append(activity.newForPrincipal ? "new for this principal" : "not flagged as new for this principal")
        return parts.joined(separator: "; ")
    }

    /// `185.220.101.47 (Tor exit node; new for this principal): 12,847 requests, 0 failed`.
    static func describe(_ activity: SourceIPActivity) -> Prose {
        "\(activity.ip) (\(whatItIs(activity))): \(activity.requests) requests, \(activity.failed) failed"
    }

    /// `AKIA…WXYZ (long-term)`: masked, with the kind of key.
    static func describeKey(_ key: String) -> Prose {
        let kind = key.hasPrefix("AKIA") ? " (long-term)" : key.hasPrefix("ASIA") ? " (temporary)" : ""
        return "\(AccessKeyMask.mask(key))\(trusted: kind)"
    }

    /// `T1530 Data from Cloud Storage (Collection)` for known ids, the id otherwise.
    static func technique(_ id: String) -> Prose {
        guard let known = AttackTechnique.known.first(where: { $0.id == id }) else { return "\(id)" }
        return "\(trusted: known.id) \(trusted: known.name) (\(trusted: known.tactic))"
    }
}
