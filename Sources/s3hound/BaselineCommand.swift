import ArgumentParser
import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundSources

/// `s3hound baseline`: learn principals' usual behaviour from logs already at hand, and show it.
struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn each principal's usual behaviour from past logs, and show what was learned.",
        discussion: """
        A baseline is what S3Hound knows about each principal from history: the source IPs, \
        user-agent families and hours it works at, the buckets it reads and how much it reads per \
        hour and per day. Learn it from the logs you already have, so hunting is useful on day one \
        instead of after weeks of watching:

          s3hound baseline learn ./AWSLogs --until 2026-02-22
          s3hound baseline show arn:aws:iam::123456789012:user/developer-jane

        The store is one SQLite file, by default $XDG_STATE_HOME/s3hound/baseline.sqlite (or \
        ~/.local/state/s3hound/baseline.sqlite); --state PATH uses another. Learning the same file \
        twice counts it once, so learning a growing log folder again adds only the new files.
        """,
        subcommands: [Learn.self, Show.self])
}

/// `--state PATH`, shared by the baseline subcommands.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The baseline store file (default: $XDG_STATE_HOME/s3hound/baseline.sqlite, else ~/.local/state/s3hound/baseline.sqlite).", valueName: "path"))
    var state: String?

    /// The store path the user chose, or the XDG default.
    var path: String { state ?? BaselineStore.defaultPath() }

    /// Opens the store, or prints why not and exits with status 2.
    func open(retentionDays: Int = BaselineStore.defaultRetentionDays) throws -> BaselineStore {
        do { return try BaselineStore(path: path, retentionDays: retentionDays) } catch let error as BaselineStoreError {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
    }
}

extension Baseline {
    /// `s3hound baseline learn PATH...`
    struct Learn: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn profiles from CloudTrail logs into the baseline store.",
            discussion: """
            PATH is a log file or a folder (walked recursively, e.g. an AWSLogs/ tree). Every file is \
            recognised by its content: files already in the store are skipped, so running learn again \
            over the same folder adds only new files and never counts an event twice. A file is learned \
            once: --since/--until limit what is taken from it the first time.

            Learn history from before the time you want to hunt in; a baseline that includes an \
            attack makes the attacker look normal.

            Examples:
              s3hound baseline learn ./AWSLogs
              s3hound baseline learn ./AWSLogs --since 2026-01-01 --until 2026-02-22
              s3hound baseline learn ./AWSLogs --state ./case-1234.sqlite

            Days more than --retention-days before the newest day in the store are removed. Exit \
            status: 0 learned (or nothing new to learn), 2 could not run.
            """)

        @Argument(help: ArgumentHelp("Log files or folders.", valueName: "path"))
        var paths: [String]

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("Learn events from this time: ISO-8601 (2026-01-01, 2026-01-01T00:00Z) or relative (30d).", valueName: "time"))
        var since: String?

        @Option(help: ArgumentHelp("Learn events before this time (same forms as --since).", valueName: "time"))
        var until: String?

        @Option(help: ArgumentHelp("Days of history to keep, counted back from the newest day in the store (0 keeps all).", valueName: "days"))
        var retentionDays: Int = BaselineStore.defaultRetentionDays

        @Option(help: ArgumentHelp("Reader threads (default: all cores).", valueName: "n"))
        var jobs: Int?

        @Flag(name: .shortAndLong, help: "No progress line or summary on standard error (problems with the input are still reported).")
        var quiet = false

        func validate() throws {
            let now = EventTime(Date())
            if paths.contains("-") {
                throw ValidationError("standard input cannot be learned: it could not be recognised if learned again. Save it to a file and learn the file.")
            }
            if let since, TimeExpression.parse(since, now: now) == nil {
                throw ValidationError("--since '\(since)' is not a time: use 2026-01-01, 2026-01-01T00:00:00Z, or a duration back from now like 30d.")
            }
            if let until, TimeExpression.parse(until, now: now) == nil {
                throw ValidationError("--until '\(until)' is not a time: use 2026-02-22, 2026-02-22T00:00:00Z, or a duration back from now like 1d.")
            }
            if let since, let until, let s = TimeExpression.parse(since, now: now), let u = TimeExpression.parse(until, now: now), u <= s {
                throw ValidationError("--until must be after --since.")
            }
            if retentionDays < 0 { throw ValidationError("--retention-days cannot be negative (0 keeps all history).") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        }

        func run() throws {
            let now = EventTime(Date())
            let window = TimeWindow(start: since.flatMap { TimeExpression.parse($0, now: now) },
                                    end: until.flatMap { TimeExpression.parse($0, now: now) })
            let baselineStore = try store.open(retentionDays: retentionDays)
            var learner = BaselineLearner(paths: paths, window: window, now: now)
            if let jobs { learner.workers = jobs }
            let showProgress = !quiet && Terminal.stderrIsTerminal
            let throttle = ProgressThrottle()
            let summary: LearnSummary
            do {
                summary = try learner.learn(into: baselineStore) { progress, _ in
                    if showProgress, throttle.due() {
                        Terminal.progress("learning: \(progress.filesDone)/\(progress.filesTotal) files, \(ByteCount.grouped(progress.records)) records, \(ByteCount.format(progress.bytes))")
                    }
                }
            } catch let error as InputWalker.WalkError {
                if showProgress { Terminal.clearProgress() }
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            } catch let error as BaselineStoreError {
                if showProgress { Terminal.clearProgress() }
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            if showProgress { Terminal.clearProgress() }
            for issue in summary.issues { Terminal.error("s3hound: warning: \(issue)") }
            if summary.issuesDropped > 0 { Terminal.error("s3hound: warning: \(summary.issuesDropped) more problem(s) not shown") }
            if summary.filesRead + summary.filesAlreadyLearned + summary.filesPruned == 0 {
                Terminal.error("s3hound: error: no log files found in \(paths.map(SafeText.terminal).joined(separator: ", ")) — point at a CloudTrail log file or folder.")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            if !quiet { Terminal.error(Self.summaryLine(summary, store: baselineStore.path)) }
        }

        /// `s3hound: learned 12 files (3 already learned, skipped), … into PATH`.
        static func summaryLine(_ s: LearnSummary, store: String) -> String {
            var first = "s3hound: learned \(ByteCount.grouped(s.filesRead)) file\(s.filesRead == 1 ? "" : "s")"
            var skipped: [String] = []
            if s.filesAlreadyLearned > 0 { skipped.append("\(ByteCount.grouped(s.filesAlreadyLearned)) already learned") }
            if s.filesPruned > 0 { skipped.append("\(ByteCount.grouped(s.filesPruned)) outside the time range") }
            if !skipped.isEmpty { first += " (skipped: " + skipped.joined(separator: ", ") + ")" }
            var parts = [first, "\(ByteCount.grouped(s.records)) records", "\(ByteCount.grouped(s.recordsSkipped)) skipped as malformed"]
            if s.filesWithErrors > 0 { parts.append("\(s.filesWithErrors) file(s) not read to the end") }
            if s.recordsOutsideWindow > 0 { parts.append("\(ByteCount.grouped(s.recordsOutsideWindow)) outside the time range") }
            parts.append("\(ByteCount.grouped(s.principalsUpdated)) principal\(s.principalsUpdated == 1 ? "" : "s") updated")
            if let day = s.update.prunedBeforeDay {
                parts.append("history before \(EventTime(secondsSinceEpoch: day * 86_400).dayString) pruned")
            }
            parts.append("into \(SafeText.terminal(store)) in \(String(format: "%.1f", s.elapsedSeconds)) s")
            return parts.joined(separator: ", ")
        }
    }

    /// `s3hound baseline show PRINCIPAL`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what the baseline store knows about one principal.",
            discussion: """
            PRINCIPAL is a role ARN for assumed-role sessions (arn:aws:iam::123456789012:role/analytics), \
            a user's ARN (arn:aws:iam::123456789012:user/developer-jane), or ANONYMOUS_PRINCIPAL — the \
            name hunt reports use. Prints first and last seen, active days, source IPs and user-agent \
            families with first/last seen and counts, the hour-of-day histogram, hourly and daily read \
            volume percentiles (p50, p95, max) and the buckets read. Access keys are never printed.

            Examples:
              s3hound baseline show arn:aws:iam::123456789012:user/developer-jane
              s3hound baseline show arn:aws:iam::123456789012:role/analytics --format json
            """)

        @Argument(help: ArgumentHelp("The principal, as hunt reports name it.", valueName: "principal"))
        var principal: String

        @OptionGroup var store: StoreOptions

        @Option(help: "Output format.")
        var format: ProfileFormat = .text

        func run() throws {
            let baselineStore = try store.open()
            let profile: PrincipalProfile?
            do { profile = try baselineStore.fetchProfile(for: principal) } catch let error as BaselineStoreError {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            guard let profile else {
                let known = baselineStore.principals()
                var message = "s3hound: error: no profile for \(SafeText.terminal(principal)) in \(SafeText.terminal(baselineStore.path))"
                if known.isEmpty {
                    message += " — the store is empty: learn logs first with s3hound baseline learn PATH."
                } else {
                    message += " — principals it knows: " + known.prefix(10).map(SafeText.terminal).joined(separator: ", ") + (known.count > 10 ? ", … (\(known.count) in all)" : "") + "."
                }
                Terminal.error(message)
                throw ExitCode(ExitStatus.couldNotRun)
            }
            switch format {
            case .text: Terminal.output(ProfileText.render(profile))
            case .json: Terminal.output(try ProfileJSON.render(profile))
            }
        }
    }
}

/// `baseline show --format`.
enum ProfileFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
