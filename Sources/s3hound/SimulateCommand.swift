import ArgumentParser
import Foundation
import S3HoundCore
import S3HoundSimulator

/// `s3hound simulate`: write realistic CloudTrail logs of a scenario (and, for full-story, every other evidence source), with its ground truth.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write realistic AWS logs of an S3 exfiltration scenario, and what really happened.",
        discussion: """
        Writes weeks of CloudTrail S3 data and management events into DIR in the layout \
        CloudTrail delivers to S3 (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz, \
        plus daily digest files), so you can try the hunt, tune thresholds or test a pipeline \
        without an AWS account.

        Every scenario has the same benign population: developer-jane and three other \
        developers working their usual hours from their usual addresses, the analytics-batch \
        role reading a few hundred objects every morning, the nightly-backup role reading \
        thousands of objects (several GB) every night through a VPC endpoint, ci-deploy \
        uploading build artifacts, and CloudTrail writing its own log files. The attack \
        happens on the last day:

          benign
              No attack: a hunt of these logs should report nothing.
          bulk-download
              02:47-04:12 UTC: developer-jane's key, from the Tor exit node
              185.220.101.47, downloads 12,847 objects (~4.7 GB) from three
              buckets, after a few listings and ~20 denied reads.
          cross-account-copy
              From 03:10 UTC: developer-jane's key, from 45.133.1.77, copies 300
              customer records into exfil-drop-bucket of account 999988887777,
              plus a multipart UploadPartCopy and a few denied copies.
          policy-backdoor
              Jane's key deletes Block Public Access on customer-records, grants
              Principal "*" in its policy and READ to AllUsers in its ACL.
          ransomware
              Tom's key suspends versioning on customer-records, rewrites objects
              with SSE-C, uploads README_RESTORE_FILES.txt, adds a 1-day
              expiration rule, and deletes 600 objects of sensitive-data-bucket.
          logging-tampering
              Jane's key stops the trail, drops S3 data events from its selectors,
              turns off access logging and GuardDuty S3 protection.
          discovery
              Jane's key lists and inspects 20+ buckets, then guesses bucket names
              (NoSuchBucket, AccessDenied).
          credential-files
              Tom's key reads .aws/credentials, id_rsa and .env from ops-config.
          stolen-instance-credentials
              The web-server EC2 role, which calls from its NAT address every
              hour, lists buckets and reads customer records from 91.219.236.171.
          presigned-url-abuse
              report-exporter's presigned links, opened from the office every
              day, are opened from 102.129.143.91.
          anonymous-access
              Anonymous callers read example-corp-website, never read anonymously.
          known-bad-caller
              Raj's key reads customer records from 185.220.101.182, listed in
              DIR/tor-exits.s3hound.txt.
          replication-to-foreign-account
              Jane's key replicates customer-records into account 999988887777.
          decoy
              Tom's key lists and reads decoy-payroll-archive, a canary.
          batch-operations-job
              Jane's key uploads a manifest of customer-records and creates an
              S3 Batch Operations job copying it into exfil-drop-bucket.
          datasync-task
              Jane's key registers customer-records and exfil-drop-bucket
              (account 999988887777) as DataSync locations, creates a task
              between them and starts it.
          foreign-kms-key
              Jane's key sets customer-records' default encryption to a KMS key
              of account 999988887777 and rewrites 120 records under it.
          new-user-agent
              Raj's key, always used through Boto3, reads customer records with
              curl at 21:40 UTC from his usual VPN address.
          foreign-account-caller
              A role of account 444455556666 (a former vendor still granted in
              the bucket policy, neither own nor trusted) reads customer records.
          full-story
              The bulk download told by all five evidence sources, each with
              ordinary noise. CloudTrail has data events for sensitive-data-bucket
              and customer-records; finance-reports has S3 server access logs
              instead (s3-server-access-logs/<account>/<region>/<bucket>/
              YYYY/MM/DD/YYYY-MM-DD-hh-mm-ss-<id>). VPC Flow Logs
              (AWSLogs/<account>/vpcflowlogs/...) show build instance
              i-0b1d2e3f4a5b6c7d8, where jane's key was stolen, sending 1.3 GB
              to the same Tor exit during the reads. GuardDuty's S3 export
              (AWSLogs/<account>/GuardDuty/...) holds Exfiltration:S3/
              AnomalousBehavior and UnauthorizedAccess:S3/TorIPCaller for her
              key, a low finding, an archived one and a sample one; Macie's
              findings (macie/findings.json) flag objects she read.

        With --population organisation (the default) the nightly backup also copies into \
        dr-backup-bucket of the DR account 555566667777, a web-server EC2 role and a \
        report-exporter role join the population, and DIR/config.s3hound.toml (own and \
        trusted accounts, threat list, canaries) is written with DIR/tor-exits.s3hound.txt: \
        hunt with --config DIR/config.s3hound.toml. --population classic writes the logs of \
        the first three scenarios as earlier versions did, with no configuration.

        --crowd N adds N principals with steady habits to any scenario, for the cardinality of a \
        large organisation (benchmarks, load tests): people (IAM users working weekdays at their \
        time zone's hours from an office, a home and, for half of them, a pool of 10-60 mobile or \
        VPN addresses) and workloads (roles running at a few fixed hours every day through the VPC \
        endpoint or a NAT gateway), three in ten in the organisation's other accounts (listed as \
        own accounts in DIR/config.s3hound.toml). 2,000 members use about 26,600 addresses; \
        their volumes also multiply by --scale.

        The ground truth (principal, access key, source IP, objects, bytes, window, buckets, \
        the detections that must fire; for full-story also what each other source shows) is \
        written to DIR/scenario.s3hound.json; hunts skip \
        files ending in .s3hound.json, .s3hound.toml and .s3hound.txt. \
        The same options and seed always write byte-identical files. DIR must be new or \
        empty: nothing is ever overwritten.

        Examples:
          s3hound simulate --scenario bulk-download --out /tmp/demo
          s3hound simulate --scenario ransomware --out /tmp/r --days 8 --scale 0.2
          s3hound hunt /tmp/r --config /tmp/r/config.s3hound.toml
          s3hound simulate --scenario cross-account-copy --out /tmp/copy --days 10
          s3hound simulate --scenario full-story --out /tmp/story --days 14 --scale 0.3
          s3hound simulate --scenario benign --out /tmp/big --days 30 --scale 10
          s3hound simulate --scenario benign --out /tmp/crowd --days 30 --scale 0.5 --crowd 2000

        Standard output gets only the output directory; a summary goes to standard error.
        """)

    @Option(help: "The story to simulate.")
    var scenario: Scenario

    @Option(help: ArgumentHelp("Directory to write; it is created, or must be empty (nothing is ever overwritten).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Seed of the simulation: the same options and seed write byte-identical files.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Whole UTC days of logs to write; the attack happens on the last one.", valueName: "n"))
    var days: Int = 21

    @Option(help: ArgumentHelp("End of the simulated period, ISO-8601 (exclusive; a time other than midnight extends the period to the end of its day).", valueName: "time"))
    var end: String = "2026-02-24T00:00:00Z"

    @Option(help: ArgumentHelp("Multiplies every benign volume (1.0 is about 3,500 events a day).", valueName: "factor"))
    var scale: Double = 1.0

    @Option(help: ArgumentHelp("Successful attack requests (default: 12,847 for bulk-download and full-story, 300 for cross-account-copy; objects rewritten, listed or read in the others).", valueName: "n"))
    var attackObjects: Int?

    @Option(help: ArgumentHelp("The benign population: organisation adds DR-account backups, a web server and a report exporter, and writes DIR/config.s3hound.toml; classic (only for benign, bulk-download, cross-account-copy) writes what earlier versions wrote.", valueName: "population"))
    var population: SimulatedPopulation = .organisation

    @Option(help: ArgumentHelp("Extra benign principals with steady habits and many addresses (people and workloads), for realistic cardinality; 0 adds none.", valueName: "n"))
    var crowd: Int = 0

    func validate() throws {
        if crowd < 0 || crowd > SimulationOptions.maximumCrowd {
            throw ValidationError("--crowd must be between 0 and \(SimulationOptions.maximumCrowd): it is the number of extra principals.")
        }
        if days < 1 || days > 3660 {
            throw ValidationError("--days must be between 1 and 3660: it is the number of whole UTC days of logs to write.")
        }
        if EventTime(iso8601: end) == nil {
            throw ValidationError("--end '\(end)' is not a time: use a date like 2026-02-24 or a time like 2026-02-24T00:00:00Z.")
        }
        if !scale.isFinite || scale < 0 || scale > 10_000 {
            throw ValidationError("--scale must be a number from 0 to 10000: 1.0 writes about 3,500 benign events a day, 0.3 about 1,100.")
        }
        if let attackObjects {
            if scenario == .benign {
                throw ValidationError("--attack-objects only applies to attack scenarios: drop it, or choose a scenario other than benign.")
            }
            if attackObjects < 1 || attackObjects > 10_000_000 {
                throw ValidationError("--attack-objects must be between 1 and 10000000.")
            }
        }
        if population == .classic, !Scenario.classicScenarios.contains(scenario) {
            throw ValidationError("--population classic only applies to benign, bulk-download and cross-account-copy: drop it for \(scenario.rawValue).")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw ValidationError("--out \(out) is a file: choose a directory path for the logs.")
            }
            if let contents = try? FileManager.default.contentsOfDirectory(atPath: out), !contents.isEmpty {
                throw ValidationError("--out \(out) already holds files and the simulator never overwrites anything: choose a new or empty directory.")
            }
        }
    }

    func run() throws {
        let options = SimulationOptions(scenario: scenario, seed: seed, days: days, end: EventTime(iso8601: end)!,
                                        scale: scale, attackObjects: attackObjects, population: population, crowd: crowd)
        let directory = URL(fileURLWithPath: out)
        let started = Date()
        let result: SimulationResult
        do {
            result = try Simulator(options: options).write(to: directory)
        } catch {
            writeToStandardError("s3hound: error: \(error)")
            throw ExitCode(2) // could not run
        }
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let megabytes = String(format: "%.1f", Double(result.uncompressedBytes) / 1_000_000)
        let truthPath = directory.appendingPathComponent(GroundTruth.fileName).path
        var others = ""
        if !result.accessLogFiles.isEmpty || !result.flowLogFiles.isEmpty || !result.findingFiles.isEmpty {
            others = ", \(ByteCount.grouped(result.accessLogFiles.count)) server access log files, "
                + "\(ByteCount.grouped(result.flowLogFiles.count)) flow log files, \(result.findingFiles.count) GuardDuty/Macie files"
        }
        writeToStandardError("s3hound: wrote \(ByteCount.grouped(result.logFiles.count)) CloudTrail log files "
            + "(+\(result.digestFiles.count) digests), \(ByteCount.grouped(result.events)) events, \(megabytes) MB uncompressed"
            + "\(others) in \(String(format: "%.1f", seconds)) s (\(ByteCount.grouped(Int(Double(result.events) / seconds))) events/s); "
            + "ground truth: \(truthPath)")
        FileHandle.standardOutput.write(Data((directory.path + "\n").utf8))
    }

    private func writeToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Scenario: ExpressibleByArgument {}
extension SimulatedPopulation: ExpressibleByArgument {}
