import S3HoundCore

/// A presigned URL (request signed in the query string) of a principal used from an address that principal
/// never used: a link that leaked, or credentials used to mint links for someone else.
public struct PresignedURLNewIP: Detection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.presigned-url-new-ip",
        title: "Presigned URL used from an address never seen for its signer",
        severity: .medium,
        techniques: [.t1530],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Applications that hand presigned links to customers: principals whose links were used from more than --presigned-ip-limit addresses in the baseline are not judged",
            "A colleague opening a link shared in chat",
        ],
        triage: "Which objects did the link fetch, and who owns the address? Where could the link have been shared? Links stay valid until they expire: rotate the signer's key to cut them off.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let limit = activity.configuration.presignedDistinctIPLimit
        var findings: [Finding] = []
        for (profile, facts) in judgedPrincipals(activity, windows: windows) where !profile.presignedIPs.isEmpty {
            let presigned = NewTerms(profile.presignedIPs, windows: windows)
                .excludingAllowed(activity.configuration.allowedNetworks)
            // Links handed out publicly show up from many addresses: nothing to judge there.
            guard presigned.known.count <= limit else { continue }
            let anyUse = NewTerms(profile.ips.totals, windows: windows, learned: windows.learnedProfile(profile.principal)?.sourceIPs)
            for (ip, tally) in presigned.new where !anyUse.known.contains(ip) {
                var finding = newTermFinding(profile, tally: tally, explanation: "\(ByteCount.grouped(tally.count)) presigned-URL requests (AuthenticationMethod QueryString) from \(ip), first at \(tally.first.time.reportMinute); in \(facts.activeDays) days of baseline this principal's links and calls came from \(anyUse.known.count) other address(es) (\(anyUse.examples())) and never from this one.")
                finding.sourceIPs = [ip: tally.count]
                finding.evidence = ["sourceIP": ip, "knownAddresses": String(anyUse.known.count), "knownPresignedAddresses": String(presigned.known.count),
                                    "baselineDays": String(facts.activeDays)]
                findings.append(finding)
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }
}

extension PresignedURLNewIP {
    public static var cases: [DetectionCase] {
        let app = CaseEvents.role("report-exporter")
        let window = "2026-02-23T00:00:00Z"
        func presigned(_ t: EventTime, from ip: String) -> ActivityEvent {
            var event = CaseEvents.getObject(t, by: app, from: ip, bucket: "finance-reports", key: "exports/q4.xlsx")
            event.authenticationMethod = "QueryString"
            return event
        }
        let history = CaseEvents.daily(7, before: CaseEvents.time(window), atHours: [10, 15]) { presigned($0, from: "203.0.113.10") }
        var publicLinks: [ActivityEvent] = []
        for (index, day) in (0..<7).enumerated() {
            publicLinks.append(presigned(CaseEvents.time("2026-02-16T12:00:00Z").adding(seconds: Int64(day) * 86_400), from: "198.51.100.\(index + 1)"))
        }
        return [
            .fires("a finance export link fetched from an address its signer never used", windowStart: window,
                   history + [presigned(CaseEvents.time("2026-02-23T03:00:00Z"), from: "45.133.1.77")]),
            .quiet("the link fetched from the office, as every day", windowStart: window,
                   history + [presigned(CaseEvents.time("2026-02-23T10:30:00Z"), from: "203.0.113.10")]),
            .quiet("a signer whose links are used from many addresses hands them out publicly", windowStart: window,
                   history + publicLinks + [presigned(CaseEvents.time("2026-02-23T03:00:00Z"), from: "45.133.1.77")]),
        ]
    }
}
