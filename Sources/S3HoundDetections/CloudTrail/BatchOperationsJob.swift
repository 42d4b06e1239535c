import S3HoundCore

/// An S3 Batch Operations job created: one call that copies, or otherwise acts on, millions of objects.
public struct BatchOperationsJob: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.batch-operations-job",
        title: "S3 Batch Operations job created",
        severity: .medium,
        techniques: [.t1537],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Planned migrations, re-tagging or restores by the storage team: suppress the principal for the change window",
        ],
        triage: "What does the job do (operation, target bucket, manifest)? If nobody planned it, cancel it with `aws s3control update-job-status --requested-job-status Cancelled`.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["CreateJob"]

    public static let consequence = "A batch job acts on every object in its manifest without further calls that data events would show one by one."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "CreateJob", event.eventSource == "s3.amazonaws.com" || event.eventSource == "s3-control.amazonaws.com" else { return nil }
        guard let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse),
              let operation = parameters.firstObject(containing: "Operation")?["Operation"], let name = operation.members.keys.sorted().first else {
            return "CreateJob (an S3 Batch Operations job)"
        }
        var phrase = "CreateJob starts an S3 Batch Operations \(name) job"
        if let target = operation[name]?["TargetResource"]?.text {
            phrase += " into \(target)"
            if let account = AccountIDs.account(of: target), !AccountIDs.ours(for: event, configuration: configuration).contains(account) {
                phrase += " (account \(account), not ours)"
            }
        }
        if let manifest = parameters.firstObject(containing: "ObjectArn")?["ObjectArn"]?.text { phrase += " over the manifest \(manifest)" }
        return phrase
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String { "batch-operations" }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        if finding.evidence["signals"]?.contains("not ours") == true { finding.severity = finding.severity.raised(by: 1) }
    }
}

extension BatchOperationsJob {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:20:00Z")
        let copyJob = """
        {"Host":"\(CaseEvents.account).s3-control.us-east-1.amazonaws.com","x-amz-account-id":"\(CaseEvents.account)","CreateJobRequest":{"Operation":{"S3PutObjectCopy":{"TargetResource":"arn:aws:s3:::exfil-drop-bucket"}},"Manifest":{"Spec":{"Format":"S3BatchOperations_CSV_20180820","Fields":["Bucket","Key"]},"Location":{"ObjectArn":"arn:aws:s3:::customer-records/manifest.csv","ETag":"abc"}},"Priority":10,"RoleArn":"arn:aws:iam::\(CaseEvents.account):role/batch","ConfirmationRequired":false}}
        """
        return [
            .fires("developer-jane creates a job copying every customer record", [
                CaseEvents.call("CreateJob", at: at, by: jane, from: "45.133.1.77", parameters: copyJob),
            ]),
            .quiet("an IoT CreateJob (another service's job)", [
                CaseEvents.call("CreateJob", at: at, by: jane, source: "iot.amazonaws.com", parameters: "{\"jobId\":\"firmware-7\"}"),
            ]),
            .quiet("looking at an existing job", [
                CaseEvents.call("DescribeJob", at: at, by: jane, parameters: "{\"id\":\"job-1\"}"),
            ]),
        ]
    }
}
