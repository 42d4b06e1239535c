import ArgumentParser
import Foundation
import S3HoundCore
import S3HoundDetections
import S3HoundHunt
import S3HoundReport
import S3HoundSources

/// `s3hound hunt`: read logs, report incidents.
struct Hunt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hunt for S3 data exfiltration in CloudTrail logs and print an investigation report.",
        discussion: """
        PATH is a log file, a folder (walked recursively, e.g. an AWSLogs/ tree as CloudTrail \
        delivers it), or - for standard input. Files may be gzip or plain; {"Records":[…]} files, \
        JSON lines and EventBridge envelopes are recognised from their content.

        Without --since, the first --baseline of the input is used as history and findings are \
        reported after it. With --since, logs from --baseline before it are read as history; \
        folders and files outside that range are skipped without being opened.

        Examples:
          s3hound hunt ./AWSLogs --since 2026-02-22 --format markdown > report.md
          s3hound hunt ./AWSLogs --since 24h --fail-on high
          zcat export.json.gz | s3hound hunt - --format json

        The report goes to standard output; progress, problems with the input and a summary go \
        to standard error. Exit status: 0 nothing at or above --fail-on, 1 incidents at or \
        above it, 2 could not run.
        """)

    @Argument(help: ArgumentHelp("Log files, folders, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Report findings from this time: ISO-8601 (2026-02-22, 2026-02-22T03:00Z) or relative (24h, 7d).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Report findings before this time (same forms as --since).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("History before the window that principals are judged against.", valueName: "duration"))
    var baseline: String = "7d"

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Exit with status 1 when an incident is at least this severe (none: never).", valueName: "severity"))
    var failOn: FailThreshold = .severity(.medium)

    @Option(help: ArgumentHelp("Report incidents at least this severe; lower ones are only counted.", valueName: "severity"))
    var minSeverity: Severity = .medium

    @Option(help: ArgumentHelp("Bulk download: GetObject requests per window that always count as bulk (the seed alarm: 1,000 an hour).", valueName: "count"))
    var bulkObjects: Int = 1000

    @Option(help: ArgumentHelp("Bulk download: bytes per window that always count as bulk (e.g. 500MB, 1GiB).", valueName: "size"))
    var bulkBytes: String = "1GiB"

    @Option(help: ArgumentHelp("Bulk download: length of the sliding window.", valueName: "duration"))
    var bulkWindow: String = "1h"

    @Option(help: ArgumentHelp("Bulk download: a principal with a baseline must exceed this multiple of its own busiest hour.", valueName: "factor"))
    var baselineMultiplier: Double = 3.0

    @Option(help: ArgumentHelp("Days of baseline activity a principal needs before new-IP, unusual-hour and relative bulk judgements apply.", valueName: "days"))
    var minHistoryDays: Int = 3

    @Option(help: ArgumentHelp("Findings about one principal further apart than this start a new incident.", valueName: "duration"))
    var incidentGap: String = "2h"

    @Option(name: .customLong("trusted-account"), help: ArgumentHelp("An account allowed to receive copies (DR, backup, vendor). Repeatable.", valueName: "id"))
    var trustedAccounts: [String] = []

    @Option(name: .customLong("own-account"), help: ArgumentHelp("One of our own or our organisation's accounts. Repeatable.", valueName: "id"))
    var ownAccounts: [String] = []

    @Option(help: ArgumentHelp("Reader threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress line or summary on standard error (problems with the input are still reported).")
    var quiet = false

    func validate() throws {
        let now = EventTime(Date())
        if let since, TimeExpression.parse(since, now: now) == nil {
            throw ValidationError("--since '\(since)' is not a time: use 2026-02-22, 2026-02-22T03:00:00Z, or a duration back from now like 24h or 7d.")
        }
        if let until, TimeExpression.parse(until, now: now) == nil {
            throw ValidationError("--until '\(until)' is not a time: use 2026-02-23, 2026-02-23T06:00:00Z, or a duration back from now like 1h.")
        }
        for (flag, value) in [("--baseline", baseline), ("--bulk-window", bulkWindow), ("--incident-gap", incidentGap)] {
            guard let seconds = TimeExpression.parseDuration(value), seconds > 0 else {
                throw ValidationError("\(flag) '\(value)' is not a duration: use a number and a unit, like 90m, 1h, 7d or 2w.")
            }
        }
        guard let bytes = ByteCount.parse(bulkBytes), bytes > 0 else {
            throw ValidationError("--bulk-bytes '\(bulkBytes)' is not a size: use e.g. 500MB, 1GiB or 1073741824.")
        }
        if bulkObjects < 1 { throw ValidationError("--bulk-objects must be at least 1.") }
        if baselineMultiplier < 1 { throw ValidationError("--baseline-multiplier must be at least 1 (it multiplies the principal's busiest hour).") }
        if minHistoryDays < 0 { throw ValidationError("--min-history-days cannot be negative.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let since, let until, let s = TimeExpression.parse(since, now: now), let u = TimeExpression.parse(until, now: now), u <= s {
            throw ValidationError("--until must be after --since.")
        }
    }

    func run() throws {
        let options = makeOptions()
        let showProgress = !quiet && Terminal.stderrIsTerminal
        let throttle = ProgressThrottle()
        let engine = HuntEngine(options: options)
        let outcome: HuntEngine.Outcome
        do {
            outcome = try engine.run { progress, file in
                for issue in file.issues { Terminal.error("s3hound: warning: \(issue)") }
                if file.issuesDropped > 0 { Terminal.error("s3hound: warning: \(SafeText.terminal(file.file)): \(file.issuesDropped) more problem(s) in this file not shown") }
                if showProgress, throttle.due() {
                    Terminal.progress("scanning: \(progress.filesDone)/\(progress.filesTotal) files, \(ByteCount.grouped(progress.records)) records, \(ByteCount.format(progress.bytes))")
                }
            }
        } catch let error as InputWalker.WalkError {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        if showProgress { Terminal.clearProgress() }
        let summary = outcome.report.summary
        if outcome.filesOpened.isEmpty && summary.filesPruned == 0 {
            Terminal.error("s3hound: error: no log files found in \(paths.map(SafeText.terminal).joined(separator: ", ")) — point at a CloudTrail log file or folder.")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        Terminal.output(try ReportRenderer.render(outcome.report, as: format, minimumSeverity: minSeverity))
        if !quiet { Terminal.error(summaryLine(outcome)) }
        if case .severity(let threshold) = failOn, outcome.report.incidents.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.foundIncidents)
        }
    }

    private func makeOptions() -> HuntOptions {
        let now = EventTime(Date())
        var options = HuntOptions(paths: paths)
        options.now = now
        options.since = since.flatMap { TimeExpression.parse($0, now: now) }
        options.until = until.flatMap { TimeExpression.parse($0, now: now) }
        options.baselineSeconds = TimeExpression.parseDuration(baseline)!
        options.minimumSeverity = minSeverity
        if let jobs { options.workers = jobs }
        var configuration = DetectionConfiguration()
        configuration.bulkObjectThreshold = bulkObjects
        configuration.bulkByteThreshold = ByteCount.parse(bulkBytes)!
        configuration.bulkWindowSeconds = TimeExpression.parseDuration(bulkWindow)!
        configuration.baselineMultiplier = baselineMultiplier
        configuration.minimumHistoryDays = minHistoryDays
        configuration.incidentGapSeconds = TimeExpression.parseDuration(incidentGap)!
        configuration.trustedAccounts = Set(trustedAccounts)
        configuration.ownAccounts = Set(ownAccounts)
        options.configuration = configuration
        return options
    }

    private func summaryLine(_ outcome: HuntEngine.Outcome) -> String {
        let s = outcome.report.summary
        let rate = s.elapsedSeconds > 0 ? Int(Double(s.records) / s.elapsedSeconds) : s.records
        var parts = ["s3hound: \(ByteCount.grouped(s.filesRead)) files read"]
        if s.filesPruned > 0 { parts[0] += " (\(ByteCount.grouped(s.filesPruned)) outside the time range skipped unopened)" }
        parts.append("\(ByteCount.grouped(s.records)) records")
        parts.append("\(ByteCount.grouped(s.recordsSkipped)) skipped as malformed")
        if s.filesWithErrors > 0 { parts.append("\(s.filesWithErrors) file(s) not read to the end") }
        if s.recordsOutsideWindow > 0 { parts.append("\(ByteCount.grouped(s.recordsOutsideWindow)) outside the time range") }
        parts.append("\(ByteCount.format(s.bytesRead)) in \(String(format: "%.1f", s.elapsedSeconds)) s (\(ByteCount.grouped(rate)) records/s)")
        let incidents = outcome.report.incidents.count
        parts.append("\(incidents) incident\(incidents == 1 ? "" : "s") at or above \(minSeverity.rawValue)" + (s.incidentsBelowThreshold > 0 ? ", \(s.incidentsBelowThreshold) below" : ""))
        return parts.joined(separator: ", ")
    }
}

/// `--fail-on`: a severity, or `none`.
enum FailThreshold: ExpressibleByArgument, CaseIterable, Equatable {
    case none
    case severity(Severity)

    init?(argument: String) {
        if argument == "none" { self = .none; return }
        guard let severity = Severity(rawValue: argument) else { return nil }
        self = .severity(severity)
    }

    static var allCases: [FailThreshold] { [.none] + Severity.allCases.map { .severity($0) } }
    var defaultValueDescription: String {
        switch self {
        case .none: return "none"
        case .severity(let s): return s.rawValue
        }
    }
    static var allValueStrings: [String] { allCases.map(\.defaultValueDescription) }
}

extension Severity: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Lets a progress line update at most ten times a second.
final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var last = ContinuousClock.now - .seconds(1)
    func due() -> Bool {
        lock.lock(); defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(100) else { return false }
        last = now
        return true
    }
}
