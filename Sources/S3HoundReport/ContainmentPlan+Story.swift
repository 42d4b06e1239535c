import S3HoundCore

extension ContainmentPlan {
    /// Instances the incident's sessions, flows or GuardDuty findings name: snapshot, then quarantine.
    static func instanceSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        let story = t.incident.story
        let instances = (story.instances + story.egress.compactMap(\.instanceId) + story.serviceFindings.compactMap(\.instanceId))
            .filter { !$0.isEmpty }.uniqued()
        guard !instances.isEmpty else { return [] }
        let group = "s3hound-quarantine-" + ShellQuote.fileName(t.incident.id)
        var commands = [
            "# Once per VPC (replace vpc-VPC_ID): a security group with no rules at all, then note its id as sg-QUARANTINE_ID",
            "aws ec2 create-security-group --group-name \(ShellQuote.quote(group)) --description 'S3Hound quarantine: no traffic in or out' --vpc-id vpc-VPC_ID",
            "aws ec2 revoke-security-group-egress --group-id sg-QUARANTINE_ID --ip-permissions '[{\"IpProtocol\": \"-1\", \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}]'",
        ]
        for instance in instances {
            let quoted = ShellQuote.argument(instance)
            let saved = ShellQuote.quote(ShellQuote.fileName(instance) + ".before.json")
            commands += [
                "aws ec2 describe-instances --instance-ids \(quoted) --query 'Reservations[].Instances[].{Instance:InstanceId,Vpc:VpcId,Groups:SecurityGroups[].GroupId,Profile:IamInstanceProfile.Arn}' --output json > \(saved)",
                "aws ec2 create-snapshots --instance-specification \(ShellQuote.argument("InstanceId=" + instance)) --description \(ShellQuote.quote("S3Hound evidence for " + SafeText.terminal(t.incident.id))) --copy-tags-from-source volume",
                "aws ec2 modify-instance-attribute --instance-id \(quoted) --groups sg-QUARANTINE_ID",
                "# Rollback: aws ec2 modify-instance-attribute --instance-id \(quoted) --groups <the Groups saved in \(ShellQuote.fileName(instance)).before.json>",
            ]
        }
        return [ContainmentStep(
            "Isolate instance \(instances.joined(separator: ", ")) and keep its disks",
            why: "The incident's role session, traffic or GuardDuty findings come from \(instances.count == 1 ? "this instance" : "these instances"): whoever took the credentials may still be on it. Snapshot the volumes first, then replace its security groups with one that allows nothing, which cuts the network but keeps memory and disks for forensics. Do not stop or terminate it yet; save its current groups (they are the rollback).",
            commands: commands)]
    }

    /// Sensitive data: review what Macie found and tell privacy/legal, or find out what was there.
    static func sensitiveDataSteps(_ t: ContainmentTarget) -> [ContainmentStep] {
        let incident = t.incident
        let sensitive = incident.impact.sensitive
        if !sensitive.isEmpty {
            let ids = (sensitive.flatMap(\.findingIds) + incident.story.serviceFindings.filter(\.isSensitiveData).map(\.id)).uniqued()
            let read = sensitive.compactMap(\.objectsRead).reduce(0, +)
            let types = SensitiveDataText.summary(sensitive.flatMap(\.types))
            let what: Prose = types.isEmpty ? "sensitive data" : types
            let readText: Prose = read > 0 ? "; the incident read \(read) of the flagged objects" : ""
            var commands: [String] = []
            if !ids.isEmpty {
                commands.append("aws macie2 get-findings --finding-ids \(ids.prefix(50).map(ShellQuote.argument).joined(separator: " ")) --query 'findings[*].{Type:type,Severity:severity.description,Bucket:resourcesAffected.s3Bucket.name,Key:resourcesAffected.s3Object.key,SensitiveDataTypes:classificationDetails.result.sensitiveData[*].category}' --output table")
            }
            return [ContainmentStep(
                "Tell your privacy and legal team what sensitive data was read",
                why: "Macie found \(what) in \(sensitive.map(\.bucket).joined(separator: ", "))\(readText). Breach-notification deadlines may already be running: hand them this report, the Macie findings and the list of objects read (the evidence copied above has every GetObject).",
                commands: commands)]
        }
        let assessed = incident.story.sources.contains(EvidenceSource.macie) || incident.story.serviceFindings.contains { $0.service == .macie }
        guard !assessed, incident.impact.objectsRead > 0 || incident.impact.objectsCopiedOut > 0, !t.buckets.isEmpty else { return [] }
        var byAccount: [String: [String]] = [:]
        for bucket in t.buckets {
            let owner = incident.impact.buckets[bucket]?.ownerAccountId ?? t.ownAccountsOrPlaceholder[0]
            byAccount[owner, default: []].append(bucket)
        }
        let definitions = byAccount.keys.sorted().map { "{\"accountId\": \(PolicyJSON.string($0)), \"buckets\": \(PolicyJSON.array(byAccount[$0] ?? []))}" }
        let job = "{\"bucketDefinitions\": [" + definitions.joined(separator: ", ") + "]}"
        return [ContainmentStep(
            "Find out what sensitive data \(t.buckets.joined(separator: ", ")) held",
            why: "No Macie findings were given for this incident, so the report cannot say whether personal, financial or credential data left. A one-time Macie classification job over the buckets read answers it; then list its High and Critical findings (or run s3hound again with them).",
            commands: [
                "aws macie2 create-classification-job --job-type ONE_TIME --name \(ShellQuote.quote("exfiltration-investigation-" + ShellQuote.fileName(incident.id))) --s3-job-definition \(ShellQuote.quote(job))",
                "aws macie2 list-findings --finding-criteria '{\"criterion\": {\"category\": {\"eq\": [\"CLASSIFICATION\"]}, \"severity.description\": {\"eq\": [\"High\", \"Critical\"]}}}' --sort-criteria '{\"attributeName\": \"updatedAt\", \"orderBy\": \"DESC\"}' --max-results 25",
            ])]
    }
}
