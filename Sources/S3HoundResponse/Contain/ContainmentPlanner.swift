import S3HoundCore

/// Plans containment: reads the keys, bucket policies and endpoint policies involved and works out the
/// change to each — deactivate the key, merge the deny statements — without writing anything.
public struct ContainmentPlanner: Sendable {
    /// Where the current state is read.
    public var backend: any ContainmentBackend
    /// The region the backend works in.
    public var region: String

    /// Creates a planner.
    public init(backend: any ContainmentBackend, region: String) {
        self.backend = backend
        self.region = region
    }

    /// The plan for `request`; throws `ResponseError` for a refused or impossible request.
    public func plan(_ request: ContainmentRequest) async throws -> ResponsePlan {
        try request.validate()
        let caller = try await backend.callerIdentity()
        var plan = ResponsePlan(kind: .contain, title: request.incident.map { "Containment of \($0.id) (\($0.severity))" } ?? "Containment",
                                account: caller.account, region: region, caller: caller.arn, incidentID: request.incident?.id)
        let keys = try await keyChanges(request, caller: caller, notes: &plan.notes)
        plan.changes += keys.filter { !Self.isSigningKey($0.target, caller) }
        plan.changes += try await bucketChanges(request, partition: caller.partition, notes: &plan.notes)
        plan.changes += try await endpointChanges(request, partition: caller.partition, notes: &plan.notes)
        plan.changes += keys.filter { Self.isSigningKey($0.target, caller) }
        return plan
    }

    // MARK: Access keys

    private func keyChanges(_ request: ContainmentRequest, caller: CallerInfo, notes: inout [String]) async throws -> [PlannedChange] {
        var records: [AccessKeyRecord] = []
        for key in request.accessKeys {
            guard let user = try await backend.userName(owningAccessKey: key) else {
                throw ResponseError.notFound("no IAM user in account \(caller.account) owns access key \(AccessKeyMask.mask(key)) (IAM GetAccessKeyLastUsed): it may belong to the root user (secure root by hand) or to another account")
            }
            guard let record = try await backend.accessKeys(ofUser: user).first(where: { $0.accessKeyId == key }) else {
                throw ResponseError.notFound("IAM user \(user) no longer has access key \(AccessKeyMask.mask(key)): it was deleted already")
            }
            records.append(record)
        }
        if let incident = request.incident {
            records += try await incidentKeys(incident, notes: &notes)
        }
        var changes: [PlannedChange] = []
        var seen = Set<String>()
        for record in records where seen.insert(record.accessKeyId).inserted {
            let target = ChangeTarget.accessKey(user: record.userName, accessKeyId: record.accessKeyId)
            if caller.signingAccessKeyIds.contains(record.accessKeyId) && !request.allowOwnKey {
                throw ResponseError.refused("refusing to deactivate \(AccessKeyMask.mask(record.accessKeyId)) of \(record.userName): it is the key these credentials (\(caller.arn)) sign with, so S3Hound would lock you out in the middle of containment. Run with another principal's credentials (--profile), or add --allow-own-key if you really mean to cut yourself off")
            }
            let state: JSONValue = ["Status": .string(record.status)]
            guard record.status != "Inactive" else {
                changes.append(.unchanged(target, "already inactive", state: state))
                continue
            }
            var warnings: [String] = []
            if caller.signingAccessKeyIds.contains(record.accessKeyId) {
                warnings.append("these credentials sign with this key: it is deactivated last, and S3Hound cannot make any call with them afterwards")
            } else if record.userName == caller.userName {
                warnings.append("this key belongs to your own IAM user (\(caller.arn)); you sign with another key")
            }
            changes.append(PlannedChange(target: target, summary: "deactivate (IAM UpdateAccessKey, status Inactive; the key is kept for the investigation)",
                                         before: state, after: ["Status": "Inactive"], warnings: warnings))
        }
        return changes
    }

    /// The long-term keys of the incident's IAM user matching the report's masked keys.
    private func incidentKeys(_ incident: IncidentReference, notes: inout [String]) async throws -> [AccessKeyRecord] {
        let temporary = incident.maskedAccessKeys.filter { $0.hasPrefix("ASIA") }
        if !temporary.isEmpty {
            notes.append("\(incident.id) also used temporary keys (\(temporary.joined(separator: ", "))): they cannot be deactivated; revoke the sessions as the report's containment checklist shows (AWSRevokeOlderSessions).")
        }
        guard let user = incident.userName else {
            notes.append("\(incident.id)'s principal \(incident.principal) is not an IAM user (\(incident.identityType ?? "unknown type")): S3Hound deactivates only IAM users' access keys; cut it off as the report's containment checklist shows.")
            return []
        }
        let longTerm = incident.maskedAccessKeys.filter { $0.hasPrefix("AKIA") }
        if longTerm.isEmpty {
            notes.append("\(incident.id) recorded no long-term access key of \(user): none is deactivated. Give one with --access-key if you know it.")
            return []
        }
        let keys = try await backend.accessKeys(ofUser: user)
        var found: [AccessKeyRecord] = []
        for masked in longTerm {
            let parts = masked.split(separator: "…", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 else {
                notes.append("The report's key \(masked) is not masked as AKIA…WXYZ: it was skipped.")
                continue
            }
            let matches = keys.filter { $0.accessKeyId.hasPrefix(parts[0]) && $0.accessKeyId.hasSuffix(parts[1]) }
            switch matches.count {
            case 1: found.append(matches[0])
            case 0: notes.append("IAM user \(user) has no access key \(masked) any more (deleted already?); its keys now: \(keys.map { AccessKeyMask.mask($0.accessKeyId) + " " + $0.status }.joined(separator: ", ").ifEmpty("none")).")
            default:
                throw ResponseError.conflict("IAM user \(user) has \(matches.count) keys matching \(masked): give the one to deactivate with --access-key")
            }
        }
        return found
    }

    private static func isSigningKey(_ target: ChangeTarget, _ caller: CallerInfo) -> Bool {
        if case .accessKey(_, let key) = target { return caller.signingAccessKeyIds.contains(key) }
        return false
    }

    // MARK: Bucket policies

    private func bucketChanges(_ request: ContainmentRequest, partition: String, notes: inout [String]) async throws -> [PlannedChange] {
        if request.endpoints.isEmpty, let incident = request.incident, !incident.buckets.isEmpty {
            notes.append("\(incident.id) read \(incident.buckets.joined(separator: ", ")); their policies are not changed without an endpoint. To allow reads only through your S3 VPC endpoint, run again with --vpce vpce-….")
        }
        for id in request.endpoints {
            guard let endpoint = try await backend.vpcEndpoint(id) else {
                throw ResponseError.refused("refusing: VPC endpoint \(id) does not exist in \(region), so denying reads from outside it would lock everyone out. Check the id and --region (aws ec2 describe-vpc-endpoints)")
            }
            guard endpoint.isS3 else {
                throw ResponseError.refused("refusing: \(id) is an endpoint for \(endpoint.serviceName), not S3; requests to S3 never come through it, so denying reads from outside it would lock everyone out. Give your S3 endpoint (com.amazonaws.\(region).s3)")
            }
        }
        let buckets = request.bucketsToRestrict
        guard !buckets.isEmpty else { return [] }
        var changes: [PlannedChange] = []
        for bucket in buckets {
            let target = ChangeTarget.bucketPolicy(bucket: bucket)
            let current = try await backend.bucketPolicy(bucket: bucket).map { try PolicyDocument(text: $0, source: "the policy of bucket \(bucket)") }
            let statement = ContainmentStatements.bucketDeny(bucket: bucket, endpoints: request.endpoints, partition: partition)
            switch (current ?? .empty).adding(statement) {
            case .added(let merged):
                changes.append(PlannedChange(target: target,
                                             summary: "add statement \(ContainmentStatements.bucketDenySid): deny s3:GetObject and s3:GetObjectVersion unless through \(request.endpoints.joined(separator: " or "))"
                                                + (current == nil ? " (the bucket has no policy now)" : "; every existing statement is kept"),
                                             before: current?.json, after: merged.json))
            case .alreadyPresent:
                changes.append(.unchanged(target, "the deny statement is already there", state: current?.json))
            case .sidInUse(let existing):
                throw ResponseError.conflict("the policy of bucket \(bucket) already has a statement \(ContainmentStatements.bucketDenySid) that differs from this one: \(existing.compactText). An earlier containment with other endpoints? Roll it back (s3hound rollback BACKUP --apply) or remove that statement, then run again")
            }
        }
        notes.append("The bucket deny applies to every reader outside \(request.endpoints.joined(separator: ", ")), you included: the console, CloudFront, partners and AWS services reading from outside get AccessDenied. Check first that legitimate readers come through the endpoint.")
        return changes
    }

    // MARK: Endpoint policies

    private func endpointChanges(_ request: ContainmentRequest, partition: String, notes: inout [String]) async throws -> [PlannedChange] {
        guard !request.endpoints.isEmpty, !request.keepEndpointPolicy else { return [] }
        let contained = request.bucketsToRestrict
        let added = contained.filter { !request.approvedBuckets.contains($0) }
        let approved = (request.approvedBuckets + contained).uniqued()
        if !added.isEmpty {
            notes.append("Approved for the endpoint as well: \(added.joined(separator: ", ")), the contained bucket(s); reads of them must come through the endpoint, so it has to reach them.")
        }
        notes.append("Through \(request.endpoints.joined(separator: ", ")) only these buckets stay reachable: \(approved.joined(separator: ", ")). Add the AWS-owned buckets your instances need (package repositories, ECR layers) with --approved-bucket.")
        var changes: [PlannedChange] = []
        for id in request.endpoints {
            guard let endpoint = try await backend.vpcEndpoint(id) else {
                throw ResponseError.notFound("VPC endpoint \(id) disappeared while planning: run again")
            }
            let target = ChangeTarget.endpointPolicy(endpoint: id)
            let current = try endpoint.policy.map { try PolicyDocument(text: $0, source: "the policy of VPC endpoint \(id)") }
            let statement = ContainmentStatements.endpointDeny(approvedBuckets: approved, partition: partition)
            switch (current ?? ContainmentStatements.defaultEndpointPolicy).adding(statement) {
            case .added(let merged):
                changes.append(PlannedChange(target: target,
                                             summary: "add statement \(ContainmentStatements.endpointDenySid): deny S3 through the endpoint except to \(approved.joined(separator: ", "))"
                                                + (current == nil ? " (merged into the default full-access policy it has now)" : "; every existing statement is kept"),
                                             before: current?.json, after: merged.json))
            case .alreadyPresent:
                changes.append(.unchanged(target, "the deny statement is already there", state: current?.json))
            case .sidInUse(let existing):
                throw ResponseError.conflict("the policy of VPC endpoint \(id) already has a statement \(ContainmentStatements.endpointDenySid) for other buckets: \(existing.compactText). Roll back the earlier containment (s3hound rollback BACKUP --apply) or remove that statement, then run again with every approved bucket")
            }
        }
        return changes
    }
}
