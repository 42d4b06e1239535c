import S3HoundCore

/// An AWS DataSync task created: a managed transfer that can move a whole bucket elsewhere.
public struct DataSyncTask: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.datasync-task",
        title: "DataSync transfer task created",
        severity: .medium,
        techniques: [.t1537],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Planned migrations and scheduled transfers by the storage team: suppress the principal",
        ],
        triage: "Where does the task copy to (its destination location)? Stop running executions with `aws datasync cancel-task-execution` if nobody planned it.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["CreateTask", "CreateLocationS3"]

    public static let consequence = "A DataSync task copies whole buckets or prefixes between locations, possibly into another account, without per-object data events."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventSource == "datasync.amazonaws.com" else { return nil }
        let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse)
        switch event.eventName {
        case "CreateTask":
            let source = parameters?["SourceLocationArn"]?.text ?? "?"
            let destination = parameters?["DestinationLocationArn"]?.text ?? "?"
            var phrase = "CreateTask copies from \(source) to \(destination)"
            let ours = AccountIDs.ours(for: event, configuration: configuration)
            if let account = AccountIDs.account(of: destination), !ours.contains(account) { phrase += " (account \(account), not ours)" }
            return phrase
        case "CreateLocationS3":
            return "CreateLocationS3 registers \(parameters?["S3BucketArn"]?.text ?? "a bucket") as a DataSync location"
        default:
            return nil
        }
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String { "datasync" }

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        // A location alone moves nothing: only runs that create a task are findings.
        signalFindings(in: activity, windows: windows).filter { $0.evidence["calls"]?.contains("CreateTask") == true }
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        if finding.evidence["signals"]?.contains("not ours") == true { finding.severity = finding.severity.raised(by: 1) }
    }
}

extension DataSyncTask {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T03:30:00Z")
        let location = "{\"S3BucketArn\":\"arn:aws:s3:::customer-records\",\"S3Config\":{\"BucketAccessRoleArn\":\"arn:aws:iam::\(CaseEvents.account):role/datasync\"}}"
        let task = "{\"SourceLocationArn\":\"arn:aws:datasync:us-east-1:\(CaseEvents.account):location/loc-0a1\",\"DestinationLocationArn\":\"arn:aws:datasync:us-east-1:999988887777:location/loc-0b2\",\"Name\":\"sync\"}"
        return [
            .fires("developer-jane registers customer-records and creates a task into account 999988887777", [
                CaseEvents.call("CreateLocationS3", at: at, by: jane, from: "45.133.1.77", source: "datasync.amazonaws.com", parameters: location),
                CaseEvents.call("CreateTask", at: at.adding(seconds: 60), by: jane, from: "45.133.1.77", source: "datasync.amazonaws.com", parameters: task),
            ]),
            .quiet("only an S3 location registered, no task", [
                CaseEvents.call("CreateLocationS3", at: at, by: jane, source: "datasync.amazonaws.com", parameters: location),
            ]),
            .quiet("listing tasks", [
                CaseEvents.call("ListTasks", at: at, by: jane, source: "datasync.amazonaws.com", parameters: "{}"),
            ]),
        ]
    }
}
