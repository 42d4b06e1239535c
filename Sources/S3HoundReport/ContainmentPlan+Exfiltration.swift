import S3HoundCore

extension ContainmentPlan {
    /// Copies into foreign accounts: deny writes outside our accounts on the principal and org-wide.
    static func crossAccountSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        guard !t.copies.isEmpty else { return [] }
        let accounts = t.ownAccountsOrPlaceholder
        let statement = "{\"Sid\": \"DenyWritesToForeignAccounts\", \"Effect\": \"Deny\", \"Action\": [\"s3:PutObject\", \"s3:ReplicateObject\"], \"Resource\": \"*\", \"Condition\": {\"StringNotEquals\": {\"s3:ResourceAccount\": \(PolicyJSON.array(accounts))}}}"
        let policy = ShellQuote.quote(PolicyJSON.compactDocument([statement]))
        var commands = t.copies.map { "# Copied into bucket \(ShellQuote.argument($0.bucket)) of account \(ShellQuote.argument($0.account))" }
        switch t.kind {
        case .iamUser(let name):
            commands.append("aws iam put-user-policy --user-name \(ShellQuote.argument(name)) --policy-name S3HoundDenyForeignWrites --policy-document \(policy)")
        case .assumedRole(let name):
            commands.append("aws iam put-role-policy --role-name \(ShellQuote.argument(name)) --policy-name S3HoundDenyForeignWrites --policy-document \(policy)")
        default: break
        }
        commands.append("# Organisation-wide, from the management account (replace r-ROOT_OR_OU_ID, p-POLICY_ID):")
        commands.append("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name s3hound-deny-foreign-s3-writes --description 'Deny S3 writes into buckets outside our accounts' --content \(policy)")
        commands.append("aws organizations attach-policy --policy-id p-POLICY_ID --target-id r-ROOT_OR_OU_ID")
        let destinations = t.copies.map { "\($0.bucket) (account \($0.account))" }.joined(separator: ", ")
        return [ContainmentStep(
            "Stop copies into account \(t.copies.map(\.account).uniqued().joined(separator: ", "))",
            why: "\(t.incident.impact.objectsCopiedOut) object(s) were copied into \(destinations). No policy on your own buckets can stop a write into a bucket you do not own, so deny it on the caller's side: S3 authorises CopyObject and UploadPartCopy as s3:PutObject on the destination, and s3:ResourceAccount names the destination's owner. Deny it on the principal now, and with a service control policy for the whole organisation.",
            commands: commands)]
    }

    /// The destination account holds our data: report it.
    static func reportAccountSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        guard !t.copies.isEmpty else { return [] }
        let accounts = t.copies.map(\.account).uniqued().joined(separator: ", ")
        return [ContainmentStep(
            "Report account \(accounts) to AWS",
            why: "The data now sits in an account you do not control. Report it to AWS Trust & Safety (the abuse form at https://support.aws.amazon.com/#/contacts/report-abuse, or a support case) with the destination buckets, times and event ids from this report, and tell your legal and privacy team: this is a confirmed transfer out.",
            commands: [])]
    }

    /// Public addresses: block at WAF and network ACLs; private ones: find the host.
    static func sourceAddressSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        var steps: [ContainmentStep] = []
        if !t.publicIPs.isEmpty {
            let setName = ShellQuote.quote("s3hound-" + ShellQuote.fileName(t.incident.id))
            var commands: [String] = []
            let v4 = t.publicIPs.filter { !$0.contains(":") }.map(cidr)
            let v6 = t.publicIPs.filter { $0.contains(":") }.map(cidr)
            if !v4.isEmpty {
                commands.append("aws wafv2 create-ip-set --name \(setName) --scope REGIONAL --ip-address-version IPV4 --addresses \(v4.map(ShellQuote.argument).joined(separator: " "))")
            }
            if !v6.isEmpty {
                commands.append("aws wafv2 create-ip-set --name \(ShellQuote.quote("s3hound-" + ShellQuote.fileName(t.incident.id) + "-v6")) --scope REGIONAL --ip-address-version IPV6 --addresses \(v6.map(ShellQuote.argument).joined(separator: " "))")
            }
            commands.append("# Reference the IP set in a Block rule of your web ACL (aws wafv2 update-web-acl), then deny the addresses in the network ACL (replace acl-ACL_ID):")
            for (index, block) in (v4 + v6).prefix(10).enumerated() {
                let flag = block.contains(":") ? "--ipv6-cidr-block" : "--cidr-block"
                for direction in ["--ingress", "--egress"] {
                    commands.append("aws ec2 create-network-acl-entry --network-acl-id acl-ACL_ID \(direction) --rule-number \(90 + index) --protocol -1 --rule-action deny \(flag) \(ShellQuote.argument(block))")
                }
            }
            let described = t.incident.sourceIPs.filter { t.publicIPs.contains($0.ip) }.map { ReportFacts.describe($0) }.joined(separator: "; ")
            steps.append(ContainmentStep(
                "Block source address \(t.publicIPs.joined(separator: ", ")) in WAF and network ACLs",
                why: "\(described). Requests to S3 from the internet do not cross your network, so the bucket-policy statement \(trusted: sourceIPDenySid) is what stops them at S3; blocking the same addresses in WAF and network ACLs keeps them off your applications and instances.",
                commands: commands))
        }
        if !t.privateIPs.isEmpty {
            let commands = t.privateIPs.map {
                "aws ec2 describe-network-interfaces --filters \(ShellQuote.argument("Name=addresses.private-ip-address,Values=" + $0)) --query 'NetworkInterfaces[].[NetworkInterfaceId,Attachment.InstanceId,VpcId,Description]' --output table"
            }
            steps.append(ContainmentStep(
                "Find the internal host at \(t.privateIPs.joined(separator: ", "))",
                why: "A private address means the calls came from inside your network: an instance, container or VPN client used the credentials. Find it, isolate it (a quarantine security group) and snapshot its volumes before stopping it.",
                commands: commands))
        }
        return steps
    }
}
