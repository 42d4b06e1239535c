import ArgumentParser
import Foundation
import S3HoundBaseline
import S3HoundCore
import S3HoundDetections
import S3HoundHunt
import S3HoundReport
import S3HoundSources

/// `s3hound hunt`: read logs, report incidents.
struct Hunt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hunt for S3 data exfiltration in CloudTrail, S3 access logs, VPC Flow Logs, GuardDuty and Macie findings.",
        discussion: """
        PATH is a log file, a folder (walked recursively, e.g. an AWSLogs/ tree as AWS \
        delivers it), - for standard input, or s3://bucket/prefix (listed and read from the \
        account; --profile, --region). Files may be gzip or plain, and each is recognised from \
        its content: CloudTrail ({"Records":[…]} files, JSON lines, EventBridge envelopes), S3 \
        server access logs, VPC Flow Logs (default or custom format with a header line), \
        GuardDuty findings (get-findings output, EventBridge events, S3 exports) and Macie \
        findings. Give them together: incidents join findings from all of them.

        Without --since, the first --baseline of the input is used as history and findings are \
        reported after it. With --since, logs from --baseline before it are read as history; \
        folders and files outside that range are skipped without being opened.

        Examples:
          s3hound hunt ./AWSLogs --since 2026-02-22 --format markdown > report.md
          s3hound hunt ./AWSLogs --since 24h --fail-on high
          zcat export.json.gz | s3hound hunt - --format json
          s3hound hunt ./AWSLogs ./access-logs ./guardduty ./macie --config s3hound.toml --format html > report.html
          s3hound hunt s3://org-trail/AWSLogs/o-abc123 --log-account 123456789012 --since 2d --profile ir

        The report goes to standard output; progress, problems with the input and a summary go \
        to standard error. Exit status: 0 nothing at or above --fail-on, 1 incidents at or \
        above it, 2 could not run.
        """)

    @Argument(help: ArgumentHelp("Log files, folders, - for standard input, or s3://bucket/prefix.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Report findings from this time: ISO-8601 (2026-02-22, 2026-02-22T03:00Z) or relative (24h, 7d).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Report findings before this time (same forms as --since).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("History before the window that principals are judged against (default: 7d).", valueName: "duration"))
    var baseline: String?

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Exit with status 1 when an incident is at least this severe (none: never).", valueName: "severity"))
    var failOn: FailThreshold = .severity(.medium)

    @Option(help: ArgumentHelp("Report incidents at least this severe; lower ones are only counted.", valueName: "severity"))
    var minSeverity: Severity = .medium

    @Option(help: ArgumentHelp("Bulk download: GetObject requests per window that always count as bulk (default: 1000, the runbook's alarm).", valueName: "count"))
    var bulkObjects: Int?

    @Option(help: ArgumentHelp("Bulk download: bytes per window that always count as bulk, e.g. 500MB (default: 1GiB).", valueName: "size"))
    var bulkBytes: String?

    @Option(help: ArgumentHelp("Bulk download: length of the sliding window (default: 1h).", valueName: "duration"))
    var bulkWindow: String?

    @Option(help: ArgumentHelp("A principal with a baseline must exceed this multiple of its own busiest window (default: 3).", valueName: "factor"))
    var baselineMultiplier: Double?

    @Option(help: ArgumentHelp("Days of baseline activity a principal needs before it is judged against its own history (default: 3).", valueName: "days"))
    var minHistoryDays: Int?

    @Option(help: ArgumentHelp("Findings about one principal further apart than this start a new incident (default: 2h).", valueName: "duration"))
    var incidentGap: String?

    @Option(help: ArgumentHelp("Discovery: distinct buckets listed or inspected in an hour that count as enumeration (default: 10).", valueName: "count"))
    var enumerationBuckets: Int?

    @Option(help: ArgumentHelp("Mass deletion: objects deleted in an hour (default: 500).", valueName: "count"))
    var massDeleteObjects: Int?

    @Option(name: .customLong("trusted-account"), help: ArgumentHelp("An account allowed to receive copies (DR, backup, vendor). Repeatable.", valueName: "id"))
    var trustedAccounts: [String] = []

    @Option(name: .customLong("own-account"), help: ArgumentHelp("One of our own or our organisation's accounts. Repeatable.", valueName: "id"))
    var ownAccounts: [String] = []

    @Option(name: .customLong("allowed-cidr"), help: ArgumentHelp("One of our own address ranges (office, VPN exit, NAT gateway): never new for a principal. Repeatable.", valueName: "cidr"))
    var allowedCIDRs: [String] = []

    @Option(name: .customLong("threat-list"), help: ArgumentHelp("A file of known-bad IP addresses and CIDRs, one a line, # comments (e.g. a Tor exit list); findings name it after the file. Repeatable.", valueName: "file"))
    var threatLists: [String] = []

    @Option(name: .customLong("canary"), help: ArgumentHelp("A decoy bucket, or prefix in one, that nobody should touch: any read, listing or policy change is a finding. Repeatable.", valueName: "bucket[/prefix]"))
    var canaries: [String] = []

    @Option(name: .customLong("tool-user-agent"), help: ArgumentHelp("Another user-agent text (ignoring case) that marks attack tooling or bulk-download clients, added to the built-in list (kali, rclone, s3cmd …). Repeatable.", valueName: "text"))
    var toolUserAgents: [String] = []

    @Option(name: .customLong("credential-key"), help: ArgumentHelp("Another object-key pattern (* and ?) of credential files, added to the built-in list (.aws/credentials, id_rsa, *.pem …). Repeatable.", valueName: "pattern"))
    var credentialKeys: [String] = []

    @Option(name: .customLong("ransom-note"), help: ArgumentHelp("Another object-key pattern (* and ?) of ransom notes, added to the built-in list (README*RESTORE*, *DECRYPT* …). Repeatable.", valueName: "pattern"))
    var ransomNotes: [String] = []

    @Option(help: ArgumentHelp("Short lifecycle expiration: whole-bucket expiration after at most this many days is reported (default: 1).", valueName: "days"))
    var shortExpirationDays: Int?

    @Option(help: ArgumentHelp("Configuration file (s3hound config init writes one); flags given here win over it.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Baseline store to judge principals against (default: $XDG_STATE_HOME/s3hound/baseline.sqlite, used when it exists).", valueName: "path"))
    var state: String?

    @Flag(help: "After the hunt, learn the files read into the baseline store (creating it), so the next hunt knows this history.")
    var learn = false

    @Flag(help: "Do not read a baseline store, even if one exists.")
    var noState = false

    @Option(help: ArgumentHelp("AWS profile for s3:// paths (default: AWS_PROFILE, the AWS_* keys, or 'default').", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("AWS region for s3:// paths (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's).", valueName: "region"))
    var region: String?

    @Option(name: .customLong("log-account"), help: ArgumentHelp("s3:// paths: read only this account's logs (AWSLogs/[o-org/]ACCOUNT/…). Repeatable.", valueName: "id"))
    var logAccounts: [String] = []

    @Option(name: .customLong("log-region"), help: ArgumentHelp("s3:// paths: read only this region's logs. Repeatable.", valueName: "region"))
    var logRegions: [String] = []

    @Option(name: .customLong("source-type"), help: ArgumentHelp("Read every file as this kind instead of detecting it from its content.", valueName: "kind"))
    var sourceType: LogSourceType?

    @Option(name: .customLong("aws-ip-ranges"), help: ArgumentHelp("AWS's published ip-ranges.json: flow-log traffic to AWS addresses is not counted as egress.", valueName: "file"))
    var awsIPRanges: String?

    @Option(help: ArgumentHelp("Flow-log egress: bytes one instance sends to one outside address within an hour that count as large (default: 500MiB).", valueName: "size"))
    var egressBytes: String?

    @Flag(name: .customLong("pull-findings"), help: "Also fetch GuardDuty's S3 findings and Macie's findings for the window from the account (--profile, --region) and join them.")
    var pullFindings = false

    @Flag(name: .customLong("include-archived-findings"), help: "Also read GuardDuty/Macie findings that were archived.")
    var includeArchivedFindings = false

    @Flag(name: .customLong("include-sample-findings"), help: "Also read GuardDuty/Macie sample findings (service.additionalInfo.sample).")
    var includeSampleFindings = false

    @Option(name: .customLong("json-parser"), help: ArgumentHelp("reference reads CloudTrail JSON with Foundation's JSONDecoder — slower; for checking the fast scanner and for benchmarks.", valueName: "parser"))
    var jsonParser: CloudTrailJSONParser = .fast

    @Option(name: .customLong("read-totals"), help: ArgumentHelp("Also write GetObject requests and bytes sent out per principal and source IP (from the same pass) as CSV into this new file; an existing file is never overwritten.", valueName: "file"))
    var readTotals: String?

    @Option(help: ArgumentHelp("Reader threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("s3:// paths: objects downloaded at once, ahead of the reader threads (default 16; a waiting download costs a sleeping thread, no CPU). Raise it when each request is slow, as from outside the bucket's region.", valueName: "n"))
    var downloads: Int?

    @Option(help: ArgumentHelp("Judge principals in this many partitions, one at a time per reader thread, to bound memory on large inputs: events are spooled by principal to unlinked files in $TMPDIR as they are read, then each partition is replayed and judged; same findings. auto (default) takes one partition per 64 MiB of stored input from 128 MiB up, a multiple of --jobs; 1 never spools.", valueName: "n|auto"))
    var partitions: String?

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
            guard let value else { continue }
            guard let seconds = TimeExpression.parseDuration(value), seconds > 0 else {
                throw ValidationError("\(flag) '\(value)' is not a duration: use a number and a unit, like 90m, 1h, 7d or 2w.")
            }
        }
        if let egressBytes, (ByteCount.parse(egressBytes) ?? 0) <= 0 {
            throw ValidationError("--egress-bytes '\(egressBytes)' is not a size: use e.g. 500MB, 2GiB or 1073741824.")
        }
        if let bulkBytes, (ByteCount.parse(bulkBytes) ?? 0) <= 0 {
            throw ValidationError("--bulk-bytes '\(bulkBytes)' is not a size: use e.g. 500MB, 1GiB or 1073741824.")
        }
        for (flag, value) in [("--bulk-objects", bulkObjects), ("--enumeration-buckets", enumerationBuckets), ("--mass-delete-objects", massDeleteObjects), ("--jobs", jobs), ("--downloads", downloads)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1.") }
        }
        if let baselineMultiplier, baselineMultiplier < 1 { throw ValidationError("--baseline-multiplier must be at least 1 (it multiplies the principal's busiest window).") }
        if let minHistoryDays, minHistoryDays < 0 { throw ValidationError("--min-history-days cannot be negative.") }
        if let shortExpirationDays, shortExpirationDays < 0 { throw ValidationError("--short-expiration-days cannot be negative.") }
        if let partitions, partitions != "auto", (Int(partitions) ?? 0) < 1 {
            throw ValidationError("--partitions '\(partitions)' is not a count: use a whole number of at least 1 (1 never spools), or auto.")
        }
        if let readTotals, FileManager.default.fileExists(atPath: readTotals) {
            throw ValidationError("--read-totals \(readTotals) already exists and S3Hound never overwrites a file: choose another name or remove it first.")
        }
        if learn && noState { throw ValidationError("--learn and --no-state contradict each other: drop one.") }
        if learn && paths.contains(where: S3Location.isS3) { throw ValidationError("--learn reads local files only: download the logs, or learn them with s3hound baseline learn after copying.") }
        for path in paths where S3Location.isS3(path) && S3Location(path) == nil {
            throw ValidationError("'\(path)' is not an S3 location: use s3://bucket/prefix.")
        }
        if learn && paths.contains("-") { throw ValidationError("--learn cannot learn standard input (a stream cannot be recognised when it is learned again): give files.") }
        if let since, let until, let s = TimeExpression.parse(since, now: now), let u = TimeExpression.parse(until, now: now), u <= s {
            throw ValidationError("--until must be after --since.")
        }
    }

    func run() throws {
        let file = try loadConfig()
        let options = try makeOptions(file)
        let showProgress = !quiet && Terminal.stderrIsTerminal
        let throttle = ProgressThrottle()
        let engine = HuntEngine(options: options, detections: DetectionCatalog.all.filter { !file.disabledDetections.contains(type(of: $0).metadata.id) })
        let scan: HuntEngine.Scan
        do {
            scan = try engine.scan(onListing: { listings, objects in
                if showProgress, throttle.due() {
                    Terminal.progress("listing s3://: \(ByteCount.grouped(listings)) folder listing(s), \(ByteCount.grouped(objects)) objects so far")
                }
            }) { progress, file in
                for issue in file.issues { Terminal.error("s3hound: warning: \(issue)") }
                if file.issuesDropped > 0 { Terminal.error("s3hound: warning: \(SafeText.terminal(file.file)): \(file.issuesDropped) more problem(s) in this file not shown") }
                if showProgress, throttle.due() {
                    Terminal.progress("scanning: \(progress.filesDone)/\(progress.filesTotal) files, \(ByteCount.grouped(progress.records)) records, \(ByteCount.format(progress.bytes))")
                }
            }
        } catch let error as InputWalker.WalkError {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        } catch {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        let outcome = engine.analyze(scan) { done, total in
            if showProgress, throttle.due() { Terminal.progress("judging: \(done)/\(total) partitions of principals") }
        }
        // The process ends after this command: freeing millions of tallies one by one would cost seconds.
        KeptUntilExit.keep(scan)
        if showProgress { Terminal.clearProgress() }
        let summary = outcome.report.summary
        if outcome.filesOpened.isEmpty && summary.filesPruned == 0 && outcome.unlistedFolders == 0 {
            Terminal.error("s3hound: error: no log files found in \(paths.map(SafeText.terminal).joined(separator: ", ")) — point at a CloudTrail log file or folder.")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        if let readTotals { try write(outcome.readTotals, to: readTotals) }
        Terminal.output(try ReportRenderer.render(outcome.report, as: format, minimumSeverity: minSeverity))
        if !quiet { Terminal.error(summaryLine(outcome)) }
        if let store = options.store, let learning = options.learning, let learned = outcome.learned {
            try commitLearning(learning, learned: learned, into: store)
        }
        if case .severity(let threshold) = failOn, outcome.report.incidents.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.foundIncidents)
        }
    }

    /// `--read-totals`: the CSV, into a new file (an existing one is never replaced).
    private func write(_ totals: [ReadTotal], to path: String) throws {
        do {
            try Data(ReadTotalsCSV.render(totals).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            Terminal.error("s3hound: error: --read-totals \(SafeText.terminal(path)) could not be written (\(error.localizedDescription)); S3Hound never overwrites a file: choose a new name.")
            throw ExitCode(ExitStatus.couldNotRun)
        }
    }

    /// The configuration file, or the defaults.
    private func loadConfig() throws -> ConfigFile {
        guard let config else { return ConfigFile() }
        do { return try ConfigFile.load(path: config) } catch {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
    }

    /// Options from defaults, then the configuration file, then the flags given.
    private func makeOptions(_ file: ConfigFile) throws -> HuntOptions {
        let now = EventTime(Date())
        var options = HuntOptions(paths: paths)
        options.now = now
        options.since = since.flatMap { TimeExpression.parse($0, now: now) }
        options.until = until.flatMap { TimeExpression.parse($0, now: now) }
        options.baselineSeconds = baseline.flatMap(TimeExpression.parseDuration) ?? file.baselineSeconds ?? options.baselineSeconds
        options.minimumSeverity = minSeverity
        options.suppressions = file.suppressions
        if let jobs { options.workers = jobs }
        if let downloads { options.downloads = downloads }
        if let partitions, partitions != "auto" { options.partitions = Int(partitions) }
        options.wantsReadTotals = readTotals != nil
        var configuration = file.detection
        if let bulkObjects { configuration.bulkObjectThreshold = bulkObjects }
        if let bytes = bulkBytes.flatMap(ByteCount.parse) { configuration.bulkByteThreshold = bytes }
        if let seconds = bulkWindow.flatMap(TimeExpression.parseDuration) { configuration.bulkWindowSeconds = seconds }
        if let baselineMultiplier { configuration.baselineMultiplier = baselineMultiplier }
        if let minHistoryDays { configuration.minimumHistoryDays = minHistoryDays }
        if let seconds = incidentGap.flatMap(TimeExpression.parseDuration) { configuration.incidentGapSeconds = seconds }
        if let enumerationBuckets { configuration.enumerationBucketThreshold = enumerationBuckets }
        if let massDeleteObjects { configuration.massDeleteThreshold = massDeleteObjects }
        if let shortExpirationDays { configuration.shortExpirationDays = shortExpirationDays }
        configuration.trustedAccounts.formUnion(trustedAccounts)
        let allowed = try allowedCIDRs.map { text in
            guard let network = IPNetwork(text) ?? IPAddressValue(text).map({ IPNetwork(address: $0, prefixLength: $0.bitWidth) }) else {
                Terminal.error("s3hound: error: --allowed-cidr '\(SafeText.terminal(text))' is not an IP address or CIDR (e.g. 203.0.113.0/24).")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            return network
        }
        configuration.allowedNetworks = IPNetworkSet(configuration.allowedNetworks.networks + allowed)
        configuration.ownAccounts.formUnion(ownAccounts)
        do {
            configuration.threatLists += try (file.threatListPaths + threatLists).map { try ThreatListFile.load(path: $0) }
        } catch {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        configuration.canaries += try canaries.map { argument in
            guard let canary = Canary(argument: argument) else {
                Terminal.error("s3hound: error: --canary '\(SafeText.terminal(argument))' names no bucket: use BUCKET or BUCKET/PREFIX.")
                throw ExitCode(ExitStatus.couldNotRun)
            }
            return canary
        }
        configuration.toolUserAgents = configuration.toolUserAgents.adding(toolUserAgents)
        configuration.credentialKeyPatterns = configuration.credentialKeyPatterns.adding(credentialKeys)
        configuration.ransomNotePatterns = configuration.ransomNotePatterns.adding(ransomNotes)
        if let egressBytes, let bytes = ByteCount.parse(egressBytes) { configuration.egressByteThreshold = bytes }
        if let path = awsIPRanges ?? file.awsIPRangesPath {
            do { configuration.awsNetworks = try IPNetworkSet(AWSIPRangesFile.load(path: path).prefixes.map(\.network)) } catch {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
        }
        options.configuration = configuration
        options.forcedSource = sourceType
        options.jsonParser = jsonParser
        if pullFindings {
            do {
                let pulled = try FindingsPuller.pull(profile: profile, region: region, since: options.since.map { $0.adding(seconds: -options.baselineSeconds) })
                for note in pulled.notes { Terminal.error("s3hound: warning: \(SafeText.terminal(note))") }
                let outcome = pulled.serviceFindings(options: options.findingOptions)
                for failure in outcome.failures { Terminal.error("s3hound: warning: pulled findings: \(failure)") }
                options.serviceFindings = outcome.findings
            } catch {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
        }
        options.remoteAccounts = Set(logAccounts)
        options.remoteRegions = Set(logRegions)
        if paths.contains(where: S3Location.isS3) {
            do { options.remoteSource = try RemoteAccess.s3Source(profile: profile, region: region) } catch {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
        }
        options.findingOptions = ServiceFindingParser.Options(includeArchived: includeArchivedFindings, includeSamples: includeSampleFindings)
        options.store = try openStore()
        if learn, let store = options.store {
            let learner = BaselineLearner(paths: paths, window: options.readRange, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            do { options.learning = (learner, try learner.plan(for: store)) } catch {
                Terminal.error("s3hound: error: \(error)")
                throw ExitCode(ExitStatus.couldNotRun)
            }
        }
        return options
    }

    /// The baseline store: `--state`, or the default location when it exists (or `--learn` will create it).
    private func openStore() throws -> BaselineStore? {
        if noState { return nil }
        let path = state ?? BaselineStore.defaultPath()
        guard state != nil || learn || FileManager.default.fileExists(atPath: path) else { return nil }
        if !learn && !FileManager.default.fileExists(atPath: path) {
            Terminal.error("s3hound: error: no baseline store at \(SafeText.terminal(path)) — create one with s3hound baseline learn PATH --state \(SafeText.terminal(path)), or add --learn.")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        do { return try BaselineStore(path: path) } catch {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
    }

    /// `--learn`: commits what the files new to the store held (read once, during the hunt) to the store.
    private func commitLearning(_ learning: (learner: BaselineLearner, plan: BaselineLearner.Plan),
                                learned: HuntEngine.Learned, into store: BaselineStore) throws {
        let summary: LearnSummary
        do {
            summary = try learning.learner.commit(learning.plan, activity: learned.activity, histories: learned.histories,
                                                  results: learned.results, into: store)
        } catch {
            Terminal.error("s3hound: error: \(error)")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        if !quiet {
            Terminal.error("s3hound: learned \(ByteCount.grouped(summary.filesRead)) new file(s) (\(ByteCount.grouped(summary.filesAlreadyLearned)) already in the store), \(summary.principalsUpdated) principal(s) updated, into \(SafeText.terminal(store.path))")
        }
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
extension LogSourceType: ExpressibleByArgument {}
extension CloudTrailJSONParser: ExpressibleByArgument {}

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
