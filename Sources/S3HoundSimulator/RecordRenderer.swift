/// Writes simulated events as CloudTrail records (`{"Records":[…]}`), byte by byte.
///
/// Field order and shapes follow real S3 data and management events (eventVersion 1.09). The random
/// parts of a record (eventID, requestID, x-amz-id-2) come from the log file's own random stream.
struct RecordRenderer {
    let account: String
    let catalog: Catalog
    let clients: [Client]

    /// Renders one log file's records into `buffer` (emptied first; passing a used buffer back in
    /// saves allocating and faulting in megabytes per file).
    func render(_ events: ArraySlice<SimulatedEvent>, identities: [Identity], rng: inout SimulationRandom,
                into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var out = JSONOutput(reusing: buffer)
        buffer = []
        defer { buffer = out.bytes }
        out.bytes.reserveCapacity(events.count * 2_000 + 32)
        out.literal("{\"Records\":[")
        var clock = HourClock()
        for index in events.indices {
            if index != events.startIndex { out.literal(",") }
            record(events[index], identity: identities[Int(events[index].identity)], clock: &clock, into: &out, rng: &rng)
        }
        out.literal("]}")
    }

    private func record(_ e: SimulatedEvent, identity: Identity, clock: inout HourClock, into out: inout JSONOutput,
                        rng: inout SimulationRandom) {
        let client = clients[Int(e.client)]
        guard e.operation.isS3 else { return serviceRecord(e, identity: identity, client: client, clock: &clock, into: &out, rng: &rng) }
        let bucket: Bucket? = e.bucket >= 0 ? catalog.buckets[Int(e.bucket)] : nil
        let source: Bucket? = e.sourceBucket >= 0 ? catalog.buckets[Int(e.sourceBucket)] : nil
        out.literal("{\"eventVersion\":\"1.09\",\"userIdentity\":"); out.raw(identity.json)
        out.literal(",\"eventTime\":\""); clock.write(e.time, into: &out)
        out.literal("\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\""); out.literal(e.operation.name)
        out.literal("\",\"awsRegion\":\""); out.literal(e.region == .usEast1 ? "us-east-1" : "eu-west-1"); out.literal("\"")
        out.raw(client.sourceFragment)
        switch e.outcome {
        case .success: break
        case .accessDenied: out.literal(",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\"")
        case .noSuchKey: out.literal(",\"errorCode\":\"NoSuchKey\",\"errorMessage\":\"The specified key does not exist.\"")
        case .noSuchBucket: out.literal(",\"errorCode\":\"NoSuchBucket\",\"errorMessage\":\"The specified bucket does not exist\"")
        }
        requestParameters(e, bucket: bucket, source: source, client: client, into: &out)
        out.literal(",\"responseElements\":null,\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",")
        out.raw(client.cipherFragment)
        // CloudTrail sometimes writes byte counts as floats (`5120.0`); readers must accept both.
        let asFloat = rng.below(8) == 0
        out.literal(",\"bytesTransferredIn\":"); out.integer(e.bytesIn); if asFloat { out.literal(".0") }
        if e.sseC { out.literal(",\"SSEApplied\":\"SSE_C\"") } else if e.sseKMS { out.literal(",\"SSEApplied\":\"SSE_KMS\"") }
        out.literal(e.presigned ? ",\"AuthenticationMethod\":\"QueryString\",\"x-amz-id-2\":\"" : ",\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"")
        rng.characters(76, from: base64Alphabet, into: &out.bytes)
        out.literal("\",\"bytesTransferredOut\":"); out.integer(e.bytesOut); if asFloat { out.literal(".0") }
        out.literal("},\"requestID\":\""); rng.characters(16, from: upperHex, into: &out.bytes)
        out.literal("\",\"eventID\":\""); rng.uuid(into: &out.bytes)
        out.literal(e.operation.readOnly ? "\",\"readOnly\":true" : "\",\"readOnly\":false")
        if let bucket {
            out.literal(",\"resources\":[")
            if e.operation.touchesObject { objectResource(bucket, e.key, into: &out); out.literal(",") }
            out.raw(bucket.resourceFragment)
            if let source, e.operation == .copyObject || e.operation == .uploadPartCopy {
                out.literal(","); objectResource(source, e.sourceKey, into: &out)
                out.literal(","); out.raw(source.resourceFragment)
            }
            out.literal("]")
        }
        out.literal(e.operation.isManagement ? ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":"
                                             : ",\"eventType\":\"AwsApiCall\",\"managementEvent\":false,\"recipientAccountId\":")
        out.string(account)
        out.raw(client.vpcEndpointFragment)
        out.literal(e.operation.isManagement ? ",\"eventCategory\":\"Management\"" : ",\"eventCategory\":\"Data\"")
        if !client.isService {
            out.literal(",\"tlsDetails\":{"); out.raw(client.tlsFragment)
            if let bucket { out.raw(bucket.hostHeaderFragment) } else {
                out.literal("\"clientProvidedHostHeader\":\"s3."); out.literal(e.region == .usEast1 ? "us-east-1" : "eu-west-1")
                out.literal(".amazonaws.com\"")
            }
            out.literal("}")
        }
        out.literal("}")
    }

    /// A management call to another service (CloudTrail, GuardDuty): its own parameters, no bucket or byte counts.
    private func serviceRecord(_ e: SimulatedEvent, identity: Identity, client: Client, clock: inout HourClock, into out: inout JSONOutput,
                               rng: inout SimulationRandom) {
        let region: StaticString = e.region == .usEast1 ? "us-east-1" : "eu-west-1"
        out.literal("{\"eventVersion\":\"1.09\",\"userIdentity\":"); out.raw(identity.json)
        out.literal(",\"eventTime\":\""); clock.write(e.time, into: &out)
        out.literal("\",\"eventSource\":\""); out.literal(e.operation.eventSource)
        out.literal("\",\"eventName\":\""); out.literal(e.operation.name)
        out.literal("\",\"awsRegion\":\""); out.literal(region); out.literal("\"")
        out.raw(client.sourceFragment)
        if e.outcome != .success { out.literal(",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this operation\"") }
        out.literal(",\"requestParameters\":{"); out.raw(Array((e.parameters ?? "").utf8)); out.literal("}")
        out.literal(",\"responseElements\":")
        if let response = e.response { out.raw(Array(response.utf8)) } else { out.literal("null") }
        out.literal(",\"requestID\":\""); rng.uuid(into: &out.bytes)
        out.literal("\",\"eventID\":\""); rng.uuid(into: &out.bytes)
        out.literal(e.operation.readOnly ? "\",\"readOnly\":true" : "\",\"readOnly\":false")
        out.literal(",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":")
        out.string(account)
        out.literal(",\"eventCategory\":\"Management\",\"tlsDetails\":{"); out.raw(client.tlsFragment)
        out.field("clientProvidedHostHeader", e.operation.serviceHost(account: account, region: e.region.name), first: true)
        out.literal("}}")
    }

    private func objectResource(_ bucket: Bucket, _ key: String, into out: inout JSONOutput) {
        out.literal("{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::"); out.raw(bucket.escapedName)
        out.literal("/"); out.stringContent(key); out.literal("\"}")
    }

    private func requestParameters(_ e: SimulatedEvent, bucket: Bucket?, source: Bucket?, client: Client, into out: inout JSONOutput) {
        out.literal(",\"requestParameters\":{")
        guard let bucket else {
            out.literal("\"Host\":\"s3."); out.literal(e.region == .usEast1 ? "us-east-1" : "eu-west-1"); out.literal(".amazonaws.com\"}")
            return
        }
        out.raw(bucket.requestFragment)
        switch e.operation {
        case .listObjects:
            out.literal(",\"list-type\":\"2\",\"encoding-type\":\"url\",\"prefix\":"); out.string(e.key)
            if !e.key.isEmpty { out.literal(",\"delimiter\":\"/\"") }
        case .getBucketPolicy: out.literal(",\"policy\":\"\"")
        case .getBucketLocation: out.literal(",\"location\":\"\"")
        case .getBucketVersioning: out.literal(",\"versioning\":\"\"")
        case .listBuckets: break
        default:
            if !e.operation.isBucketLevel { out.field("key", e.key) }
        }
        if let parameters = e.parameters { out.literal(","); out.raw(Array(parameters.utf8)) }
        if e.sseC { out.literal(",\"x-amz-server-side-encryption-customer-algorithm\":\"AES256\"") }
        if let source, e.operation == .copyObject || e.operation == .uploadPartCopy {
            out.literal(",\"x-amz-copy-source\":\""); out.raw(source.escapedName); out.literal("/")
            out.stringContent(e.sourceKey); out.literal("\"")
        }
        switch e.operation {
        case .uploadPartCopy:
            out.literal(",\"partNumber\":\""); out.integer(Int64(e.partNumber)); out.literal("\""); out.field("uploadId", e.uploadId)
        case .createMultipartUpload: out.literal(",\"uploads\":\"\"")
        case .completeMultipartUpload: out.field("uploadId", e.uploadId)
        case .putObject where client.isService: out.literal(",\"x-amz-acl\":\"bucket-owner-full-control\"")
        default: break
        }
        out.literal("}")
    }
}

/// Writes event times, formatting the calendar part once per hour (all records of a file share their hour).
struct HourClock {
    private var hour: Int64 = .min
    private var prefix: [UInt8] = []

    /// Appends `YYYY-MM-DDTHH:MM:SSZ`.
    mutating func write(_ secondsSinceEpoch: Int64, into out: inout JSONOutput) {
        let currentHour = secondsSinceEpoch.floorDivided(by: 3600)
        if currentHour != hour {
            var text = JSONOutput()
            text.time(currentHour * 3600)
            prefix = Array(text.bytes.prefix(14))
            hour = currentHour
        }
        let second = Int(secondsSinceEpoch - currentHour * 3600)
        out.raw(prefix); out.twoDigits(second / 60); out.literal(":"); out.twoDigits(second % 60); out.literal("Z")
    }
}
