import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct MarkdownReportTests {
    let seed = MarkdownReport.render(Fixtures.seedReport(), minimumSeverity: .medium)

    @Test func runHeaderSaysWhatWasInvestigated() {
        #expect(seed.hasPrefix("# S3 data exfiltration investigation report\n"))
        #expect(seed.contains("- **Investigation date:** 2026-02-23"))
        #expect(seed.contains("- **Accounts:** 123456789012"))
        #expect(seed.contains("- **Detection window:** 2026-02-23 00:00 UTC – end of input"))
        #expect(seed.contains("- **Files:** 1,440 read (2.0 GB of log text); 12 outside the time range skipped unopened"))
        #expect(seed.contains("- **Records:** 1,203,377 read; 3 skipped as malformed"))
    }

    @Test func incidentHasTheSeedReportSections() {
        #expect(seed.contains("## INC-20260223-4f2a9c — Critical"))
        #expect(seed.contains("- **Account:** 123456789012"))
        #expect(seed.contains("CloudTrail S3 data events — Bulk download of S3 objects (cloudtrail.bulk-download)"))
        #expect(seed.contains("- **Why this severity:** high: the most severe finding"))
        for section in ["### Timeline", "### Compromised principal", "### Data impact", "### Findings", "### Containment checklist"] {
            #expect(seed.contains("\n\(section)\n"), "missing \(section)")
        }
    }

    @Test func timelineHasFirstRequestBurstAndLastRequest() {
        #expect(seed.contains("- **2026-02-23 02:47 UTC** — First anomalous request from 185.220.101.47"))
        #expect(seed.contains("- **2026-02-23 02:47–04:12 UTC** — Burst: 12,847 GetObject requests from 185.220.101.47 — 4.7 GB"))
        #expect(seed.contains("event 3f9c1d2e-7b1a-4c55-9e0f-000000000001"))
        #expect(seed.contains("- **2026-02-23 04:12 UTC** — Last request of the incident — event 3f9c1d2e-7b1a-4c55-9e0f-000000012847"))
    }

    @Test func principalAndImpact() {
        #expect(seed.contains("- **Principal:** arn:aws:iam::123456789012:user/developer-jane"))
        #expect(seed.contains("- **Access keys:** AKIA…WXYZ (long-term)"))
        #expect(seed.contains("- **Identity type:** IAMUser"))
        #expect(seed.contains("| 185.220.101.47 | 12,847 | 0 | Tor exit node; new for this principal |"))
        #expect(seed.contains("- **Buckets accessed:** 3"))
        #expect(seed.contains("- **Objects read:** 12,847 (12,847 distinct keys)"))
        #expect(seed.contains("- **Total data:** 4.7 GB (5,046,586,573 bytes)"))
        #expect(seed.contains("- **Sensitive data types:** not assessed (add Macie findings)"))
        #expect(seed.contains("| sensitive-data-bucket | 123456789012 | 8,000 | 3.0 GB |"))
    }

    @Test func findingsAndChecklist() {
        #expect(seed.contains("#### 1. Bulk download of S3 objects — High"))
        #expect(seed.contains("- **ATT&CK:** T1530 Data from Cloud Storage (Collection)"))
        #expect(seed.contains("- **First event:** 2026-02-23T02:47:12Z, event 3f9c1d2e-7b1a-4c55-9e0f-000000000001"))
        #expect(seed.contains("- [ ] **Deactivate access key AKIA…WXYZ of developer-jane**"))
        #expect(seed.contains("  ```sh\n  aws iam update-access-key --user-name 'developer-jane'"))
    }

    @Test func hostileStringsAreEscaped() throws {
        let markdown = MarkdownReport.render(Fixtures.hostileReport())
        #expect(!markdown.contains("\u{1B}"))
        #expect(!markdown.contains("\u{202E}"))
        #expect(!markdown.contains("\u{07}"))
        #expect(markdown.contains(#"\\u\{1b\}\[31m"#))
        // The hostile bucket's table row keeps its four cells: its `|` is escaped.
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| drop") })
        #expect(unescapedPipes(String(row)) == 5)
        // Every fenced block closes where it should: all command lines stay inside fences.
        let fenced = fencedLines(markdown)
        for command in ContainmentPlan(for: Fixtures.hostileIncident()).steps.flatMap(\.commands) {
            #expect(fenced.contains(SafeText.terminal(command)), "command escaped its fence: \(command)")
        }
    }

    @Test func fenceIsLongerThanAnyBacktickRun() {
        #expect(MarkdownReport.fence(for: ["echo hi"]) == "```")
        #expect(MarkdownReport.fence(for: ["a ``` b", "````"]) == "`````")
    }

    @Test func emptyReportSaysNoIncidents() {
        let markdown = MarkdownReport.render(Fixtures.emptyReport(), minimumSeverity: .high)
        #expect(markdown.contains("## No incidents at or above high"))
        #expect(markdown.contains("S3Hound read 1,203,377 records from 1,440 files"))
        #expect(markdown.contains("2 incident(s) below the threshold"))
        #expect(MarkdownReport.render(Fixtures.emptyReport()).contains("## No incidents at or above the reporting threshold"))
    }
}

/// `|` characters not preceded by a backslash.
func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var previous: Character = " "
    for character in line {
        if character == "|" && previous != "\\" { count += 1 }
        previous = character
    }
    return count
}

/// Lines inside fenced code blocks, parsed as CommonMark does (a fence closes on a run of at
/// least the opening length), with the two-space list indentation removed.
func fencedLines(_ markdown: String) -> Set<String> {
    var inside: Int?
    var lines: Set<String> = []
    for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = raw.drop { $0 == " " }
        let run = line.prefix { $0 == "`" }.count
        if let open = inside {
            if run >= open && line.dropFirst(run).allSatisfy({ $0 == " " }) { inside = nil } else { lines.insert(String(raw.dropFirst(2))) }
        } else if run >= 3 {
            inside = run
        }
    }
    return lines
}
