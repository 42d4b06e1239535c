import S3HoundCore

/// The `full-story` scenario's evidence beyond CloudTrail, and how it ties together.
///
/// The story: developer-jane's access key was left on the shared build instance, where the attacker has a
/// reverse shell to the Tor exit 185.220.101.47. On the last day, 02:47–04:12 UTC, the key reads thousands of
/// objects from three buckets from that Tor exit (CloudTrail data events for sensitive-data-bucket and
/// customer-records; finance-reports has no data events in the trail, only server access logs). In the same
/// minutes the build instance sends about 1.3 GB of its workspace to the same Tor exit (VPC Flow Logs).
/// GuardDuty reports the reads; Macie had found personal and financial data in objects that were read.
/// Every source also carries ordinary activity and noise.
struct FullStory {
    /// The bucket whose data events are left out of the trail and logged by server access logging instead.
    static let accessLoggedBucket = Catalog.financeReports
    /// The unrelated bucket (marketing-assets) whose Block Public Access a Terraform run removes on the first day (Macie's noise finding).
    static let policyNoiseBucket = Catalog.firstOtherBucket

    private let account: String
    private let seed: UInt64
    private let catalog: Catalog
    private let population: Population
    private let output: FileOutput
    private let compressionLevel: Int32
    private(set) var accessLogs: AccessLogWriter
    private(set) var flowLogs: FlowLogWriter
    /// The attack day's attack events, kept before the access-logged ones leave the day.
    private var attackEvents: [SimulatedEvent] = []
    private var policyChange: MacieExport.PolicyChange?
    /// GuardDuty and Macie files written by `finish`.
    private(set) var findingFiles: [String] = []

    init(account: String, seed: UInt64, scale: Double, catalog: Catalog, population: Population, output: FileOutput, compressionLevel: Int32) {
        self.account = account; self.seed = seed; self.catalog = catalog; self.population = population
        self.output = output; self.compressionLevel = compressionLevel
        accessLogs = AccessLogWriter(output: output, account: account, seed: seed, catalog: catalog, clients: population.clients,
                                     bucket: FullStory.accessLoggedBucket)
        flowLogs = FlowLogWriter(output: output, account: account, seed: seed, scale: scale, compressionLevel: compressionLevel)
    }

    /// On the first day (when it is not the attack day): a Terraform run by ci-deploy removes Block Public Access
    /// from marketing-assets, which Macie reports (noise, long before the attack).
    mutating func planFirstDay(_ day: inout DayPlan) {
        var rng = SimulationRandom(seed: seed, stream: "full-story-first-day", day.dayStart)
        let time = day.dayStart + 10 * 3600 + 20 * 60 + Int64(rng.below(1200))
        let key = "ASIA" + rng.string(16, from: keyIdAlphabet), sessionName = "GitHubActions-\(rng.int(in: 7_100_000_000...7_999_999_999))"
        let role = population.ciRole
        let identity = day.register(.roleSession(account: account, role: role, sessionName: sessionName, accessKeyId: key,
                                                 created: time - Int64(rng.int(in: 20...60))))
        let bucket = FullStory.policyNoiseBucket
        var event = SimulatedEvent(time: time, operation: .deletePublicAccessBlock, identity: identity, client: Population.ciRunner,
                                   bucket: Int8(bucket))
        event.parameters = "\"publicAccessBlock\":\"\""
        day.add(event)
        policyChange = MacieExport.PolicyChange(bucket: catalog.buckets[bucket].name, sessionArn: day.identities[Int(identity)].arn ?? "",
                                                roleArn: "arn:aws:iam::\(account):role/\(role.name)", roleName: role.name, roleId: role.roleId,
                                                sessionName: sessionName, accessKeyId: key, sourceIP: population.clients[Int(Population.ciRunner)].sourceIP,
                                                time: time)
    }

    /// Writes the day's flow logs and access logs; the access-logged events leave the day (they are not in the trail).
    mutating func write(_ day: inout DayPlan, firstDay: Bool, attackDay: Bool) throws {
        var window: (start: Int64, end: Int64)?
        if attackDay {
            attackEvents = day.events.filter(\.isAttack)
            if let first = attackEvents.map(\.time).min(), let last = attackEvents.map(\.time).max() { window = (first, last) }
        }
        try flowLogs.write(day, firstDay: firstDay, attack: window)
        let logged = FullStory.accessLoggedBucket
        let lines = day.events.filter { accessLogs.isLogged($0) || (Int($0.sourceBucket) == logged && $0.operation == .copyObject) }
        _ = day.removeEvents { accessLogs.isLogged($0) }
        try accessLogs.write(lines, identities: day.identities, dayStart: day.dayStart, olderFormat: firstDay && !attackDay)
    }

    /// Writes GuardDuty's export and Macie's findings, and returns what every source shows of the attack.
    mutating func finish(truth: AttackTruth, expected: [String], firstDayStart: Int64, lastDayStart: Int64) throws -> EvidenceTruth {
        let logged = FullStory.accessLoggedBucket, loggedName = catalog.buckets[logged].name
        let reads = attackEvents.filter { $0.operation == .getObject && $0.outcome == .success }
        let loggedReads = reads.filter { Int($0.bucket) == logged }
        let accessLogTruth = AccessLogTruth(bucket: loggedName, folder: accessLogs.folder, requester: truth.arn, remoteIP: truth.sourceIP,
                                            objects: loggedReads.count, distinctKeys: Set(loggedReads.map(\.key)).count,
                                            bytes: loggedReads.reduce(0) { $0 + $1.bytesOut })
        let egress = flowLogs.attackEgress
        let flowTruth = FlowEgressTruth(
            flowLogId: Network.flowLogId, instanceId: Network.buildHost.instanceId, interfaceId: Network.buildHost.interfaceId,
            sourceAddress: Network.buildHost.privateAddress, destination: FlowLogWriter.exfilDestination, destinationPort: FlowLogWriter.exfilPort,
            bytes: egress.reduce(0) { $0 + $1.bytes }, packets: egress.reduce(0) { $0 + $1.packets }, records: egress.count,
            windowStart: EventTime(secondsSinceEpoch: egress.first?.start ?? 0), windowEnd: EventTime(secondsSinceEpoch: egress.last?.end ?? 0),
            story: "jane's key was taken from build instance \(Network.buildHost.instanceId), where the attacker keeps a reverse shell to the Tor exit "
                + "\(FlowLogWriter.exfilDestination); while the key reads S3 from that exit, the instance sends its build workspace to it over the shell")
        let guardDuty = GuardDutyExport(output: output, account: account, seed: seed, compressionLevel: compressionLevel)
        let found = try guardDuty.write(GuardDutyExport.Attack(
            userName: "developer-jane", principalId: Population.janePrincipalId, accessKeyId: truth.accessKeyId, sourceIP: truth.sourceIP,
            buckets: truth.buckets, firstCall: truth.windowStart.secondsSinceEpoch, lastCall: truth.windowEnd.secondsSinceEpoch,
            firstRead: reads.map(\.time).min() ?? truth.windowStart.secondsSinceEpoch, lastRead: reads.map(\.time).max() ?? truth.windowEnd.secondsSinceEpoch,
            reads: reads.count), firstDayStart: firstDayStart, lastDayStart: lastDayStart)
        let macie = try MacieExport(output: output, account: account, seed: seed, catalog: catalog).write(
            reads: reads.filter { Int($0.bucket) == Catalog.sensitiveData || Int($0.bucket) == logged }
                .map { MacieExport.Read(bucket: Int($0.bucket), key: $0.key, size: $0.bytesOut) },
            firstDayStart: firstDayStart, lastDayStart: lastDayStart, policyChange: policyChange)
        findingFiles = found.files + [MacieExport.fileName]
        return EvidenceTruth(
            sources: ["cloudtrail", "s3-server-access-logs", "vpc-flow-logs", "guardduty", "macie"],
            cloudTrailBuckets: Set(reads.map { catalog.buckets[Int($0.bucket)].name }).subtracting([loggedName]).sorted(),
            accessLogs: accessLogTruth, flowLogs: flowTruth, guardDuty: found.attack, guardDutyNoise: found.noise, guardDutySkipped: found.skipped,
            macie: macie, detectionsWithAllSources: expected + ["flowlogs.large-egress", "guardduty.finding"])
    }
}
