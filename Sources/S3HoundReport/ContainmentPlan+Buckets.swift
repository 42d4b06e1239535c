import S3HoundCore

extension ContainmentPlan {
    /// The `Sid`s S3Hound merges into bucket policies.
    static let vpcDenySid = "DenyNonVpcAccess"
    static let sourceIPDenySid = "DenyIncidentSourceIPs"

    /// Per bucket: save the policy, merge the deny statements, apply; the saved policy is the rollback.
    static func bucketSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        t.buckets.map { bucket in
            let quoted = ShellQuote.argument(bucket)
            let file = ShellQuote.fileName(bucket)
            let before = ShellQuote.quote(file + ".policy.before.json")
            let add = ShellQuote.quote(file + ".policy.add.json")
            let after = ShellQuote.quote(file + ".policy.after.json")
            let objects = "arn:\(t.partition):s3:::\(bucket)/*"
            var statements = [
                "{\"Sid\": \"\(vpcDenySid)\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \(PolicyJSON.string(objects)), \"Condition\": {\"StringNotEquals\": {\"aws:sourceVpce\": \"vpce-ENDPOINT_ID\"}}}",
            ]
            if !t.publicIPs.isEmpty {
                let resources = PolicyJSON.array(["arn:\(t.partition):s3:::\(bucket)", objects])
                statements.append("{\"Sid\": \"\(sourceIPDenySid)\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \(resources), \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \(PolicyJSON.array(t.publicIPs.map(cidr)))}}}")
            }
            let merge = ".Statement = ([.Statement // [] | if type == \"array\" then .[] else . end | select(.Sid != \"\(vpcDenySid)\" and .Sid != \"\(sourceIPDenySid)\")] + $add)"
            let impact = t.incident.impact.buckets[bucket] ?? BucketImpact()
            let ipText: Prose = t.publicIPs.isEmpty ? "" : " \(trusted: sourceIPDenySid) also denies every S3 action from the incident's source addresses (\(t.publicIPs.joined(separator: ", ")))."
            return ContainmentStep(
                "Restrict bucket \(bucket) to reads through your VPC endpoint",
                why: "\(bucket) served \(impact.requests) requests (\(bytes: impact.bytesOut)) in this incident. put-bucket-policy replaces the whole policy, so save the current one (it is also the rollback), merge the statements into it and review before applying. \(trusted: vpcDenySid) denies s3:GetObject to every caller not coming through the VPC endpoint: replace vpce-ENDPOINT_ID with your endpoint's id, and check first that no legitimate reader comes from outside it (the console, partners, CloudFront).\(ipText)",
                commands: [
                    "aws s3api get-bucket-policy --bucket \(quoted) --query Policy --output text > \(before) || echo '{\"Version\": \"2012-10-17\", \"Statement\": []}' > \(before)",
                    "printf '%s\\n' \(statements.map(ShellQuote.quote).joined(separator: " ")) > \(add)",
                    "jq --slurpfile add \(add) \(ShellQuote.quote(merge)) \(before) > \(after)",
                    "# Replace vpce-ENDPOINT_ID in \(after) with your S3 endpoint id (aws ec2 describe-vpc-endpoints), review the file, then apply:",
                    "aws s3api put-bucket-policy --bucket \(quoted) --policy \(ShellQuote.quote("file://" + file + ".policy.after.json"))",
                    "# Rollback: aws s3api put-bucket-policy --bucket \(quoted) --policy \(ShellQuote.quote("file://" + file + ".policy.before.json")) (or delete-bucket-policy if it had none)",
                ])
        }
    }

    /// Limits the S3 VPC endpoint to buckets owned by our accounts.
    static func endpointSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        guard !t.buckets.isEmpty || !t.copies.isEmpty else { return [] }
        let accounts = t.ownAccountsOrPlaceholder
        let policy = PolicyJSON.compactDocument([
            "{\"Sid\": \"RestrictToOwnAccounts\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"s3:ResourceAccount\": \(PolicyJSON.array(accounts))}}}",
        ])
        return [ContainmentStep(
            "Limit your S3 VPC endpoint to buckets of your own accounts",
            why: "The endpoint policy decides which buckets traffic through the endpoint may reach. Allowing only buckets owned by \(accounts.joined(separator: ", ")) stops data leaving through it into someone else's bucket. modify-vpc-endpoint replaces the policy, so save it first. Add AWS-owned buckets your instances need (package repositories, ECR layers) if you use them.",
            commands: [
                "aws ec2 describe-vpc-endpoints --filters 'Name=service-name,Values=com.amazonaws.*.s3' --query 'VpcEndpoints[].[VpcEndpointId,VpcId,VpcEndpointType]' --output table",
                "aws ec2 describe-vpc-endpoints --vpc-endpoint-ids vpce-ENDPOINT_ID --query 'VpcEndpoints[0].PolicyDocument' --output text > vpce-ENDPOINT_ID.policy.before.json",
                "aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-ENDPOINT_ID --policy-document \(ShellQuote.quote(policy))",
                "# Rollback: aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-ENDPOINT_ID --policy-document file://vpce-ENDPOINT_ID.policy.before.json",
            ])]
    }

    /// `1.2.3.4/32` or `2001:db8::1/128`.
    static func cidr(_ address: String) -> String {
        address.contains(":") ? address + "/128" : address + "/32"
    }
}
