/// The actors of the organisation population: the web servers' instance role and the report exporter.
extension BenignActivity {
    /// web-server: an EC2 instance role reading the public website bucket in every hour of every day from
    /// the NAT gateway's public address (not through the VPC endpoint), with one instance-profile session a day.
    func webServer(_ day: inout DayPlan) {
        var rng = random("web-server", day)
        let key = "ASIA" + rng.string(16, from: keyIdAlphabet)
        let identity = day.register(.roleSession(account: population.account, role: population.webServerRole,
                                                 sessionName: Population.webServerInstance, accessKeyId: key,
                                                 created: day.dayStart - Int64(rng.int(in: 600...3000)), ec2RoleDelivery: "2.0"))
        day.sessions[population.webServerRole.name] = identity
        for hour in 0..<24 {
            for _ in 0..<max(1, volume(&rng, 2...8)) {
                getObject(&day, at: day.time(&rng, from: Double(hour), to: Double(hour + 1)), identity: identity,
                          client: Population.webServerNAT, bucket: Catalog.publicWebsite, index: rng.below(400))
            }
        }
    }

    /// report-exporter: at 07:00 a new session writes the day's reports into finance-reports through the VPC
    /// endpoint; people in the office open them through presigned links between 08:00 and 18:00, every day.
    func reportExporter(_ day: inout DayPlan) {
        var rng = random("report-exporter", day)
        let date = CivilFields(day.dayStart)
        let created = day.dayStart + 7 * 3600 - Int64(rng.int(in: 20...90))
        let identity = session(&day, population.reportExporterRole, name: "report-export-\(date.compactDate)", created: created, rng: &rng)
        day.sessions[population.reportExporterRole.name] = identity
        let reports = max(2, volume(&rng, 4...10))
        for n in 0..<reports {
            simple(&day, .putObject, at: day.time(&rng, from: 7, to: 7.5), identity: identity, client: Population.reportExportJob,
                   bucket: Catalog.financeReports, key: BenignActivity.reportKey(date, n), bytesIn: Int64(rng.int(in: 40_000...3_000_000)))
        }
        let firstDays = day.dayStart - firstDayStart < 2 * 86_400
        var opens: [Int64] = firstDays ? (8..<18).map { day.time(&rng, from: Double($0), to: Double($0 + 1)) } : []
        for _ in 0..<volume(&rng, 5...25) { opens.append(day.time(&rng, from: 8, to: 18)) }
        for t in opens {
            let n = rng.below(reports)
            var event = SimulatedEvent(time: t, operation: .getObject, identity: identity, client: Population.officeBrowser,
                                       bucket: Int8(Catalog.financeReports), key: BenignActivity.reportKey(date, n),
                                       bytesOut: Int64(rng.int(in: 40_000...3_000_000)))
            event.presigned = true
            day.add(event)
        }
    }

    /// The key of the day's `n`th exported report.
    static func reportKey(_ date: CivilFields, _ n: Int) -> String {
        "exports/daily/\(date.year)-\(two(date.month))-\(two(date.day))/report-\(two(n + 1)).xlsx"
    }
}
