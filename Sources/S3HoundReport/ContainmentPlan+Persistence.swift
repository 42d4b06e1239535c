import S3HoundCore

extension ContainmentPlan {
    /// IAM users: other keys and identities the principal created. Roles: who assumed the role.
    static func persistenceSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        let since = (t.first ?? EventTime(secondsSinceEpoch: 0)).adding(seconds: -7 * 86_400)
        switch t.kind {
        case .iamUser(let name):
            let user = ShellQuote.argument(name)
            let events = "['CreateUser','CreateAccessKey','CreateLoginProfile','UpdateLoginProfile','AttachUserPolicy','PutUserPolicy','CreateRole','UpdateAssumeRolePolicy','PutBucketPolicy','PutBucketReplication']"
            return [ContainmentStep(
                "Look for other keys and identities created by \(name)",
                why: "Attackers with IAM rights leave a way back in: a second access key, a new user, a role they can assume, a bucket policy or replication rule. Check the user's keys (status and creation date only) and what the user created since \(trusted: since.dayString); lookup-events covers management events of the last 90 days in the current region.",
                commands: [
                    "aws iam list-access-keys --user-name \(user) --query 'AccessKeyMetadata[].[Status,CreateDate]' --output table",
                    "aws cloudtrail lookup-events --lookup-attributes \(ShellQuote.argument("AttributeKey=Username,AttributeValue=" + name)) --start-time \(since.iso8601) --query \"Events[?contains(\(events), EventName)].[EventTime,EventName,EventId]\" --output table",
                    "aws iam list-users --query \"Users[?CreateDate>='\(since.dayString)'].[UserName,CreateDate]\" --output table",
                ])]
        case .assumedRole(let name):
            let role = ShellQuote.argument(name)
            return [ContainmentStep(
                "Find out who assumed role \(name)",
                why: "The sessions came from somewhere: a workload the role is attached to, a user, or another account its trust policy allows. Close that path too, or the attacker will simply assume the role again.",
                commands: [
                    "aws iam get-role --role-name \(role) --query 'Role.AssumeRolePolicyDocument' --output json",
                    "aws cloudtrail lookup-events --lookup-attributes \(ShellQuote.argument("AttributeKey=ResourceName,AttributeValue=" + t.incident.principal)) --start-time \(since.iso8601) --query \"Events[?EventName=='AssumeRole'].[EventTime,Username,EventId]\" --output table",
                ])]
        default:
            return []
        }
    }

    /// Long-term keys: find where they leaked, matching only their first and last four characters.
    static func leakedKeySteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        let patterns: [(masked: String, pattern: String)] = t.longTermKeys.compactMap { key in
            let prefix = String(key.prefix(4))
            let suffix = AccessKeyMask.suffix(key)
            let middle = key.count - 8
            guard isKeySuffix(prefix), isKeySuffix(suffix), (8...120).contains(middle) else { return nil }
            return (AccessKeyMask.mask(key), "\(prefix)[A-Z0-9]{\(middle)}\(suffix)")
        }
        guard !patterns.isEmpty else { return [] }
        var commands = [
            "trufflehog git file://. --results=verified,unknown",
            "trufflehog github --org=YOUR_GITHUB_ORG --results=verified,unknown",
        ]
        for (_, pattern) in patterns {
            commands.append("git rev-list --all | xargs git grep -lE \(ShellQuote.quote(pattern))")
            commands.append("grep -rlE \(ShellQuote.quote(pattern)) .")
        }
        return [ContainmentStep(
            "Search code and CI for the leaked key \(patterns.map(\.masked).joined(separator: ", "))",
            why: "Long-term keys usually leak from code, CI logs, container images or a laptop. Find where this one was, so the next key does not leak the same way. Run TruffleHog over the developer's repositories; the grep patterns match the key by its first and last four characters only and list files, not the key.",
            commands: commands)]
    }
}
