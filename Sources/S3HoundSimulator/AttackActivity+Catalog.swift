/// The attacks of the catalog scenarios: one technique each, on the last day, on top of the organisation population.
extension AttackActivity {
    /// Attack events in order, when they start (seconds after midnight) and how many minutes they span.
    struct PlannedAttack {
        let actions: [SimulatedEvent]
        let start: Int64
        let minutes: Int64
    }

    static let ransomNoteKey = "README_RESTORE_FILES.txt"
    static let credentialKeys = ["home/ubuntu/.aws/credentials", "home/ubuntu/.ssh/id_rsa", "deploy/prod/.env"]
    static let trailArn = "trail/management-trail"

    /// One attack call.
    func call(_ operation: Operation, by identity: Int32, from client: Int32, bucket: Int = -1, key: String = "",
                      outcome: Outcome = .success, parameters: String? = nil, bytesOut: Int64 = 0) -> SimulatedEvent {
        var event = SimulatedEvent(time: 0, operation: operation, outcome: outcome, identity: identity, client: client,
                                   region: bucket >= 0 ? catalog.buckets[bucket].region : .usEast1, bucket: Int8(bucket), key: key,
                                   bytesOut: bytesOut, isAttack: true)
        event.parameters = parameters
        return event
    }

    /// A GetObject of a catalog object, with its size.
    func read(_ bucket: Int, _ index: Int, by identity: Int32, from client: Int32) -> SimulatedEvent {
        call(.getObject, by: identity, from: client, bucket: bucket, key: catalog.key(bucket: bucket, index: index),
             bytesOut: catalog.size(bucket: bucket, index: index))
    }

    /// Plans the attack of a catalog scenario.
    func catalogAttack(_ rng: inout SimulationRandom, day: inout DayPlan) -> PlannedAttack {
        let cli = Population.attackerCLI, records = Catalog.customerRecords
        let xmlns = "\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\""
        switch scenario {
        case .benign, .bulkDownload, .crossAccountCopy, .fullStory:
            return PlannedAttack(actions: [], start: 0, minutes: 0)

        case .batchOperationsJob, .dataSyncTask, .foreignKMSKey, .newUserAgent, .foreignAccountCaller:
            return transferAttack(&rng, day: &day)

        case .policyBackdoor:
            let jane = Population.jane
            let policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::customer-records\",\"arn:aws:s3:::customer-records/*\"]}]}"
            let acl = "\"acl\":\"\",\"AccessControlPolicy\":{\"AccessControlList\":{\"Grant\":[{\"Grantee\":{\"xsi:type\":\"CanonicalUser\",\"ID\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"xsi:type\":\"Group\",\"URI\":\"http://acs.amazonaws.com/groups/global/AllUsers\"},\"Permission\":\"READ\"}]},\"Owner\":{\"ID\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}}"
            return PlannedAttack(actions: [
                call(.getBucketPolicy, by: jane, from: cli, bucket: records),
                call(.deletePublicAccessBlock, by: jane, from: cli, bucket: records, parameters: "\"publicAccessBlock\":\"\""),
                call(.putBucketPolicy, by: jane, from: cli, bucket: records, parameters: "\"policy\":\"\",\"bucketPolicy\":\(policy)"),
                call(.putBucketAcl, by: jane, from: cli, bucket: records, parameters: acl),
            ], start: 3 * 3600 + 5 * 60, minutes: 6)

        case .ransomware:
            let tom = Population.tom
            var actions = [call(.putBucketVersioning, by: tom, from: cli, bucket: records,
                                parameters: "\"versioning\":\"\",\"VersioningConfiguration\":{\(xmlns),\"Status\":\"Suspended\"}")]
            for index in 0..<objects {
                let key = catalog.key(bucket: records, index: index * 13)
                var copy = call(.copyObject, by: tom, from: cli, bucket: records, key: key, bytesOut: Int64(rng.int(in: 228...262)))
                copy.sourceBucket = Int8(records); copy.sourceKey = key; copy.sseC = true
                actions.append(copy)
            }
            var note = call(.putObject, by: tom, from: cli, bucket: records, key: AttackActivity.ransomNoteKey)
            note.bytesIn = 1_732
            actions.append(note)
            actions.append(call(.putBucketLifecycle, by: tom, from: cli, bucket: records,
                                parameters: "\"lifecycle\":\"\",\"LifecycleConfiguration\":{\(xmlns),\"Rule\":[{\"ID\":\"expire-all\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"\"},\"Expiration\":{\"Days\":1},\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":1}}]}"))
            for index in 0..<600 {
                actions.append(call(.deleteObject, by: tom, from: cli, bucket: Catalog.sensitiveData, key: catalog.key(bucket: Catalog.sensitiveData, index: index * 7)))
            }
            return PlannedAttack(actions: actions, start: 3 * 3600 + 10 * 60, minutes: 45)

        case .loggingTampering:
            let jane = Population.jane
            let trail = "arn:aws:cloudtrail:us-east-1:\(population.account):\(AttackActivity.trailArn)"
            let actions = [
                call(.stopLogging, by: jane, from: cli, parameters: "\"name\":\"\(trail)\""),
                call(.putEventSelectors, by: jane, from: cli, parameters: "\"trailName\":\"management-trail\",\"eventSelectors\":[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,\"dataResources\":[],\"excludeManagementEventSources\":[]}]"),
                call(.putBucketLogging, by: jane, from: cli, bucket: records, parameters: "\"logging\":\"\",\"BucketLoggingStatus\":{\(xmlns)}"),
                call(.updateDetector, by: jane, from: cli, parameters: "\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\",\"dataSources\":{\"s3Logs\":{\"enable\":false}}"),
            ]
            return PlannedAttack(actions: actions, start: 2 * 3600 + 40 * 60, minutes: 8)

        case .discovery:
            let jane = Population.jane
            var actions = [call(.listBuckets, by: jane, from: cli)]
            let existing = [0, 1, 2, 3, 4, 5, 6, Catalog.publicWebsite, Catalog.decoyPayroll, Catalog.opsConfig]
                + Array(Catalog.firstOtherBucket..<Catalog.firstGuessedBucket)
            for bucket in existing.prefix(max(objects, 12)) {
                actions.append(call(.getBucketAcl, by: jane, from: cli, bucket: bucket))
                actions.append(call(.listObjects, by: jane, from: cli, bucket: bucket))
            }
            for attempt in 0..<36 {
                let bucket = Catalog.firstGuessedBucket + attempt % Catalog.guessedBucketNames.count
                let exists = Catalog.guessedBucketNames[attempt % Catalog.guessedBucketNames.count].hasPrefix("company")
                actions.append(call(attempt % 2 == 0 ? .headBucket : .listObjects, by: jane, from: cli, bucket: bucket,
                                    outcome: exists ? .accessDenied : .noSuchBucket))
            }
            return PlannedAttack(actions: actions, start: 2 * 3600 + 30 * 60, minutes: 35)

        case .credentialFiles:
            let tom = Population.tom, ops = Catalog.opsConfig
            var actions = [call(.listObjects, by: tom, from: cli, bucket: ops)]
            for key in ["deploy/prod/app-config.yaml", AttackActivity.credentialKeys[2], "home/ubuntu/.bash_history",
                        AttackActivity.credentialKeys[0], AttackActivity.credentialKeys[1]] {
                actions.append(call(.getObject, by: tom, from: cli, bucket: ops, key: key, bytesOut: Int64(rng.int(in: 300...4_000))))
            }
            return PlannedAttack(actions: actions, start: 3 * 3600, minutes: 9)

        case .stolenInstanceCredentials:
            let session = day.sessions[population.webServerRole.name]!, thief = Population.instanceThief
            var actions = [call(.listBuckets, by: session, from: thief), call(.listObjects, by: session, from: thief, bucket: records, key: "customers/")]
            for index in 0..<objects { actions.append(read(records, index * 17, by: session, from: thief)) }
            return PlannedAttack(actions: actions, start: 4 * 3600 + 15 * 60, minutes: 30)

        case .presignedURLAbuse:
            let session = day.sessions[population.reportExporterRole.name]!
            var actions: [SimulatedEvent] = []
            for n in 0..<objects {
                let date = CivilFields(day.dayStart - Int64(n % 10) * 86_400)
                var link = call(.getObject, by: session, from: Population.leakedLinkUser, bucket: Catalog.financeReports,
                                key: BenignActivity.reportKey(date, n % 2), bytesOut: Int64(rng.int(in: 40_000...3_000_000)))
                link.presigned = true
                actions.append(link)
            }
            return PlannedAttack(actions: actions, start: 11 * 3600 + 5 * 60, minutes: 20)

        case .anonymousAccess:
            let anonymous = Population.anonymous, scraper = Population.anonymousScraper
            var actions = [call(.listObjects, by: anonymous, from: scraper, bucket: Catalog.publicWebsite)]
            for index in 0..<objects { actions.append(read(Catalog.publicWebsite, index * 3, by: anonymous, from: scraper)) }
            return PlannedAttack(actions: actions, start: 5 * 3600 + 20 * 60, minutes: 30)

        case .knownBadCaller:
            var actions: [SimulatedEvent] = []
            for index in 0..<objects { actions.append(read(records, 5000 + index, by: Population.raj, from: Population.torBoto)) }
            return PlannedAttack(actions: actions, start: 10 * 3600 + 15 * 60, minutes: 30)

        case .replicationToForeignAccount:
            let jane = Population.jane
            let replication = "\"replication\":\"\",\"ReplicationConfiguration\":{\(xmlns),\"Role\":\"arn:aws:iam::\(population.account):role/s3-replication\",\"Rule\":{\"ID\":\"sync-offsite\",\"Status\":\"Enabled\",\"Priority\":1,\"Filter\":{\"Prefix\":\"\"},\"DeleteMarkerReplication\":{\"Status\":\"Disabled\"},\"Destination\":{\"Bucket\":\"arn:aws:s3:::exfil-drop-bucket\",\"Account\":\"\(Catalog.foreignAccount)\",\"AccessControlTranslation\":{\"Owner\":\"Destination\"}}}}"
            return PlannedAttack(actions: [
                call(.getBucketVersioning, by: jane, from: cli, bucket: records),
                call(.putBucketVersioning, by: jane, from: cli, bucket: records, parameters: "\"versioning\":\"\",\"VersioningConfiguration\":{\(xmlns),\"Status\":\"Enabled\"}"),
                call(.putBucketReplication, by: jane, from: cli, bucket: records, parameters: replication),
            ], start: 3 * 3600 + 20 * 60, minutes: 5)

        case .decoy:
            let tom = Population.tom, decoy = Catalog.decoyPayroll
            var actions = [call(.listBuckets, by: tom, from: cli), call(.listObjects, by: tom, from: cli, bucket: decoy, key: "payroll/")]
            for index in 0..<objects { actions.append(read(decoy, index, by: tom, from: cli)) }
            return PlannedAttack(actions: actions, start: 3 * 3600 + 30 * 60, minutes: 10)
        }
    }
}
