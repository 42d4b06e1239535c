/// The machines of the account: batch jobs on roles, CI, and CloudTrail delivering its own logs.
extension BenignActivity {
    /// A new session of a role: fresh session name and `ASIA` key, created shortly before it is used.
    func session(_ day: inout DayPlan, _ role: RoleDefinition, name: String, created: Int64, rng: inout SimulationRandom) -> Int32 {
        let key = "ASIA" + rng.string(16, from: keyIdAlphabet)
        return day.register(.roleSession(account: population.account, role: role, sessionName: name, accessKeyId: key, created: created))
    }

    /// The hours (UTC) of the weekday deploy trains.
    static let deployTrainHours = [10, 13, 15]

    /// ci-deploy: on weekdays, pipeline runs at the 10:00, 13:00 and 15:00 UTC deploy trains (every train
    /// runs on the first two workdays) upload build artifacts from the CI runner.
    func ciDeploy(_ day: inout DayPlan) {
        var rng = random("ci-deploy", day)
        let everyTrain = workdayIndex(day) < 2
        for hour in BenignActivity.deployTrainHours where rng.chance(0.8) || everyTrain {
            let start = day.time(&rng, from: Double(hour), to: Double(hour) + 0.75)
            let runID = rng.int(in: 7_100_000_000...7_999_999_999)
            let identity = session(&day, population.ciRole, name: "GitHubActions-\(runID)", created: start - Int64(rng.int(in: 5...40)), rng: &rng)
            let service = rng.below(400)
            simple(&day, .listObjects, at: start, identity: identity, client: Population.ciRunner, bucket: Catalog.appArtifacts,
                   key: prefix(&rng, Catalog.appArtifacts))
            for n in 0..<max(1, volume(&rng, 3...8)) {
                let index = service * 10 + n
                simple(&day, .putObject, at: start + Int64(5 + rng.below(600)), identity: identity, client: Population.ciRunner,
                       bucket: Catalog.appArtifacts, key: catalog.key(bucket: Catalog.appArtifacts, index: index),
                       bytesIn: catalog.size(bucket: Catalog.appArtifacts, index: index))
            }
            simple(&day, .headObject, at: start + 660, identity: identity, client: Population.ciRunner, bucket: Catalog.appArtifacts,
                   key: catalog.key(bucket: Catalog.appArtifacts, index: service * 10))
        }
    }

    /// nightly-backup: every night 01:00–02:00 through the VPC endpoint, reads 1,500–3,000 objects and the
    /// database dumps (several GB), copies a fifth of the objects and re-uploads the dumps into backup-dr-bucket.
    func nightlyBackup(_ day: inout DayPlan) {
        var rng = random("nightly-backup", day)
        let date = CivilFields(day.dayStart)
        let dateText = "\(date.year)-\(two(date.month))-\(two(date.day))"
        let identity = session(&day, population.backupRole, name: "backup-\(date.compactDate)",
                               created: day.dayStart + 3600 - Int64(rng.int(in: 10...50)), rng: &rng)
        let sources = [Catalog.sensitiveData, Catalog.customerRecords, Catalog.financeReports]
        for _ in 0..<volume(&rng, 10...20) {
            let bucket = sources[rng.below(3)]
            simple(&day, .listObjects, at: day.time(&rng, from: 1, to: 1.1), identity: identity, client: Population.backupJob,
                   bucket: bucket, key: prefix(&rng, bucket))
        }
        for _ in 0..<volume(&rng, 1500...3000) {
            let bucket = sources[rng.weighted([0.4, 0.35, 0.25])], index = rng.below(20_000)
            let t = day.time(&rng, from: 1, to: 2)
            getObject(&day, at: t, identity: identity, client: Population.backupJob, bucket: bucket, index: index)
            if rng.chance(0.2) {
                let key = catalog.key(bucket: bucket, index: index)
                day.add(SimulatedEvent(time: min(t + Int64(rng.int(in: 1...20)), day.dayStart + 7199), operation: .copyObject,
                                       identity: identity, client: Population.backupJob, bucket: Int8(Catalog.backupDR),
                                       key: "nightly/\(dateText)/\(catalog.buckets[bucket].name)/\(key)",
                                       sourceBucket: Int8(bucket), sourceKey: key, bytesOut: Int64(rng.int(in: 228...262))))
            }
            if organisation, rng.chance(0.1) {
                // The second copy goes to the DR account's bucket (trusted in the configuration).
                let key = catalog.key(bucket: bucket, index: index)
                day.add(SimulatedEvent(time: min(t + Int64(rng.int(in: 1...20)), day.dayStart + 7199), operation: .copyObject,
                                       identity: identity, client: Population.backupJob, bucket: Int8(Catalog.drAccountBackup),
                                       key: "nightly/\(dateText)/\(catalog.buckets[bucket].name)/\(key)",
                                       sourceBucket: Int8(bucket), sourceKey: key, bytesOut: Int64(rng.int(in: 228...262))))
            }
        }
        for part in 0..<max(1, volume(&rng, 3...6)) {
            let key = "db-dumps/prod-postgres/\(dateText)/part-\(two(part + 1)).sql.gz"
            let size = Int64(rng.int(in: 300_000_000...1_200_000_000))
            let t = day.time(&rng, from: 1, to: 1.7)
            day.add(SimulatedEvent(time: t, operation: .getObject, identity: identity, client: Population.backupJob,
                                   bucket: Int8(Catalog.sensitiveData), key: key, bytesOut: size))
            simple(&day, .putObject, at: t + Int64(rng.int(in: 60...600)), identity: identity, client: Population.backupJob,
                   bucket: Catalog.backupDR, key: "nightly/\(dateText)/\(key)", bytesIn: size)
        }
        simple(&day, .putObject, at: day.dayStart + 7200 - Int64(rng.int(in: 1...30)), identity: identity, client: Population.backupJob,
               bucket: Catalog.backupDR, key: "nightly/\(dateText)/manifest.json", bytesIn: Int64(rng.int(in: 40_000...400_000)))
    }

    /// analytics-batch: every morning around 06:00 a new session reads 200–600 objects through the VPC
    /// endpoint and writes its daily results.
    func analyticsBatch(_ day: inout DayPlan) {
        var rng = random("analytics-batch", day)
        let created = day.dayStart + 6 * 3600 - Int64(rng.int(in: 60...150))
        let identity = session(&day, population.analyticsRole, name: "botocore-session-\(created)", created: created, rng: &rng)
        for _ in 0..<volume(&rng, 5...10) {
            let bucket = rng.chance(0.6) ? Catalog.customerRecords : Catalog.sensitiveData
            simple(&day, .listObjects, at: day.time(&rng, from: 6, to: 6.1), identity: identity, client: Population.analyticsJob,
                   bucket: bucket, key: bucket == Catalog.customerRecords ? prefix(&rng, bucket) : "pii/exports/2025/")
        }
        for _ in 0..<volume(&rng, 200...600) {
            let bucket = rng.chance(0.6) ? Catalog.customerRecords : Catalog.sensitiveData
            getObject(&day, at: day.time(&rng, from: 6, to: 6.85), identity: identity, client: Population.analyticsJob,
                      bucket: bucket, index: rng.below(8000))
        }
        let date = CivilFields(day.dayStart)
        for part in 0..<max(1, volume(&rng, 3...8)) {
            simple(&day, .putObject, at: day.time(&rng, from: 6.75, to: 6.95), identity: identity, client: Population.analyticsJob,
                   bucket: Catalog.financeReports,
                   key: "analytics/daily/\(date.year)-\(two(date.month))-\(two(date.day))/part-\(String(100_000 + part).dropFirst()).snappy.parquet",
                   bytesIn: Int64(rng.int(in: 1_000_000...20_000_000)))
        }
    }

    /// cloudtrail.amazonaws.com: delivers the trail's own log files into org-cloudtrail-logs every hour.
    func cloudTrailDelivery(_ day: inout DayPlan) {
        var rng = random("cloudtrail-delivery", day)
        let account = population.account
        for hour in 0..<24 {
            let deliveries = max(1, volume(&rng, 3...5))
            for n in 0..<deliveries {
                let t = day.dayStart + Int64(hour * 3600 + (n * 3600) / deliveries + rng.below(3600 / deliveries))
                let region = n == 0 && hour % 3 == 0 ? "eu-west-1" : "us-east-1"
                let stamp = CivilFields(t - Int64(rng.int(in: 60...300)))
                let key = "AWSLogs/\(account)/CloudTrail/\(region)/\(stamp.folder)/\(account)_CloudTrail_\(region)_\(stamp.minuteStamp)_\(rng.string(16, from: alphanumeric)).json.gz"
                simple(&day, .putObject, at: t, identity: Population.cloudTrail, client: Population.cloudTrailService,
                       bucket: Catalog.trailLogs, key: key, bytesIn: Int64(rng.int(in: 2_000...400_000)))
            }
        }
    }
}
