import Foundation
import S3HoundCore

/// A successful CopyObject / UploadPartCopy whose destination bucket belongs to another account than
/// the source bucket's or the caller's.
public struct CrossAccountCopy: EventDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.cross-account-copy",
        title: "S3 objects copied into another account's bucket",
        severity: .high,
        techniques: [.t1537],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Replication or backup into a disaster-recovery account: list it with --trusted-account",
            "Copies between accounts of your organisation: list them with --own-account",
        ],
        triage: "Who owns the destination account? Is the copy source sensitive? Block the destination (SCP with s3:ResourceAccount) while you ask.")

    /// The copy operations this detection watches.
    public static let copyEvents: Set<String> = ["CopyObject", "UploadPartCopy"]

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = copyEvents

    public func matches(_ event: ActivityEvent, configuration: DetectionConfiguration) -> Bool {
        guard Self.copyEvents.contains(event.eventName), let accounts = Self.accounts(of: event),
              let destination = accounts.destination else { return false }
        if configuration.trustedAccounts.contains(destination) || configuration.ownAccounts.contains(destination) { return false }
        let differsFromSource = accounts.source.map { $0 != destination } ?? false
        let differsFromCaller = event.identity.accountId.map { !$0.isEmpty && $0 != destination && $0 != CallerIdentity.anonymousAccountId } ?? false
        return differsFromSource || differsFromCaller
    }

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        runs(in: activity, windows: windows, failedRuns: .skip) { $0.bucketName ?? "" }
            .map(makeFinding)
            .sorted { $0.firstEvent < $1.firstEvent }
    }

    private func makeFinding(_ run: EventRun) -> Finding {
        let succeeded = run.succeeded
        let failed = run.failedCount
        var finding = finding(for: run, explanation: "")
        finding.distinctKeys = Set(succeeded.map { $0.objectKey ?? "" }).count
        let destinationAccount = Self.accounts(of: run.first)?.destination ?? "?"
        var sources: [String: BucketImpact] = [:]
        for event in succeeded {
            let accounts = Self.accounts(of: event)
            let bucket = accounts?.sourceBucket ?? "(unknown source)"
            sources[bucket, default: BucketImpact(ownerAccountId: accounts?.source)].requests += 1
        }
        finding.buckets = sources
        let operations = Dictionary(succeeded.map { ($0.eventName, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
            .map { "\(ByteCount.grouped($0.value)) \($0.key)" }.joined(separator: " and ")
        let sourceText = sources.keys.sorted().map { name in "\(name)\(sources[name]?.ownerAccountId.map { " (account \($0))" } ?? "")" }.joined(separator: ", ")
        finding.explanation = "\(operations) from \(sourceText) into \(run.subject) owned by account \(destinationAccount), between \(run.first.time.reportMinute) and \(run.last.time.reportMinute); that account is neither the source bucket's owner nor the caller's, and is not listed as trusted or own."
            + (failed > 0 ? " \(failed) further copy requests failed: attempts, no data copied." : "")
        finding.evidence = ["destinationAccount": destinationAccount, "destinationBucket": run.subject,
                            "sourceBuckets": sources.keys.sorted().joined(separator: ","),
                            "callerAccount": finding.accountId ?? ""]
        for (operation, count) in Dictionary(succeeded.map { ($0.eventName, 1) }, uniquingKeysWith: +) {
            finding.evidence["succeeded.\(operation)"] = String(count)
        }
        return finding
    }

    /// Owners of the copy's source and destination buckets, from `resources[]`.
    static func accounts(of event: ActivityEvent) -> (source: String?, sourceBucket: String?, destination: String?)? {
        guard let destinationBucket = event.bucketName else { return nil }
        let sourceBucket = event.copySource.flatMap(Self.bucket(fromCopySource:))
        // Compare ARN endings rather than parsing every ARN: this runs for every copy, backups included.
        let destinationSuffix = ":::" + destinationBucket
        let sourceSuffix = sourceBucket.map { ":::" + $0 }
        var destination: String?
        var source: String?
        for resource in event.resources where resource.type == "AWS::S3::Bucket" {
            guard let account = resource.accountId, !account.isEmpty, let arn = resource.arn else { continue }
            if arn.hasSuffix(destinationSuffix) { destination = account }
            if let sourceSuffix, arn.hasSuffix(sourceSuffix) { source = account }
        }
        return (source ?? event.recipientAccountId, sourceBucket, destination)
    }

    /// The bucket of `x-amz-copy-source` (`bucket/key`, `/bucket/key?versionId=…`, URL-encoded).
    static func bucket(fromCopySource copySource: String) -> String? {
        var text = copySource.utf8.contains(UInt8(ascii: "%")) ? (StrictPercentDecoding.decode(copySource) ?? copySource) : copySource
        if text.hasPrefix("/") { text.removeFirst() }
        if text.hasPrefix("arn:") {
            // Access point form: arn:aws:s3:region:account:accesspoint/name/object/key
            return nil
        }
        var bucket: String?
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly always): the first run of bytes between slashes, as the split below finds it.
            let bytes = text.utf8
            let start = bytes.firstIndex { $0 != UInt8(ascii: "/") } ?? bytes.endIndex
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            bucket = start == end ? nil : String(text[start..<end])
        } else {
            // Characters, not bytes: a slash with a combining mark after it is not a separator.
            bucket = text.split(separator: "/", maxSplits: 1).first.map(String.init)
        }
        return bucket?.isEmpty == false ? bucket : nil
    }
}

extension CrossAccountCopy {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:10:00Z")
        var trusted = DetectionConfiguration()
        trusted.trustedAccounts = ["555555555555"]
        return [
            .fires("developer-jane copies customer records into a bucket of account 999988887777", [
                CaseEvents.copyObject(at, by: jane, from: "45.133.1.77", source: "customer-records", destination: "exfil-drop-bucket", destinationAccount: "999988887777"),
            ]),
            .fires("an UploadPartCopy of a large object into a foreign bucket", [
                CaseEvents.copyObject(at, by: jane, from: "45.133.1.77", source: "customer-records", destination: "exfil-drop-bucket", destinationAccount: "999988887777", eventName: "UploadPartCopy"),
            ]),
            .quiet("a copy inside our own account", [
                CaseEvents.copyObject(at, by: jane, from: "203.0.113.10", source: "customer-records", destination: "backup-dr-bucket", destinationAccount: CaseEvents.account),
            ]),
            .quiet("a copy denied with AccessDenied", [
                CaseEvents.copyObject(at, by: jane, from: "45.133.1.77", source: "customer-records", destination: "exfil-drop-bucket", destinationAccount: "999988887777", errorCode: "AccessDenied"),
            ]),
            .quiet("replication into the trusted disaster-recovery account", configuration: trusted, [
                CaseEvents.copyObject(at, by: jane, from: "203.0.113.10", source: "customer-records", destination: "dr-bucket", destinationAccount: "555555555555"),
            ]),
        ]
    }
}
