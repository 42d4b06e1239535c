/// The ordinary work of the account, the same every day: the baseline a detector must learn and stay quiet on.
///
/// Each actor draws from its own random stream per day, so volumes vary but IPs, hours and habits never do.
struct BenignActivity {
    let population: Population
    let catalog: Catalog
    let seed: UInt64
    let scale: Double
    let firstDayStart: Int64
    /// True for the organisation population (DR-account copies, web server, report exporter).
    var organisation = false

    /// Plans every benign actor's calls for one day.
    func plan(_ day: inout DayPlan) {
        let weekday = CivilFields.weekday(dayStart: day.dayStart)
        if weekday < 5 {
            developerJane(&day)
            developerRaj(&day)
            developerLena(&day)
            developerTom(&day)
            ciDeploy(&day)
        }
        nightlyBackup(&day)
        analyticsBatch(&day)
        cloudTrailDelivery(&day)
        if organisation {
            webServer(&day)
            reportExporter(&day)
        }
        if !population.crowd.members.isEmpty { crowd(&day) }
    }

    func random(_ actor: String, _ day: DayPlan) -> SimulationRandom {
        SimulationRandom(seed: seed, stream: actor, day.dayStart)
    }

    /// A daily volume: a uniform draw in `range`, times the scale, rounded at random.
    func volume(_ rng: inout SimulationRandom, _ range: ClosedRange<Int>) -> Int {
        rng.roundStochastically(Double(rng.int(in: range)) * scale)
    }

    /// Workdays (Monday–Friday) between the first simulated day and this one.
    func workdayIndex(_ day: DayPlan) -> Int {
        var count = 0, start = firstDayStart
        while start < day.dayStart { if CivilFields.weekday(dayStart: start) < 5 { count += 1 }; start += 86_400 }
        return count
    }

    func getObject(_ day: inout DayPlan, at time: Int64, identity: Int32, client: Int32, bucket: Int, index: Int,
                           outcome: Outcome = .success) {
        let bytes = outcome == .success ? catalog.size(bucket: bucket, index: index) : 0
        day.add(SimulatedEvent(time: time, operation: .getObject, outcome: outcome, identity: identity, client: client,
                               region: catalog.buckets[bucket].region, bucket: Int8(bucket),
                               key: catalog.key(bucket: bucket, index: index), bytesOut: bytes))
    }

    func simple(_ day: inout DayPlan, _ operation: Operation, at time: Int64, identity: Int32, client: Int32,
                        bucket: Int, key: String = "", bytesIn: Int64 = 0) {
        day.add(SimulatedEvent(time: time, operation: operation, identity: identity, client: client,
                               region: bucket >= 0 ? catalog.buckets[bucket].region : .usEast1, bucket: Int8(bucket),
                               key: key, bytesIn: bytesIn))
    }

    /// On the first two workdays of the simulation, one read in every working hour from each of a
    /// person's addresses, so a baseline learnt from the first days has seen all their habits.
    func coverWorkingHours(_ day: inout DayPlan, identity: Int32, client: Int32, hours: Range<Int>, buckets: [Int],
                           rng: inout SimulationRandom) {
        guard workdayIndex(day) < 2 else { return }
        for hour in hours {
            let bucket = buckets[rng.below(buckets.count)]
            getObject(&day, at: day.time(&rng, from: Double(hour), to: Double(hour + 1)), identity: identity, client: client,
                      bucket: bucket, index: rng.below(3000))
        }
    }

    /// Listing prefixes people browse in each bucket.
    private static let prefixes: [Int: [String]] = [
        Catalog.sensitiveData: ["pii/exports/2025/", "hr/employees/", "legal/contracts/2025/"],
        Catalog.customerRecords: ["customers/us/", "customers/eu/", "customers/apac/"],
        Catalog.financeReports: ["reports/2025/", "invoices/2026/", "payroll/2025/"],
        Catalog.appArtifacts: ["builds/web-frontend/", "builds/api-service/", "builds/billing-worker/"],
        Catalog.euArchive: ["events/year=2025/"],
        Catalog.backupDR: ["nightly/"],
    ]

    func prefix(_ rng: inout SimulationRandom, _ bucket: Int) -> String {
        let options = BenignActivity.prefixes[bucket] ?? [""]
        return options[rng.below(options.count)]
    }

    // MARK: People

    /// developer-jane: weekdays 08–18 UTC from the office, some afternoons from home; aws-cli.
    private func developerJane(_ day: inout DayPlan) {
        var rng = random("developer-jane", day)
        let homeAfternoon = workdayIndex(day) < 2 || rng.chance(0.3)
        func client(_ time: Int64, listing: Bool = false) -> Int32 {
            let home = homeAfternoon && time - day.dayStart >= 14 * 3600
            return listing ? (home ? Population.janeHomeListing : Population.janeOfficeListing) : (home ? Population.janeHome : Population.janeOffice)
        }
        let buckets = [Catalog.sensitiveData, Catalog.customerRecords, Catalog.financeReports]
        coverWorkingHours(&day, identity: Population.jane, client: Population.janeOffice, hours: 8..<14, buckets: buckets, rng: &rng)
        coverWorkingHours(&day, identity: Population.jane, client: homeAfternoon ? Population.janeHome : Population.janeOffice,
                          hours: 14..<18, buckets: buckets, rng: &rng)
        for _ in 0..<volume(&rng, 20...150) {
            let t = day.time(&rng, from: 8, to: 18)
            getObject(&day, at: t, identity: Population.jane, client: client(t), bucket: buckets[rng.weighted([0.4, 0.35, 0.25])], index: rng.below(3000))
        }
        for _ in 0..<volume(&rng, 3...15) {
            let t = day.time(&rng, from: 8, to: 18), bucket = buckets[rng.below(3)]
            simple(&day, .listObjects, at: t, identity: Population.jane, client: client(t, listing: true), bucket: bucket, key: prefix(&rng, bucket))
        }
        for _ in 0..<volume(&rng, 5...20) {
            let t = day.time(&rng, from: 8, to: 18), bucket = buckets[rng.below(3)]
            simple(&day, .headObject, at: t, identity: Population.jane, client: client(t), bucket: bucket, key: catalog.key(bucket: bucket, index: rng.below(3000)))
        }
        let date = CivilFields(day.dayStart)
        for n in 0..<volume(&rng, 1...6) {
            let t = day.time(&rng, from: 8, to: 18)
            simple(&day, .putObject, at: t, identity: Population.jane, client: client(t), bucket: Catalog.sensitiveData,
                   key: "scratch/developer-jane/\(date.year)-\(two(date.month))-\(two(date.day))/analysis-\(n + 1).csv",
                   bytesIn: Int64(rng.int(in: 2_048...5_000_000)))
        }
        for _ in 0..<volume(&rng, 1...3) {
            let t = day.time(&rng, from: 8, to: 18)
            simple(&day, .listBuckets, at: t, identity: Population.jane, client: client(t, listing: true), bucket: -1)
        }
    }

    /// developer-raj: weekdays 09–17 UTC over the VPN; a Python service he maintains (boto3).
    private func developerRaj(_ day: inout DayPlan) {
        var rng = random("developer-raj", day)
        coverWorkingHours(&day, identity: Population.raj, client: Population.rajVPN, hours: 9..<17,
                          buckets: [Catalog.customerRecords, Catalog.financeReports], rng: &rng)
        for _ in 0..<volume(&rng, 30...120) {
            let bucket = rng.chance(0.6) ? Catalog.customerRecords : Catalog.financeReports
            getObject(&day, at: day.time(&rng, from: 9, to: 17), identity: Population.raj, client: Population.rajVPN,
                      bucket: bucket, index: rng.below(5000), outcome: rng.chance(0.01) ? .noSuchKey : .success)
        }
        for _ in 0..<volume(&rng, 10...30) {
            let bucket = rng.chance(0.6) ? Catalog.customerRecords : Catalog.financeReports
            simple(&day, .headObject, at: day.time(&rng, from: 9, to: 17), identity: Population.raj, client: Population.rajVPN,
                   bucket: bucket, key: catalog.key(bucket: bucket, index: rng.below(5000)))
        }
        for _ in 0..<volume(&rng, 5...20) {
            let bucket = rng.chance(0.6) ? Catalog.customerRecords : Catalog.financeReports
            simple(&day, .listObjects, at: day.time(&rng, from: 9, to: 17), identity: Population.raj, client: Population.rajVPN,
                   bucket: bucket, key: prefix(&rng, bucket))
        }
        for _ in 0..<volume(&rng, 0...2) {
            simple(&day, .getBucketPolicy, at: day.time(&rng, from: 9, to: 17), identity: Population.raj, client: Population.rajVPN,
                   bucket: Catalog.customerRecords)
        }
    }

    /// developer-lena: weekdays 07–15 UTC from Europe in the S3 console; the only eu-west-1 activity.
    private func developerLena(_ day: inout DayPlan) {
        var rng = random("developer-lena", day)
        coverWorkingHours(&day, identity: Population.lena, client: Population.lenaConsole, hours: 7..<15,
                          buckets: [Catalog.financeReports], rng: &rng)
        coverWorkingHours(&day, identity: Population.lena, client: Population.lenaConsole, hours: 7..<15,
                          buckets: [Catalog.euArchive], rng: &rng)
        for _ in 0..<volume(&rng, 10...40) {
            getObject(&day, at: day.time(&rng, from: 7, to: 15), identity: Population.lena, client: Population.lenaConsole,
                      bucket: Catalog.financeReports, index: rng.below(4000))
        }
        for _ in 0..<volume(&rng, 5...25) {
            getObject(&day, at: day.time(&rng, from: 7, to: 15), identity: Population.lena, client: Population.lenaConsole,
                      bucket: Catalog.euArchive, index: rng.below(2000))
        }
        for _ in 0..<volume(&rng, 3...10) {
            let bucket = rng.chance(0.5) ? Catalog.euArchive : Catalog.financeReports
            simple(&day, .listObjects, at: day.time(&rng, from: 7, to: 15), identity: Population.lena, client: Population.lenaConsole,
                   bucket: bucket, key: prefix(&rng, bucket))
        }
        let console: [(Operation, Int)] = [(.listBuckets, -1), (.getBucketLocation, Catalog.financeReports), (.getBucketVersioning, Catalog.financeReports)]
        for (operation, bucket) in console {
            for _ in 0..<volume(&rng, 1...5) {
                simple(&day, operation, at: day.time(&rng, from: 7, to: 15), identity: Population.lena, client: Population.lenaConsole, bucket: bucket)
            }
        }
    }

    /// developer-tom: weekdays 14–23 UTC from the US west coast; a Java importer.
    private func developerTom(_ day: inout DayPlan) {
        var rng = random("developer-tom", day)
        coverWorkingHours(&day, identity: Population.tom, client: Population.tomWorkstation, hours: 14..<23,
                          buckets: [Catalog.customerRecords], rng: &rng)
        for _ in 0..<volume(&rng, 20...80) {
            let bucket = rng.chance(0.3) ? Catalog.appArtifacts : Catalog.customerRecords
            getObject(&day, at: day.time(&rng, from: 14, to: 23), identity: Population.tom, client: Population.tomWorkstation,
                      bucket: bucket, index: rng.below(bucket == Catalog.appArtifacts ? 500 : 6000))
        }
        for _ in 0..<volume(&rng, 5...15) {
            simple(&day, .headObject, at: day.time(&rng, from: 14, to: 23), identity: Population.tom, client: Population.tomWorkstation,
                   bucket: Catalog.customerRecords, key: catalog.key(bucket: Catalog.customerRecords, index: rng.below(6000)))
        }
        let date = CivilFields(day.dayStart)
        for n in 0..<volume(&rng, 5...20) {
            simple(&day, .putObject, at: day.time(&rng, from: 14, to: 23), identity: Population.tom, client: Population.tomWorkstation,
                   bucket: Catalog.customerRecords, key: "imports/\(date.year)-\(two(date.month))-\(two(date.day))/batch-\(n + 1).csv",
                   bytesIn: Int64(rng.int(in: 10_000...2_000_000)))
        }
    }
}
