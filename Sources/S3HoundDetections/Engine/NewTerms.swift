import S3HoundCore

/// "New terms" (Elastic's first-seen primitive): values of a term (an IP, a user-agent family) a principal
/// used in the window and never in its baseline, with the tallies of their use.
struct NewTerms {
    /// Terms seen in the baseline.
    var known: Set<String> = []
    /// Window tallies of the terms never seen in the baseline.
    var new: [String: Tally] = [:]

    /// Splits a principal's term tallies into known terms (first used in the baseline) and new ones (used in
    /// the window, never before); `learned` adds the terms of the principal's learned profile (first seen
    /// before the window). A hunt reads only its baseline and window, the baseline first, so a term first
    /// used inside the window was used only there: its whole tally is its use in the window.
    init(_ terms: [String: Tally], windows: AnalysisWindows, learned: [String: TermHistory]? = nil) {
        known = windows.learnedTerms(learned)
        for (term, tally) in terms where windows.isBaseline(tally.first.time) { known.insert(term) }
        new = terms.filter { !known.contains($0.key) && windows.window.contains($0.value.last.time) }
    }

    /// Drops new addresses inside our own ranges (configured allowed CIDRs).
    func excludingAllowed(_ networks: IPNetworkSet) -> NewTerms {
        guard !networks.networks.isEmpty else { return self }
        var copy = self
        copy.new = new.filter { term in IPAddressValue(term.key).map { networks.match($0) == nil } ?? true }
        return copy
    }

    /// A few known terms, for explanations.
    func examples(_ count: Int = 3) -> String {
        let sample = known.sorted().prefix(count).joined(separator: ", ")
        return sample.isEmpty ? "none" : sample
    }
}

extension Detection {
    /// A finding about one new term of a principal, with the principal's identity filled in.
    func newTermFinding(_ profile: PrincipalActivity, tally: Tally, explanation: String) -> Finding {
        var finding = finding(principal: profile.principal, first: tally.first, last: tally.last, requests: tally.count, explanation: explanation)
        finding.failedCount = tally.failed
        finding.arns = profile.arns.sorted()
        finding.accessKeyIds = profile.accessKeysByUse
        finding.accountId = profile.accountId
        return finding
    }
}

/// The network an address belongs to, for "new network" judgements: the /24 of IPv4, the /64 of IPv6.
enum AddressNetwork {
    static func of(_ ip: String) -> String {
        if ip.contains(":") {
            let groups = expandIPv6(ip)
            return groups.prefix(4).joined(separator: ":") + "::/64"
        }
        let parts = ip.split(separator: ".")
        guard parts.count == 4 else { return ip }
        return parts.prefix(3).joined(separator: ".") + ".0/24"
    }

    /// The eight groups of an IPv6 address, `::` expanded.
    static func expandIPv6(_ ip: String) -> [String] {
        let halves = ip.lowercased().components(separatedBy: "::")
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count > 1 ? halves[1].split(separator: ":").map(String.init) : []
        let missing = max(0, 8 - head.count - tail.count)
        return head + Array(repeating: "0", count: halves.count > 1 ? missing : 0) + tail
    }
}
