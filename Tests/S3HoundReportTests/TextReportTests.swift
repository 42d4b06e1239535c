import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct TextReportTests {
    let seed = TextReport.render(Fixtures.seedReport(), minimumSeverity: .medium)

    @Test func hasTheSeedReportLaidOutForATerminal() {
        #expect(seed.hasPrefix("S3 DATA EXFILTRATION INVESTIGATION REPORT\n=========="))
        #expect(seed.contains("Investigation date: 2026-02-23"))
        #expect(seed.contains("INC-20260223-4f2a9c — Critical\n"))
        for section in ["Timeline", "Compromised principal", "Data impact", "Findings", "Containment checklist"] {
            #expect(seed.contains("\n\(section)\n" + String(repeating: "-", count: section.count) + "\n"), "missing \(section)")
        }
        #expect(seed.contains("  2026-02-23 02:47–04:12 UTC  CloudTrail  Burst: 12,847 GetObject requests from 185.220.101.47"))
        #expect(seed.contains("  2026-02-23 04:15 UTC        GuardDuty   GuardDuty Exfiltration:S3/ObjectRead.Unusual (8.0)"))
        #expect(seed.contains("  Principal:     arn:aws:iam::123456789012:user/developer-jane"))
        #expect(seed.contains("  Access keys:   AKIA…WXYZ (long-term)"))
        #expect(seed.contains("    185.220.101.47    12,847       0  Tor exit node; new for this principal"))
        #expect(seed.contains("  Total data:           4.7 GB (5,046,586,573 bytes)"))
        #expect(seed.contains("  Sensitive data types: Personal information (PII): email address (9,872), US Social Security number (1,204); Financial information: credit card number (311) — in customer-records, finance-exports"))
        #expect(seed.contains("  Macie severity:       Critical"))
        #expect(seed.contains("  1. Bulk download of S3 objects — High"))
        #expect(seed.contains("  [ ] 1. Deactivate access key AKIA…WXYZ of developer-jane"))
        #expect(seed.contains("           aws iam update-access-key --user-name 'developer-jane'"))
        #expect(!seed.contains("|---"))
        #expect(!seed.contains("**"))
    }

    @Test func hostileStringsCannotReachTheTerminal() {
        let text = TextReport.render(Fixtures.hostileReport())
        for invisible in ["\u{1B}", "\u{202E}", "\u{07}"] { #expect(!text.contains(invisible)) }
        #expect(text.contains("aws-cli/2.0 \\u{1b}[31mRED\\u{202e}|`$(id)`"))
        #expect(text.contains("--user-name 'jane$(touch pwned-user)'\\''`touch pwned-user2`'"))
    }

    @Test func emptyReportSaysNoIncidents() {
        let text = TextReport.render(Fixtures.emptyReport(), minimumSeverity: .medium)
        #expect(text.contains("No incidents at or above medium\n"))
        #expect(text.contains("S3Hound read 1,203,377 records from 1,440 files"))
        #expect(text.contains("Incidents:          0 at or above medium; 2 below, not shown"))
    }
}

@Suite struct ReportRendererTests {
    static let reports = [Fixtures.seedReport(), Fixtures.hostileReport(),
                          HuntReport(incidents: [Fixtures.roleCopyIncident()], summary: Fixtures.summary())]

    @Test func formatsAreTheCLIChoices() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "markdown", "json", "html", "jsonl", "ocsf", "asff"])
    }

    @Test(arguments: ReportFormat.allCases)
    func fullAccessKeyNeverAppears(_ format: ReportFormat) throws {
        for report in Self.reports {
            let output = try ReportRenderer.render(report, as: format)
            #expect(!output.contains(Fixtures.janeKey))
            #expect(!output.contains("ASIAEXAMPLEKEY0001"))
        }
        let seed = try ReportRenderer.render(Fixtures.seedReport(), as: format)
        #expect(seed.contains("AKIA…WXYZ"))
    }

    @Test(arguments: ReportFormat.allCases)
    func noRawControlCharactersInAnyFormat(_ format: ReportFormat) throws {
        let output = try ReportRenderer.render(Fixtures.hostileReport(), as: format)
        for scalar in output.unicodeScalars where scalar != "\n" {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                    && !(0x202A...0x202E).contains(scalar.value), "raw U+\(String(scalar.value, radix: 16)) in \(format)")
        }
    }

    @Test func shapedKeysInFreeTextAreMasked() {
        #expect(AccessKeyScrubber.maskKeyShapes("used AKIAIOSFODNN7EXAMPLE today") == "used AKIA…MPLE today")
        #expect(AccessKeyScrubber.maskKeyShapes("AKIA…WXYZ") == "AKIA…WXYZ")
    }

    @Test(arguments: ReportFormat.allCases)
    func incidentWithoutFindingsStillRenders(_ format: ReportFormat) throws {
        var incident = Fixtures.janeIncident()
        incident.findings = []
        let output = try ReportRenderer.render(HuntReport(incidents: [incident], summary: Fixtures.summary()), as: format)
        if [.jsonl, .ocsf, .asff].contains(format) {
            #expect(output.isEmpty, "one record per finding: an incident without findings has none")
        } else {
            #expect(output.contains("INC-20260223-4f2a9c"))
        }
    }
}
