import S3HoundCore

/// CloudTrail stopped, deleted, redirected, or told to stop logging S3 data events.
public struct TrailTampering: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.trail-tampering",
        title: "CloudTrail logging stopped or S3 data events dropped",
        severity: .high,
        techniques: [.t1562_008],
        guardDutyEquivalent: "Stealth:IAMUser/CloudTrailLoggingDisabled",
        falsePositives: [
            "Planned trail changes by the platform team (infrastructure-as-code deploys): suppress the deploy role for the change",
        ],
        triage: "Restart logging (`aws cloudtrail start-logging`) and restore the selectors first; then treat the gap as a blind spot and look at what the principal did just before.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "PutAdvancedEventSelectors"]

    public static let consequence = "Whatever is done while the trail is off or blind to S3 data events leaves no record here."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventSource == "cloudtrail.amazonaws.com" else { return nil }
        let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse)
        let trail = parameters.flatMap { $0["name"]?.text ?? $0["trailName"]?.text } ?? "?"
        switch event.eventName {
        case "StopLogging": return "StopLogging stops trail \(trail)"
        case "DeleteTrail": return "DeleteTrail deletes trail \(trail)"
        case "UpdateTrail":
            let changed = (parameters?.members.keys.sorted() ?? []).filter { $0.lowercased() != "name" }
            return "UpdateTrail changes trail \(trail)" + (changed.isEmpty ? "" : " (\(changed.joined(separator: ", ")))")
        case "PutEventSelectors", "PutAdvancedEventSelectors":
            guard let parameters, EventSelectorCoverage.logsObjectReads(parameters) == false else { return nil }
            return "\(event.eventName) on trail \(trail) leaves no selector logging S3 object reads"
        default:
            return nil
        }
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String {
        let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse)
        return parameters.flatMap { $0["name"]?.text ?? $0["trailName"]?.text } ?? ""
    }

    public func refine(_ finding: inout Finding, run: EventRun, configuration: DetectionConfiguration) {
        // UpdateTrail alone is routine more often than not.
        if run.events.allSatisfy({ $0.eventName == "UpdateTrail" }) { finding.severity = min(finding.severity, .medium) }
        finding.evidence["trail"] = run.subject
    }
}

extension TrailTampering {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:40:00Z")
        func call(_ name: String, _ parameters: String) -> ActivityEvent {
            CaseEvents.call(name, at: at, by: jane, from: "45.133.1.77", source: "cloudtrail.amazonaws.com", parameters: parameters)
        }
        let trail = "arn:aws:cloudtrail:us-east-1:\(CaseEvents.account):trail/management-trail"
        return [
            .fires("logging stopped on the management trail", [call("StopLogging", "{\"name\":\"\(trail)\"}")]),
            .fires("basic selectors without S3 data resources", [
                call("PutEventSelectors", "{\"trailName\":\"management-trail\",\"eventSelectors\":[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,\"dataResources\":[]}]}"),
            ]),
            .fires("advanced selectors keeping only S3 writes", [
                call("PutAdvancedEventSelectors", "{\"trailName\":\"management-trail\",\"advancedEventSelectors\":[{\"name\":\"writes\",\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]},{\"field\":\"resources.type\",\"equals\":[\"AWS::S3::Object\"]},{\"field\":\"readOnly\",\"equals\":[\"false\"]}]}]}"),
            ]),
            .quiet("selectors that keep S3 object data events", [
                call("PutEventSelectors", "{\"trailName\":\"management-trail\",\"eventSelectors\":[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,\"dataResources\":[{\"type\":\"AWS::S3::Object\",\"values\":[\"arn:aws:s3\"]}]}]}"),
            ]),
            .quiet("advanced selectors logging all S3 object events", [
                call("PutAdvancedEventSelectors", "{\"trailName\":\"management-trail\",\"advancedEventSelectors\":[{\"name\":\"s3\",\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]},{\"field\":\"resources.type\",\"equals\":[\"AWS::S3::Object\"]}]}]}"),
            ]),
            .quiet("reading the selectors", [call("GetEventSelectors", "{\"trailName\":\"management-trail\"}")]),
        ]
    }
}
