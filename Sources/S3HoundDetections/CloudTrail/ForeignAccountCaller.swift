import S3HoundCore

/// Successful S3 calls by principals of accounts outside the configured own and trusted accounts.
/// Needs local settings: quiet until `--own-account` lists our accounts.
public struct ForeignAccountCaller: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.foreign-account-caller",
        title: "S3 calls by a principal of a foreign account",
        severity: .medium,
        techniques: [.t1530],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Needs local settings: off (quiet) until our accounts are listed with --own-account",
            "Vendors, partners and backup accounts granted access on purpose: list them with --trusted-account",
        ],
        triage: "Which account is it and which policy lets it in? Remove the grant if nobody can name the partner.")

    /// Creates the detection.
    public init() {}

    public static var failedRuns: FailedRunHandling { .skip }
    public static let consequence = "The caller's account is neither one of ours nor a trusted one: a policy or ACL lets an outside account in."
    public static var attemptWords: (calls: String, nothing: String) { ("calls", "no data taken") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard let account = callerAccount(event, configuration: configuration), Self.isForeign(account, configuration: configuration)
        else { return nil }
        return "\(event.eventName) on bucket \(event.bucketName ?? "?") by account \(account)"
    }

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration, terms: EventTermCache) -> Bool {
        guard let account = callerAccount(event, configuration: configuration) else { return false }
        return terms.isForeignAccount(account, configuration: configuration)
    }

    /// The account of a caller this detection looks at: an S3 call, not by an AWS service, with own accounts configured.
    private func callerAccount(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard !configuration.ownAccounts.isEmpty, event.eventSource == "s3.amazonaws.com", !event.identity.isAWSService,
              (event.identity.invokedBy ?? "").isEmpty else { return nil }
        return event.identity.accountId
    }

    /// An account id that is neither ours nor trusted.
    static func isForeign(_ account: String, configuration: DetectionConfiguration) -> Bool {
        AccountIDs.isAccountID(account) && !configuration.ownAccounts.contains(account) && !configuration.trustedAccounts.contains(account)
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String {
        "\(event.identity.accountId ?? "") \(event.bucketName ?? "")"
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        finding.evidence["callerAccount"] = run.first.identity.accountId ?? ""
    }
}

extension ForeignAccountCaller {
    public static var cases: [DetectionCase] {
        let at = CaseEvents.time("2026-02-23T11:00:00Z")
        let outsider = CaseEvents.role("scraper", account: "999988887777")
        var ours = DetectionConfiguration()
        ours.ownAccounts = [CaseEvents.account]
        var partner = ours
        partner.trustedAccounts = ["999988887777"]
        return [
            .fires("a role of account 999988887777 reads customer records", configuration: ours, [
                CaseEvents.getObject(at, by: outsider, from: "198.51.100.200", bucket: "customer-records"),
            ]),
            .quiet("the same call when no own accounts are configured (the shipped default)", [
                CaseEvents.getObject(at, by: outsider, from: "198.51.100.200", bucket: "customer-records"),
            ]),
            .quiet("a trusted partner account", configuration: partner, [
                CaseEvents.getObject(at, by: outsider, from: "198.51.100.200", bucket: "customer-records"),
            ]),
            .quiet("our own developer", configuration: ours, [
                CaseEvents.getObject(at, by: CaseEvents.user("developer-jane"), from: "203.0.113.10", bucket: "customer-records"),
            ]),
        ]
    }
}
