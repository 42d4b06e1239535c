extension ServiceFindingParser {
    /// The most of a file's start `sniff` looks at.
    public static let sniffLength = 64 * 1024

    /// True when the first bytes of a file (up to `sniffLength`; more are ignored) look like a GuardDuty or
    /// Macie findings document of a supported kind. It is strict, because a yes hides the file from the
    /// CloudTrail reader: `{"Records":[…]}` files, CloudTrail records, EventBridge envelopes of any other
    /// `detail-type` (such as `AWS API Call via CloudTrail`), Security Hub findings, text and access-log lines
    /// are all no. A yes needs a `GuardDuty Finding`/`Macie Finding` envelope, or a finding whose fields only
    /// GuardDuty (`resource` with `service` or `schemaVersion`) or Macie (`resourcesAffected`,
    /// `classificationDetails`, `policyDetails`) writes — bare, in a list, or in a `findings` list (alone or
    /// in a list of such pages).
    public static func sniff(_ head: UnsafeRawBufferPointer) -> Bool {
        let limited = UnsafeRawBufferPointer(rebasing: head[..<min(head.count, sniffLength)])
        let scan = FindingsHeadScanner(limited)
        guard scan.sawRootObject else { return false }
        let root = scan.root
        if root.has("records") || isCloudTrailRecord(root) { return false }
        if root.has("detail-type") || root.has("detail") {
            return isFindingEnvelope(root)
        }
        if scan.findingsIsList {
            // `{"Findings":[]}` says nothing either way, and is harmless to claim: it holds no records.
            return scan.sawFirstFinding ? isFinding(scan.firstFinding) : true
        }
        return isFinding(root)
    }

    private static func isFindingEnvelope(_ root: FindingsHeadScanner.ObjectSummary) -> Bool {
        if let detailType = root.text["detail-type"] {
            let name = detailType.lowercased()
            return name == "guardduty finding" || name == "macie finding"
        }
        guard let source = root.text["source"]?.lowercased() else { return false }
        return source == "aws.guardduty" || source == "aws.macie"
    }

    private static func isCloudTrailRecord(_ object: FindingsHeadScanner.ObjectSummary) -> Bool {
        object.has("eventversion") || object.has("eventsource") || object.has("useridentity") || object.has("eventname")
    }

    private static func isFinding(_ object: FindingsHeadScanner.ObjectSummary) -> Bool {
        guard !isCloudTrailRecord(object), !object.has("productarn"), !object.has("records") else { return false }
        return isGuardDutyFinding(object) || isMacieFinding(object)
    }

    private static func isGuardDutyFinding(_ object: FindingsHeadScanner.ObjectSummary) -> Bool {
        object.has("resource") && (object.has("service") || object.has("schemaversion"))
            && ["id", "type", "accountid", "arn", "severity"].contains(where: object.has)
    }

    private static func isMacieFinding(_ object: FindingsHeadScanner.ObjectSummary) -> Bool {
        object.has("resourcesaffected") || object.has("classificationdetails") || object.has("policydetails")
    }
}
