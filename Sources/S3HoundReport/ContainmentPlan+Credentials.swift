import S3HoundCore

extension ContainmentPlan {
    /// Steps that cut off the credentials the incident used, by kind of principal.
    static func credentialSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        switch t.kind {
        case .iamUser(let name): return userKeySteps(t, user: name) + [consoleStep(user: name)]
        case .assumedRole(let name): return [revokeSessionsStep(t, role: name)]
        case .root: return [rootStep(t)]
        case .anonymous: return [publicAccessStep(t)]
        case .other:
            let type = t.incident.identityType ?? "unknown"
            return [ContainmentStep(
                "Identify and disable the credentials of \(t.incident.principal)",
                why: "S3Hound cannot tell how to cut off this kind of caller (identity type \(type)). Work out from the ARN and the masked access keys which user, role or federation provider it is, and disable it as for an IAM user or role.",
                commands: [])]
        }
    }

    /// Deactivates each long-term key by its last four characters, or every active key when none is usable.
    private static func userKeySteps(_ t: ContainmentTarget, user: String) -> [ContainmentStep] {
        let quotedUser = ShellQuote.argument(user)
        var steps: [ContainmentStep] = []
        let selectable = t.longTermKeys.filter { Self.isKeySuffix(AccessKeyMask.suffix($0)) }
        for key in selectable {
            let suffix = AccessKeyMask.suffix(key)
            let query = "AccessKeyMetadata[?ends_with(AccessKeyId,'\(suffix)')].AccessKeyId"
            steps.append(ContainmentStep(
                "Deactivate access key \(AccessKeyMask.mask(key)) of \(user)",
                why: "This key signed the incident's requests. Deactivating (not deleting) stops it at once and keeps it for the investigation; the command picks the key by its last four characters, so the full key is never printed. Delete it once the owner has a new key.",
                commands: ["aws iam update-access-key --user-name \(quotedUser) --status Inactive --access-key-id \"$(aws iam list-access-keys --user-name \(quotedUser) --query \"\(query)\" --output text)\""]))
        }
        if selectable.isEmpty {
            steps.append(ContainmentStep(
                "Deactivate every active access key of \(user)",
                why: "The incident did not record a long-term key S3Hound can select by its last four characters, so deactivate all of this user's active keys; none is printed.",
                commands: ["for key in $(aws iam list-access-keys --user-name \(quotedUser) --query 'AccessKeyMetadata[?Status==`Active`].AccessKeyId' --output text); do aws iam update-access-key --user-name \(quotedUser) --access-key-id \"$key\" --status Inactive; done"]))
        }
        if !t.temporaryKeys.isEmpty {
            steps.append(ContainmentStep(
                "Revoke temporary credentials issued to \(user)",
                why: "The user also called with temporary keys (\(t.temporaryKeys.map(AccessKeyMask.mask).joined(separator: ", "))), from GetSessionToken; they outlive a deactivated access key. An inline deny on aws:TokenIssueTime rejects every session issued before \(trusted: t.revokeBefore).",
                commands: [
                    "aws iam put-user-policy --user-name \(quotedUser) --policy-name AWSRevokeOlderSessions --policy-document \(ShellQuote.quote(revokePolicy(before: t.revokeBefore)))",
                    "# Remove it once those sessions have expired: aws iam delete-user-policy --user-name \(quotedUser) --policy-name AWSRevokeOlderSessions",
                ]))
        }
        return steps
    }

    /// Removes the console password and the MFA devices until the owner is verified.
    private static func consoleStep(user: String) -> ContainmentStep {
        let quotedUser = ShellQuote.argument(user)
        return ContainmentStep(
            "Reset the console password of \(user) and re-enrol MFA",
            why: "Whoever had the key may have the password too. Deleting the login profile ends console access now; deactivating the MFA devices forces a fresh enrolment once the owner is verified.",
            commands: [
                "aws iam delete-login-profile --user-name \(quotedUser)",
                "for serial in $(aws iam list-mfa-devices --user-name \(quotedUser) --query 'MFADevices[].SerialNumber' --output text); do aws iam deactivate-mfa-device --user-name \(quotedUser) --serial-number \"$serial\"; done",
                "# When the owner is verified: aws iam create-login-profile --user-name \(quotedUser) --password-reset-required --password 'TEMPORARY_PASSWORD'",
            ])
    }

    /// The AWSRevokeOlderSessions inline deny on the role.
    private static func revokeSessionsStep(_ t: ContainmentTarget, role: String) -> ContainmentStep {
        let quotedRole = ShellQuote.argument(role)
        let sessions = t.incident.arns.filter { $0 != t.incident.principal }
        let sessionText: Prose = sessions.isEmpty ? "" : " Sessions seen: \(sessions.joined(separator: ", "))."
        return ContainmentStep(
            "Revoke the active sessions of role \(role)",
            why: "Role sessions cannot be deactivated like a key. An inline deny on aws:TokenIssueTime (the console's \"Revoke active sessions\", policy AWSRevokeOlderSessions) rejects every session issued before \(trusted: t.revokeBefore), the incident's last request, while new sessions keep working. If the attacker may have assumed the role again since, use the current time instead.\(sessionText)",
            commands: [
                "aws iam put-role-policy --role-name \(quotedRole) --policy-name AWSRevokeOlderSessions --policy-document \(ShellQuote.quote(revokePolicy(before: t.revokeBefore)))",
                "# Remove it once those sessions have expired (12 hours at most): aws iam delete-role-policy --role-name \(quotedRole) --policy-name AWSRevokeOlderSessions",
            ])
    }

    /// The deny-everything-issued-before policy.
    static func revokePolicy(before time: String) -> String {
        PolicyJSON.compactDocument([
            "{\"Effect\": \"Deny\", \"Action\": [\"*\"], \"Resource\": [\"*\"], \"Condition\": {\"DateLessThan\": {\"aws:TokenIssueTime\": \(PolicyJSON.string(time))}}}",
        ])
    }

    private static func rootStep(_ t: ContainmentTarget) -> ContainmentStep {
        ContainmentStep(
            "Secure the root user of account \(t.ownAccountsOrPlaceholder.joined(separator: ", "))",
            why: "Root credentials cannot be limited by IAM policies. Sign in as root, delete its access keys, change its password and check its MFA device; then move the work it did to IAM roles.",
            commands: ["aws iam get-account-summary --query 'SummaryMap.{RootAccessKeys: AccountAccessKeysPresent, RootMFA: AccountMFAEnabled}'"])
    }

    /// Anonymous callers: the buckets are public; block public access, saving the old setting.
    private static func publicAccessStep(_ t: ContainmentTarget) -> ContainmentStep {
        var commands: [String] = []
        for bucket in t.buckets {
            let quoted = ShellQuote.argument(bucket)
            commands.append("aws s3api get-public-access-block --bucket \(quoted) > \(ShellQuote.quote(ShellQuote.fileName(bucket) + ".public-access-block.before.json"))")
            commands.append("aws s3api put-public-access-block --bucket \(quoted) --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
        }
        return ContainmentStep(
            "Block public access to the buckets read anonymously",
            why: "Unauthenticated callers read these buckets, so a policy or ACL makes them public. Block Public Access overrides both; the saved setting is the rollback.",
            commands: commands)
    }

    /// True for four characters an access key can end in, safe inside a JMESPath literal.
    static func isKeySuffix(_ suffix: String) -> Bool {
        suffix.count == 4 && suffix.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
