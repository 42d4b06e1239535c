import Foundation
import S3HoundCore

/// Writes realistic CloudTrail logs for a scenario: weeks of benign activity and, on the last day, the attack;
/// for `full-story` also S3 server access logs, VPC Flow Logs, GuardDuty and Macie findings.
///
/// Output is deterministic: the same options write byte-identical files. Nothing comes from the clock
/// or the system's random sources. Days are planned one at a time and written (on all cores) while the
/// next is planned, so memory holds a couple of days whatever the period.
public struct Simulator: Sendable {
    /// What to simulate.
    public let options: SimulationOptions

    /// Creates a simulator.
    public init(options: SimulationOptions) { self.options = options }

    /// The gzip level of written files (fast; the files are still about ten times smaller than their JSON).
    static let compressionLevel: Int32 = 1

    /// Writes the logs and `scenario.s3hound.json` into `directory`, which must be new or empty; for the
    /// organisation population also `config.s3hound.toml` and the threat list it names.
    public func write(to directory: URL) throws -> SimulationResult {
        try validate()
        try prepare(directory)
        let population = Population(account: options.account, crowd: options.crowd, seed: options.seed)
        let catalog = Catalog(account: options.account, seed: options.seed)
        var benign = BenignActivity(population: population, catalog: catalog, seed: options.seed, scale: options.scale,
                                    firstDayStart: options.firstDayStart)
        benign.organisation = options.effectivePopulation == .organisation
        var attack = AttackActivity(scenario: options.scenario, population: population, catalog: catalog, seed: options.seed,
                                    objects: options.effectiveAttackObjects)
        attack.organisation = benign.organisation
        let output = FileOutput(directory: directory)
        let writer = LogWriter(output: output, account: options.account, seed: options.seed,
                               renderer: RecordRenderer(account: options.account, catalog: catalog, clients: population.clients),
                               compressionLevel: Simulator.compressionLevel)
        var attackTruth: AttackTruth?
        var story = options.scenario == .fullStory
            ? FullStory(account: options.account, seed: options.seed, scale: options.scale, catalog: catalog, population: population,
                        output: output, compressionLevel: Simulator.compressionLevel)
            : nil
        do {
            for dayNumber in 0..<options.days {
                var day = DayPlan(dayStart: options.firstDayStart + Int64(dayNumber) * 86_400, population: population)
                let attackDay = day.dayStart == options.lastDayStart
                benign.plan(&day)
                if attackDay { attack.plan(&day) }
                if dayNumber == 0, !attackDay { story?.planFirstDay(&day) }
                day.sort()
                if attackDay { attackTruth = attack.truth(from: day.events, identities: day.identities) }
                try story?.write(&day, firstDay: dayNumber == 0, attackDay: attackDay)
                try writer.write(day)
            }
        } catch {
            _ = try? writer.finish()
            throw error
        }
        let files = try writer.finish()
        if var truth = attackTruth, story != nil {
            truth.evidence = try story!.finish(truth: truth, expected: truth.expectedDetections, firstDayStart: options.firstDayStart,
                                               lastDayStart: options.lastDayStart)
            attackTruth = truth
        }
        let truth = GroundTruth(scenario: options.scenario, account: options.account, attack: attackTruth)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try output.write(GroundTruth.fileName, Array(try encoder.encode(truth)) + [0x0A])
        if benign.organisation {
            let otherAccounts = population.crowd.members.isEmpty ? [] : Crowd.otherAccounts
            try output.write(OrganisationFiles.configFileName,
                             Array(OrganisationFiles.config(account: options.account, otherAccounts: otherAccounts).utf8))
            try output.write(OrganisationFiles.threatListFileName, Array(OrganisationFiles.threatList.utf8))
        }
        return SimulationResult(logFiles: files.map(\.path), digestFiles: writer.digestFiles,
                                events: files.reduce(0) { $0 + $1.records },
                                uncompressedBytes: files.reduce(0) { $0 + $1.uncompressedBytes }, groundTruth: truth,
                                accessLogFiles: story?.accessLogs.written ?? [], flowLogFiles: story?.flowLogs.written ?? [],
                                findingFiles: story?.findingFiles ?? [])
    }

    private func validate() throws {
        guard options.days >= 1, options.days <= 3660 else {
            throw SimulationError.invalidOption("days must be between 1 and 3660 (got \(options.days))")
        }
        guard options.scale.isFinite, options.scale >= 0, options.scale <= 10_000 else {
            throw SimulationError.invalidOption("scale must be a number from 0 to 10000 (got \(options.scale))")
        }
        if let objects = options.attackObjects, options.scenario != .benign, objects < 1 || objects > 10_000_000 {
            throw SimulationError.invalidOption("attack objects must be between 1 and 10000000 (got \(objects))")
        }
        guard options.crowd >= 0, options.crowd <= SimulationOptions.maximumCrowd else {
            throw SimulationError.invalidOption("crowd must be between 0 and \(SimulationOptions.maximumCrowd) (got \(options.crowd))")
        }
        guard options.account.count == 12, options.account.allSatisfy(\.isASCIIDigit) else {
            throw SimulationError.invalidOption("account must be 12 digits (got \(options.account))")
        }
    }

    /// Creates the output directory, or accepts it when it exists and is empty.
    private func prepare(_ directory: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SimulationError.outputNotDirectory(directory.path) }
            let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard contents.isEmpty else { throw SimulationError.outputNotEmpty(directory.path) }
        } else {
            do { try manager.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw SimulationError.writeFailed(directory.path, error.localizedDescription)
            }
        }
    }
}

extension Character {
    /// True for `0`–`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
