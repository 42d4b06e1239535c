import S3HoundCore
@testable import S3HoundReport

/// Hand-built incidents for the report tests: the seed's story and its variations.
enum Fixtures {
    static let account = "123456789012"
    static let janeARN = "arn:aws:iam::123456789012:user/developer-jane"
    /// The seed's key; it must never appear whole in any output.
    static let janeKey = "AKIA5Q2R7HNB3KQTWXYZ"
    static let torIP = "185.220.101.47"
    static let buckets = ["sensitive-data-bucket", "customer-records", "finance-exports"]
    /// ~4.7 GB.
    static let totalBytes: Int64 = 5_046_586_573

    static func time(_ text: String) -> EventTime { EventTime(iso8601: text)! }

    static let burstStart = EventReference(time: time("2026-02-23T02:47:12Z"), eventID: "3f9c1d2e-7b1a-4c55-9e0f-000000000001")
    static let burstEnd = EventReference(time: time("2026-02-23T04:12:40Z"), eventID: "3f9c1d2e-7b1a-4c55-9e0f-000000012847")

    static var bucketImpact: [String: BucketImpact] {
        ["sensitive-data-bucket": BucketImpact(requests: 8_000, bytesOut: 3_221_225_472, ownerAccountId: account),
         "customer-records": BucketImpact(requests: 3_500, bytesOut: 1_288_490_189, ownerAccountId: account),
         "finance-exports": BucketImpact(requests: 1_347, bytesOut: 536_870_912, ownerAccountId: account)]
    }

    /// developer-jane's key reads 12,847 objects (4.7 GB) from a Tor exit at 3 AM; with `story`,
    /// GuardDuty and Macie findings, per-minute activity and sensitivity labels are joined to it.
    static func janeIncident(story: Bool = true) -> Incident {
        let bulk = Finding(
            detectionID: "cloudtrail.bulk-download", title: "Bulk download of S3 objects", severity: .high, techniques: ["T1530"],
            principal: janeARN, arns: [janeARN], accessKeyIds: [janeKey], accountId: account, sourceIPs: [torIP: 12_847],
            firstEvent: burstStart, lastEvent: burstEnd, requestCount: 12_847, distinctKeys: 12_847, bytesOut: totalBytes,
            buckets: bucketImpact,
            explanation: "12,847 GetObject requests (12,847 distinct objects, 4.7 GB) from 185.220.101.47 between 2026-02-23 02:47 UTC and 2026-02-23 04:12 UTC.",
            evidence: ["sourceIP": torIP, "thresholdRequests": "1000"])
        let newIP = Finding(
            detectionID: "cloudtrail.new-source-ip", title: "Request from a source IP new for this principal", severity: .medium,
            techniques: ["T1078.004"], principal: janeARN, arns: [janeARN], accessKeyIds: [janeKey], accountId: account,
            sourceIPs: [torIP: 12_847], firstEvent: burstStart, lastEvent: burstEnd, requestCount: 12_847,
            explanation: "12,847 requests from 185.220.101.47; in 7 days of baseline this principal used 1 other address (203.0.113.10) and never this one.",
            evidence: ["sourceIP": torIP, "knownAddresses": "1", "baselineDays": "7"])
        let hour = Finding(
            detectionID: "cloudtrail.unusual-hour", title: "Principal active at an hour it never works", severity: .low,
            techniques: ["T1078.004"], principal: janeARN, arns: [janeARN], accessKeyIds: [janeKey], accountId: account,
            firstEvent: burstStart, lastEvent: burstEnd, requestCount: 12_847,
            explanation: "12,847 requests at 02:00–04:59 UTC on 2026-02-23; in 7 days of baseline this principal was active only at 09, 14 UTC.",
            evidence: ["hours": "02,03,04", "usualHours": "09,14", "baselineDays": "7"])
        var incident = Incident(
            id: "INC-20260223-4f2a9c", severity: .critical,
            severityReasons: ["high: the most severe finding (cloudtrail.bulk-download)",
                              "+1 level: corroborated by cloudtrail.new-source-ip",
                              "+1 level: corroborated by cloudtrail.unusual-hour"],
            principal: janeARN, arns: [janeARN], accessKeyIds: [janeKey], identityType: "IAMUser", accounts: [account],
            sourceIPs: [SourceIPActivity(ip: torIP, requests: 12_847, failed: 0, newForPrincipal: true, label: "Tor exit node")],
            impact: DataImpact(objectsRead: 12_847, distinctKeys: 12_847, bytesOut: totalBytes, failedAttempts: 0, buckets: bucketImpact),
            findings: [bulk, newIP, hour])
        if story {
            incident.story = janeStory()
            incident.impact.sensitive = janeSensitive
            incident.impact.bucketLabels = ["customer-records": "pii", "finance-exports": "financial"]
        }
        return incident
    }

    /// A role session copies objects into a bucket of account 999988887777; with `story`, from the
    /// EC2 instance whose credentials were taken, with flow-log egress and a GuardDuty finding.
    static func roleCopyIncident(story: Bool = true) -> Incident {
        let roleARN = "arn:aws:iam::123456789012:role/etl-runner"
        let session = "arn:aws:sts::123456789012:assumed-role/etl-runner/i-0abc"
        let first = EventReference(time: time("2026-02-23T03:10:00Z"), eventID: "copy-1")
        let last = EventReference(time: time("2026-02-23T03:25:30Z"), eventID: "copy-40")
        let copy = Finding(
            detectionID: "cloudtrail.cross-account-copy", title: "S3 objects copied into another account's bucket", severity: .high,
            techniques: ["T1537"], principal: roleARN, arns: [session], accessKeyIds: ["ASIAEXAMPLEKEY0001"], accountId: account,
            sourceIPs: ["45.133.1.77": 40], firstEvent: first, lastEvent: last, requestCount: 40, distinctKeys: 40,
            buckets: ["customer-records": BucketImpact(requests: 40, ownerAccountId: account)],
            explanation: "40 CopyObject from customer-records (account 123456789012) into exfil-drop-bucket owned by account 999988887777.",
            evidence: ["destinationAccount": "999988887777", "destinationBucket": "exfil-drop-bucket",
                       "sourceBuckets": "customer-records", "callerAccount": account])
        var incident = Incident(
            id: "INC-20260223-0c0ffe", severity: .high, severityReasons: ["high: the most severe finding (cloudtrail.cross-account-copy)"],
            principal: roleARN, arns: [session], accessKeyIds: ["ASIAEXAMPLEKEY0001"], identityType: "AssumedRole",
            accounts: [account, "999988887777"],
            sourceIPs: [SourceIPActivity(ip: "45.133.1.77", requests: 40, newForPrincipal: false)],
            impact: DataImpact(objectsCopiedOut: 40, destinationAccounts: ["999988887777"],
                               buckets: ["customer-records": BucketImpact(requests: 40, ownerAccountId: account)]),
            findings: [copy])
        if story {
            incident.story = roleStory()
            incident.impact.sensitive = [SensitiveDataImpact(
                bucket: "customer-records", objectsFlagged: 310, objectsRead: 12,
                types: [SensitiveDataHit(category: "PERSONAL_INFORMATION", type: "EMAIL_ADDRESS", count: 4_410)],
                macieSeverity: "Medium", findingIds: ["macie-0007"])]
            incident.impact.bucketLabels = ["customer-records": "pii"]
        }
        return incident
    }

    /// A run summary like `hunt` writes.
    static func summary(incidentsBelow: Int = 0) -> RunSummary {
        RunSummary(generatedAt: time("2026-02-23T05:00:00Z"), filesRead: 1_440, filesPruned: 12, records: 1_203_377, recordsSkipped: 3,
                   bytesRead: 2_147_483_648, elapsedSeconds: 4.25, inputStart: time("2026-02-16T00:00:00Z"),
                   inputEnd: time("2026-02-23T04:59:59Z"),
                   detectionWindow: TimeWindow(start: time("2026-02-23T00:00:00Z"), end: nil),
                   baselineWindow: TimeWindow(start: time("2026-02-16T00:00:00Z"), end: time("2026-02-23T00:00:00Z")),
                   accounts: [account], findingsBySeverity: ["high": 2, "medium": 1, "low": 1],
                   incidentsBelowThreshold: incidentsBelow,
                   detections: ["cloudtrail.bulk-download", "cloudtrail.cross-account-copy", "cloudtrail.new-source-ip", "cloudtrail.unusual-hour"],
                   notes: ["Findings are reported from 2026-02-23T00:00:00Z; the 7d before it is the baseline."])
    }

    /// The seed's report: one incident.
    static func seedReport() -> HuntReport { HuntReport(incidents: [janeIncident()], summary: summary()) }

    /// Nothing found.
    static func emptyReport() -> HuntReport { HuntReport(incidents: [], summary: summary(incidentsBelow: 2)) }
}

extension Fixtures {
    /// Escape, bidi override, table pipe, backticks (including a fence), command substitution, quotes.
    static let hostileBucket = "drop`touch pwned-tick`$(touch pwned-sub)|\u{1B}[31m\u{202E}```x'\"y"
    static let hostileUserAgent = "aws-cli/2.0 \u{1B}[31mRED\u{202E}|`$(id)`"
    static let hostileUser = "jane$(touch pwned-user)'`touch pwned-user2`"
    static var hostileARN: String { "arn:aws:iam::123456789012:user/\(hostileUser)" }
    /// Markup that would run script, break out of an attribute or open a tag if written raw into HTML.
    static let hostileMarkup = "</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>&amp;"
    /// A value that tries to close a double-quoted attribute and add a handler.
    static let hostileAttribute = "pii\" onmouseover=\"alert(4)"

    /// The seed's incident with attacker-controlled strings everywhere the logs supply them.
    static func hostileIncident() -> Incident {
        var incident = janeIncident()
        incident.principal = hostileARN
        incident.arns = [hostileARN]
        incident.impact.buckets[hostileBucket] = BucketImpact(requests: 7, bytesOut: 7_000, ownerAccountId: account)
        incident.sourceIPs[0].label = "Tor \u{1B}]0;owned\u{07} exit | node"
        incident.findings = incident.findings.map { finding in
            var finding = finding
            finding.principal = hostileARN
            finding.arns = [hostileARN]
            finding.evidence["userAgent"] = hostileUserAgent
            finding.explanation += " Key \(janeKey) was used; object key \u{1B}[2Jsecret|`x`."
            finding.firstEvent.eventID = "ev-\u{1B}[2J-\u{202E}"
            return finding
        }
        incident.impact.bucketLabels[hostileBucket] = hostileAttribute
        incident.impact.sensitive.append(SensitiveDataImpact(
            bucket: hostileBucket, objectsFlagged: 1, objectsRead: 1,
            types: [SensitiveDataHit(category: "CUSTOM_IDENTIFIER", type: "<i>" + hostileMarkup, count: 1)],
            macieSeverity: "High\u{202E}", findingIds: ["macie-\u{1B}[31m"]))
        incident.story.timeline.append(TimelineEntry(time: burstEnd.time, source: "guardDuty\" onclick=\"alert(5)", kind: "guardduty",
                                                     summary: hostileMarkup + " \u{202E}evil \u{1B}]0;title\u{07}"))
        incident.story.serviceFindings[0].title = hostileMarkup
        incident.story.serviceFindings[0].type = "Exfiltration:S3/<b>bold</b>"
        incident.story.serviceFindings[0].sourceOrganization = hostileUserAgent
        incident.story.serviceFindings[1].objects[0].key = "keys/\u{1B}[2J<iframe src=//evil>\u{202E}.csv"
        incident.story.instances = ["i-0abc\"><script>alert(3)</script>"]
        incident.story.egress = [NetworkEgress(interfaceId: "eni-<x>", instanceId: "i-0abc\"><script>alert(3)</script>", sourceAddress: "10.0.0.9",
                                               destination: "203.0.113.66<script>", bytes: 9_000, packets: 12, flows: 1,
                                               first: burstStart.time, last: burstEnd.time, tie: hostileMarkup)]
        return incident
    }

    static func hostileReport() -> HuntReport { HuntReport(incidents: [hostileIncident()], summary: summary()) }
}
