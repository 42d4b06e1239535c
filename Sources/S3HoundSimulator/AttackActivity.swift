import S3HoundCore

/// The attack of a scenario, planned on the last day with developer-jane's stolen key.
struct AttackActivity {
    let scenario: Scenario
    let population: Population
    let catalog: Catalog
    let seed: UInt64
    let objects: Int
    /// True for the organisation population (its threat list makes Tor exits known-bad callers).
    var organisation = false

    /// Adds the attack's events to the day (nothing for `benign`).
    func plan(_ day: inout DayPlan) {
        var rng = SimulationRandom(seed: seed, stream: "attack-\(scenario.rawValue)", day.dayStart)
        let actions: [SimulatedEvent]
        let start: Int64, latestEnd: Int64
        switch scenario {
        case .benign: return
        case .bulkDownload, .fullStory:
            actions = bulkDownload(&rng, dayStart: day.dayStart)
            start = day.dayStart + 2 * 3600 + 47 * 60
            latestEnd = day.dayStart + 4 * 3600 + 12 * 60 + 59
        case .crossAccountCopy:
            actions = crossAccountCopy(&rng)
            start = day.dayStart + 3 * 3600 + 10 * 60
            latestEnd = start + Int64(min(max(actions.count * 5, 300), 7200))
        default:
            let planned = catalogAttack(&rng, day: &day)
            actions = planned.actions
            start = day.dayStart + planned.start
            latestEnd = start + planned.minutes * 60
        }
        for (event, time) in zip(actions, spread(actions.count, from: start, to: latestEnd, &rng)) {
            var event = event
            event.time = time
            day.add(event)
        }
    }

    /// Sorted times for `count` events: the first within seconds of `start`, the last in the final minute.
    private func spread(_ count: Int, from start: Int64, to end: Int64, _ rng: inout SimulationRandom) -> [Int64] {
        guard count > 0 else { return [] }
        let first = start + Int64(rng.int(in: 0...9))
        guard count > 1 else { return [first] }
        let last = end - Int64(rng.int(in: 0...50))
        var middle = (0..<(count - 2)).map { _ in first + Int64(rng.below(Int(last - first) + 1)) }
        middle.sort()
        return [first] + middle + [last]
    }

    private func event(_ operation: Operation, bucket: Int, key: String, client: Int32, outcome: Outcome = .success,
                       bytesOut: Int64 = 0) -> SimulatedEvent {
        SimulatedEvent(time: 0, operation: operation, outcome: outcome, identity: Population.jane, client: client,
                       region: catalog.buckets[bucket].region, bucket: Int8(bucket), key: key, bytesOut: bytesOut, isAttack: true)
    }

    /// `count` catalog indexes in order where about one in fifty repeats a recent one (a retried transfer),
    /// so there are fewer distinct keys than requests.
    private func withRetries(_ count: Int, _ rng: inout SimulationRandom) -> [Int] {
        let retries = count >= 2 ? max(1, count / 50) : 0
        let unique = count - retries
        var retryAfter = (0..<retries).map { _ in rng.below(unique) }
        retryAfter.sort()
        var order: [Int] = []
        order.reserveCapacity(count)
        var next = 0
        for index in 0..<unique {
            order.append(index)
            while next < retryAfter.count, retryAfter[next] == index {
                order.append(index - rng.below(min(index + 1, 40)))
                next += 1
            }
        }
        return order
    }

    /// Splits `total` over weights, largest remainder last.
    private func shares(_ total: Int, _ weights: [Int]) -> [Int] {
        var result = weights.map { total * $0 / weights.reduce(0, +) }
        result[0] += total - result.reduce(0, +)
        return result
    }

    /// `aws s3 cp --recursive` of three buckets from a Tor exit node, with a few listings, some keys
    /// fetched twice (retries) and ~20 denied reads of the backup bucket.
    private func bulkDownload(_ rng: inout SimulationRandom, dayStart: Int64) -> [SimulatedEvent] {
        let client = Population.torDownloader
        let buckets = [Catalog.sensitiveData, Catalog.customerRecords, Catalog.financeReports]
        var actions: [SimulatedEvent] = []
        for (position, (bucket, share)) in zip(buckets, shares(objects, [45, 35, 20])).enumerated() {
            actions.append(event(.listObjects, bucket: bucket, key: "", client: client))
            if share > 1000 { actions.append(event(.listObjects, bucket: bucket, key: "", client: client)) }
            for index in withRetries(share, &rng) {
                actions.append(event(.getObject, bucket: bucket, key: catalog.key(bucket: bucket, index: index), client: client,
                                     bytesOut: catalog.size(bucket: bucket, index: index)))
            }
            if position == 0 {
                let previousDay = CivilFields(dayStart - 86_400)
                for n in 0..<rng.int(in: 18...22) {
                    let source = catalog.key(bucket: Catalog.customerRecords, index: n * 7)
                    actions.append(event(.getObject, bucket: Catalog.backupDR, key: "nightly/\(previousDay.year)-\(two(previousDay.month))-\(two(previousDay.day))/customer-records/\(source)",
                                         client: client, outcome: .accessDenied))
                }
            }
        }
        return actions
    }

    /// A script copying customer records into a bucket of account 999988887777, with a multipart
    /// copy of one large export and a few copies from a bucket the key may not read.
    private func crossAccountCopy(_ rng: inout SimulationRandom) -> [SimulatedEvent] {
        let client = Population.copyScript, source = Catalog.customerRecords, drop = Catalog.exfilDrop
        var actions = [event(.listObjects, bucket: source, key: "customers/", client: client),
                       event(.listObjects, bucket: source, key: "customers/us/", client: client)]
        for n in 0..<rng.int(in: 3...5) {
            let key = catalog.key(bucket: Catalog.sensitiveData, index: n * 11)
            var denied = event(.copyObject, bucket: drop, key: "export/\(key)", client: client, outcome: .accessDenied)
            denied.sourceBucket = Int8(Catalog.sensitiveData); denied.sourceKey = key
            actions.append(denied)
        }
        var copyEvents = withRetries(objects, &rng).map { index -> SimulatedEvent in
            let key = catalog.key(bucket: source, index: index)
            var copy = event(.copyObject, bucket: drop, key: "export/\(key)", client: client, bytesOut: Int64(rng.int(in: 228...262)))
            copy.sourceBucket = Int8(source); copy.sourceKey = key
            return copy
        }
        let large = "customers/archive/full-export-2026-01.parquet.gz"
        let uploadId = rng.string(64, from: alphanumeric)
        var multipart = [event(.createMultipartUpload, bucket: drop, key: "export/\(large)", client: client, bytesOut: 412)]
        for part in 1...rng.int(in: 2...3) {
            var copy = event(.uploadPartCopy, bucket: drop, key: "export/\(large)", client: client, bytesOut: Int64(rng.int(in: 220...240)))
            copy.sourceBucket = Int8(source); copy.sourceKey = large; copy.partNumber = Int32(part); copy.uploadId = uploadId
            multipart.append(copy)
        }
        multipart[0].uploadId = uploadId
        var complete = event(.completeMultipartUpload, bucket: drop, key: "export/\(large)", client: client, bytesOut: 388)
        complete.uploadId = uploadId
        multipart.append(complete)
        copyEvents.insert(contentsOf: multipart, at: copyEvents.count / 2)
        return actions + copyEvents
    }

    /// The facts of the attack, computed from the planned attack events of the last day.
    func truth(from events: [SimulatedEvent], identities: [Identity]) -> AttackTruth? {
        let attack = events.filter(\.isAttack)
        guard let first = attack.min(by: { $0.time < $1.time }), let last = attack.max(by: { $0.time < $1.time }) else { return nil }
        let expected = expectation
        let taken = attack.filter { $0.operation == expected.operation && $0.outcome == .success }
        func origin(_ e: SimulatedEvent) -> (bucket: String, key: String) {
            e.sourceBucket >= 0 ? (catalog.buckets[Int(e.sourceBucket)].name, e.sourceKey)
                : (e.bucket >= 0 ? catalog.buckets[Int(e.bucket)].name : "", e.key)
        }
        let identity = identities[Int(first.identity)]
        let buckets = Scenario.classicScenarios.contains(scenario)
            ? Set(taken.map { origin($0).bucket }.filter { !$0.isEmpty })
            : Set(attack.filter { $0.outcome == .success && $0.bucket >= 0 }.map { catalog.buckets[Int($0.bucket)].name })
        return AttackTruth(
            principal: identity.principal, arn: identity.arn ?? identity.principal, accessKeyId: identity.accessKeyId ?? "",
            sourceIP: population.clients[Int(first.client)].sourceIP, eventName: String(describing: expected.operation.name),
            objects: taken.count, distinctKeys: Set(taken.map { "\(origin($0).bucket)/\(origin($0).key)" }).count,
            bytes: taken.reduce(0) { $0 + $1.bytesOut },
            failedAttempts: attack.filter { $0.outcome == .accessDenied }.count,
            buckets: Array(buckets).sorted(),
            windowStart: EventTime(secondsSinceEpoch: first.time), windowEnd: EventTime(secondsSinceEpoch: last.time),
            destinationAccount: expected.destinationAccount, destinationBucket: expected.destinationBucket,
            keys: expected.keys, expectedDetections: expected.detections.map(\.id),
            findingResources: Dictionary(uniqueKeysWithValues: expected.detections.map { ($0.id, $0.resource) }),
            kmsKeyId: expected.kmsKeyId, userAgent: expected.userAgent, callerAccount: expected.callerAccount)
    }
}
