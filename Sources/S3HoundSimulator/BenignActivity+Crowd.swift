/// The crowd of `--crowd`: every member's calls for a day, with the same habits from the first day on.
extension BenignActivity {
    /// Plans every crowd member's calls for one day (after every other actor, so their events keep their order).
    func crowd(_ day: inout DayPlan) {
        let weekday = CivilFields.weekday(dayStart: day.dayStart) < 5
        let workday = weekday ? workdayIndex(day) : -1
        let firstDays = day.dayStart - firstDayStart < 2 * 86_400
        let date = CivilFields(day.dayStart)
        for (number, member) in population.crowd.members.enumerated() {
            var rng = SimulationRandom(seed: seed, stream: "crowd", Int64(number), day.dayStart)
            switch member.habit {
            case .person where weekday: crowdPerson(member, &day, covering: workday < 2, date: date, rng: &rng)
            case .person: break
            case .workload: crowdWorkload(member, &day, covering: firstDays, date: date, rng: &rng)
            }
        }
    }

    /// A person on a weekday: reads, looks up, lists and uploads a few objects in working hours, mostly from
    /// the day's address (office, home or one of a pool). On the first two workdays every working hour and
    /// every usual address is used once, so the baseline has seen all of the person's habits.
    private func crowdPerson(_ member: Crowd.Member, _ day: inout DayPlan, covering: Bool, date: CivilFields,
                             rng: inout SimulationRandom) {
        let identity = member.user, hours = member.hours, clients = member.clients
        let from = Double(hours.first!), to = Double(hours.last! + 1)
        if covering {
            for n in 0..<max(hours.count, clients.count) {
                let bucket = member.buckets[rng.below(member.buckets.count)]
                getObject(&day, at: day.time(&rng, from: Double(hours[n % hours.count]), to: Double(hours[n % hours.count] + 1)),
                          identity: identity, client: clients[n % clients.count], bucket: bucket, index: rng.below(20_000))
            }
        } else if !rng.chance(0.92) {
            return // a day off
        }
        let usual = clients[rng.below(clients.count)]
        func client() -> Int32 { rng.chance(0.85) ? usual : clients[rng.below(clients.count)] }
        for _ in 0..<volume(&rng, 4...30) {
            let bucket = member.buckets[rng.below(member.buckets.count)]
            getObject(&day, at: day.time(&rng, from: from, to: to), identity: identity, client: client(), bucket: bucket,
                      index: rng.below(20_000), outcome: rng.chance(0.01) ? .noSuchKey : .success)
        }
        for _ in 0..<volume(&rng, 1...8) {
            let bucket = member.buckets[rng.below(member.buckets.count)]
            simple(&day, .headObject, at: day.time(&rng, from: from, to: to), identity: identity, client: client(), bucket: bucket,
                   key: catalog.key(bucket: bucket, index: rng.below(20_000)))
        }
        for _ in 0..<volume(&rng, 1...5) {
            let bucket = member.buckets[rng.below(member.buckets.count)]
            simple(&day, .listObjects, at: day.time(&rng, from: from, to: to), identity: identity, client: client(), bucket: bucket,
                   key: prefix(&rng, bucket))
        }
        for n in 0..<volume(&rng, 0...4) {
            simple(&day, .putObject, at: day.time(&rng, from: from, to: to), identity: identity, client: client(), bucket: member.buckets[0],
                   key: "users/\(member.name)/\(date.year)-\(two(date.month))-\(two(date.day))/notes-\(n + 1).csv",
                   bytesIn: Int64(rng.int(in: 1_024...3_000_000)))
        }
        for _ in 0..<volume(&rng, 0...1) {
            simple(&day, .listBuckets, at: day.time(&rng, from: from, to: to), identity: identity, client: client(), bucket: -1)
        }
    }

    /// A workload, every day: a new role session runs at each of its hours, reading a batch of objects (at
    /// least one), sometimes listing and writing results, from one of its addresses. On the first two days
    /// every address is used in the first run.
    private func crowdWorkload(_ member: Crowd.Member, _ day: inout DayPlan, covering: Bool, date: CivilFields,
                               rng: inout SimulationRandom) {
        let role = member.role!, clients = member.clients
        let firstRun = day.dayStart + Int64(member.hours[0] * 3600)
        let created = firstRun - Int64(rng.int(in: 5...120))
        let identity = day.register(.roleSession(account: member.account, role: role, sessionName: "\(member.sessionPrefix)\(created)",
                                                 accessKeyId: "ASIA" + rng.string(16, from: keyIdAlphabet), created: created))
        for (run, hour) in member.hours.enumerated() {
            let start = Double(hour), end = Double(hour) + 0.5
            let client = clients[rng.below(clients.count)]
            if covering && run == 0 {
                for other in clients {
                    let bucket = member.buckets[rng.below(member.buckets.count)]
                    getObject(&day, at: day.time(&rng, from: start, to: end), identity: identity, client: other, bucket: bucket,
                              index: rng.below(20_000))
                }
            }
            for _ in 0..<max(1, volume(&rng, 5...40)) {
                let bucket = member.buckets[rng.below(member.buckets.count)]
                getObject(&day, at: day.time(&rng, from: start, to: end), identity: identity, client: client, bucket: bucket,
                          index: rng.below(20_000), outcome: rng.chance(0.005) ? .noSuchKey : .success)
            }
            for _ in 0..<volume(&rng, 0...2) {
                let bucket = member.buckets[rng.below(member.buckets.count)]
                simple(&day, .listObjects, at: day.time(&rng, from: start, to: end), identity: identity, client: client, bucket: bucket,
                       key: prefix(&rng, bucket))
            }
            for n in 0..<volume(&rng, 0...3) {
                simple(&day, .putObject, at: day.time(&rng, from: start, to: end), identity: identity, client: client,
                       bucket: member.buckets[0],
                       key: "jobs/\(member.name)/\(date.year)-\(two(date.month))-\(two(date.day))/run-\(two(hour))-part-\(n + 1).json",
                       bytesIn: Int64(rng.int(in: 10_000...8_000_000)))
            }
        }
    }
}
