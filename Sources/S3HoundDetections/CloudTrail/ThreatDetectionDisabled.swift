import S3HoundCore

/// GuardDuty or Macie switched off, blinded to S3, or told to archive findings.
public struct ThreatDetectionDisabled: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.threat-detection-disabled",
        title: "GuardDuty S3 protection or Macie disabled, or findings archived",
        severity: .high,
        techniques: [.t1562_008],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Planned cost or region clean-ups by the security team: suppress their role for the change",
            "Analysts archiving findings they have triaged: suppress their principal for ArchiveFindings",
        ],
        triage: "Re-enable the detector or Macie session and restore the S3 data source first; then read the archived findings, which are not gone.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["DeleteDetector", "UpdateDetector", "ArchiveFindings", "CreateFilter", "UpdateFilter", "CreateFindingsFilter", "UpdateFindingsFilter", "DisableMacie", "UpdateMacieSession"]

    public static let consequence = "The managed detection that would report S3 exfiltration is off, blind, or hiding its findings."

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        // Only GuardDuty and Macie calls matter; parse their parameters, never those of the S3 data stream.
        guard event.eventSource == "guardduty.amazonaws.com" || event.eventSource.hasPrefix("macie") else { return nil }
        let parameters = event.requestParametersJSON.flatMap(ParsedJSON.parse)
        switch (event.eventSource, event.eventName) {
        case ("guardduty.amazonaws.com", "DeleteDetector"):
            return "GuardDuty DeleteDetector deletes detector \(parameters?["detectorId"]?.text ?? "?")"
        case ("guardduty.amazonaws.com", "UpdateDetector"):
            guard let parameters else { return nil }
            let off = Self.guardDutyS3Off(parameters)
            return off.isEmpty ? nil : "GuardDuty UpdateDetector " + off.joined(separator: ", ")
        case ("guardduty.amazonaws.com", "ArchiveFindings"), ("macie.amazonaws.com", "ArchiveFindings"), ("macie2.amazonaws.com", "ArchiveFindings"):
            return "\(event.eventSource.hasPrefix("guardduty") ? "GuardDuty" : "Macie") ArchiveFindings archives \(parameters?["findingIds"]?.list.count ?? 0) finding(s)"
        case ("guardduty.amazonaws.com", "CreateFilter"), ("guardduty.amazonaws.com", "UpdateFilter"),
             ("macie2.amazonaws.com", "CreateFindingsFilter"), ("macie2.amazonaws.com", "UpdateFindingsFilter"):
            guard parameters?["action"]?.text?.uppercased() == "ARCHIVE" else { return nil }
            return "\(event.eventName) adds a rule that archives new findings automatically"
        case ("macie2.amazonaws.com", "DisableMacie"), ("macie.amazonaws.com", "DisableMacie"):
            return "DisableMacie turns Macie off"
        case ("macie2.amazonaws.com", "UpdateMacieSession"):
            guard parameters?["status"]?.text?.uppercased() == "PAUSED" else { return nil }
            return "UpdateMacieSession pauses Macie"
        default:
            return nil
        }
    }

    public func subject(of event: ActivityEvent, configuration: DetectionConfiguration) -> String { event.eventSource }

    /// What an UpdateDetector request turns off: the detector, its S3Logs data source, or the S3_DATA_EVENTS feature.
    public static func guardDutyS3Off(_ parameters: ParsedJSON) -> [String] {
        var off: [String] = []
        if parameters["enable"]?.boolValue == false { off.append("disables the detector") }
        if parameters["dataSources"]?["s3Logs"]?["enable"]?.boolValue == false { off.append("turns off S3 protection (S3Logs)") }
        for feature in parameters["features"]?.list ?? [] where feature["name"]?.text == "S3_DATA_EVENTS" && feature["status"]?.text?.uppercased() == "DISABLED" {
            off.append("turns off S3 protection (S3_DATA_EVENTS)")
        }
        return off
    }
}

extension ThreatDetectionDisabled {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:41:00Z")
        func call(_ source: String, _ name: String, _ parameters: String) -> ActivityEvent {
            CaseEvents.call(name, at: at, by: jane, from: "45.133.1.77", source: source, parameters: parameters)
        }
        return [
            .fires("GuardDuty S3 protection turned off", [
                call("guardduty.amazonaws.com", "UpdateDetector", "{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\",\"dataSources\":{\"s3Logs\":{\"enable\":false}}}"),
            ]),
            .fires("the GuardDuty detector deleted", [call("guardduty.amazonaws.com", "DeleteDetector", "{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\"}")]),
            .fires("Macie paused", [call("macie2.amazonaws.com", "UpdateMacieSession", "{\"status\":\"PAUSED\"}")]),
            .quiet("GuardDuty publishing frequency changed", [
                call("guardduty.amazonaws.com", "UpdateDetector", "{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\",\"findingPublishingFrequency\":\"FIFTEEN_MINUTES\"}"),
            ]),
            .quiet("Macie resumed", [call("macie2.amazonaws.com", "UpdateMacieSession", "{\"status\":\"ENABLED\"}")]),
        ]
    }
}
