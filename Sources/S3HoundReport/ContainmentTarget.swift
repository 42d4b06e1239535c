import S3HoundCore

/// What containment needs to know about an incident, worked out once: who, which keys, which
/// buckets are ours, where copies went, which addresses are public.
struct ContainmentTarget {
    /// The kind of principal, which decides how its credentials are cut off.
    enum Kind: Equatable {
        case iamUser(name: String)
        case assumedRole(name: String)
        case root
        case anonymous
        case other
    }

    /// A bucket in another account that received copies.
    struct CopyDestination: Hashable {
        var account: String
        var bucket: String
    }

    let incident: Incident
    let kind: Kind
    let partition: String
    /// Accounts that are ours: the incident's accounts minus the ones copies went to.
    let ownAccounts: [String]
    /// Our buckets the incident touched, most requests first.
    let buckets: [String]
    let copies: [CopyDestination]
    let publicIPs: [String]
    let privateIPs: [String]
    /// Long-term (`AKIA…`) and temporary (`ASIA…`) access keys, unmasked: never print them.
    let longTermKeys: [String]
    let temporaryKeys: [String]
    let first: EventTime?
    let last: EventTime?

    init(_ incident: Incident) {
        self.incident = incident
        let arn = ARNParts(incident.principal)
        partition = arn.map { ["aws", "aws-cn", "aws-us-gov"].contains($0.partition) ? $0.partition : "aws" } ?? "aws"
        kind = Self.kind(of: incident, arn: arn)
        var copies: [CopyDestination] = []
        for finding in incident.findings where finding.detectionID == DetectionIDs.crossAccountCopy {
            let destination = CopyDestination(account: finding.evidence["destinationAccount"] ?? "?",
                                              bucket: finding.evidence["destinationBucket"] ?? "?")
            if !copies.contains(destination) { copies.append(destination) }
        }
        self.copies = copies
        let foreign = Set(incident.impact.destinationAccounts + copies.map(\.account))
        var own = incident.accounts.filter { !foreign.contains($0) }
        if own.isEmpty, let account = arn?.account, !account.isEmpty { own = [account] }
        ownAccounts = own
        buckets = incident.impact.buckets
            .filter { name, impact in
                !name.isEmpty && name != "(unknown source)" && !copies.contains { $0.bucket == name }
                    && !(impact.ownerAccountId.map(foreign.contains) ?? false)
            }
            .sorted { $0.value.requests != $1.value.requests ? $0.value.requests > $1.value.requests : $0.key < $1.key }
            .map(\.key)
        let addresses = incident.sourceIPs.map(\.ip).filter(IPAddress.isIPAddress)
        publicIPs = addresses.filter { !IPAddress.isPrivate($0) }
        privateIPs = addresses.filter(IPAddress.isPrivate)
        longTermKeys = incident.accessKeyIds.filter { $0.hasPrefix("AKIA") }
        temporaryKeys = incident.accessKeyIds.filter { $0.hasPrefix("ASIA") }
        first = incident.findings.map(\.firstEvent).min()?.time
        last = incident.findings.map(\.lastEvent).max()?.time
    }

    /// The name a user or role is known by in IAM commands, or nil for other kinds.
    var iamName: String? {
        switch kind {
        case .iamUser(let name), .assumedRole(let name): return name
        default: return nil
        }
    }

    /// Our accounts for policy conditions, or the placeholder when none is known.
    var ownAccountsOrPlaceholder: [String] { ownAccounts.isEmpty ? ["ACCOUNT_ID"] : ownAccounts }

    /// `aws:TokenIssueTime` cut-off: the last event rounded up to the whole second.
    var revokeBefore: String {
        guard let last else { return "YYYY-MM-DDTHH:MM:SSZ" }
        return EventTime(secondsSinceEpoch: (last.millisecondsSinceEpoch + 999) / 1000).iso8601
    }

    private static func kind(of incident: Incident, arn: ARNParts?) -> Kind {
        let type = incident.identityType ?? ""
        if incident.principal == CallerIdentity.anonymousAccountId || type == "AnonymousPrincipal" { return .anonymous }
        if type == "Root" || arn?.resourceType == "root" { return .root }
        if let arn, arn.service == "iam", arn.resourceType == "user", !arn.name.isEmpty { return .iamUser(name: arn.name) }
        if let arn, arn.resourceType == "role", !arn.name.isEmpty { return .assumedRole(name: arn.name) }
        if let arn, arn.resourceType == "assumed-role", let role = arn.pathParts.first, !role.isEmpty { return .assumedRole(name: role) }
        return .other
    }
}
