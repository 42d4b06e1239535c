/// Writes S3 server access logs of one bucket in the published space-delimited format, in the date-partitioned
/// key layout `<prefix>/<account>/<region>/<bucket>/YYYY/MM/DD/YYYY-MM-DD-hh-mm-ss-<UniqueString>`: plain text,
/// one file per half hour of requests (split above 1,000 lines), named by a delivery time a few minutes later.
///
/// Lines have the current 27 fields. Files delivered on the first simulated day use the older 25-field format
/// (no `aclRequired`, no source region): an awkward case a reader must accept.
struct AccessLogWriter {
    /// The folder the bucket's logging configuration writes under.
    static let prefix = "s3-server-access-logs"
    /// Fields of a current line, and of the older format.
    static let fieldCount = 27, olderFieldCount = 25

    let output: FileOutput
    let account: String
    let seed: UInt64
    let catalog: Catalog
    let clients: [Client]
    /// The catalog index of the logged bucket.
    let bucket: Int
    /// Files written, in order.
    private(set) var written: [String] = []

    init(output: FileOutput, account: String, seed: UInt64, catalog: Catalog, clients: [Client], bucket: Int) {
        self.output = output; self.account = account; self.seed = seed; self.catalog = catalog; self.clients = clients; self.bucket = bucket
    }

    /// The folder of the bucket's log files: `<prefix>/<account>/<region>/<bucket>/`.
    var folder: String {
        let logged = catalog.buckets[bucket]
        return "\(AccessLogWriter.prefix)/\(account)/\(logged.region.name)/\(logged.name)/"
    }

    /// The canonical user id of the account that owns the bucket (64 hex digits, a property of the account).
    static func canonicalUserId(account: String) -> String {
        var rng = SimulationRandom(seed: SimulationRandom.stableHash("canonical-user-" + account))
        return rng.string(64, from: lowerHex)
    }

    /// True when the event belongs in this bucket's access log rather than CloudTrail: a data event on the bucket.
    func isLogged(_ event: SimulatedEvent) -> Bool { Int(event.bucket) == bucket && !event.operation.isManagement }

    /// Writes the day's lines: `events` are the bucket's data events (removed from CloudTrail) and the copies
    /// elsewhere that read from it (logged as `REST.COPY.OBJECT_GET`), in time order.
    mutating func write(_ events: [SimulatedEvent], identities: [Identity], dayStart: Int64, olderFormat: Bool) throws {
        var rng = SimulationRandom(seed: seed, stream: "access-log", dayStart)
        let owner = AccessLogWriter.canonicalUserId(account: account)
        var start = events.startIndex
        while start < events.endIndex {
            let slot = events[start].time.floorDivided(by: 1800)
            var end = start
            while end < events.endIndex, events[end].time.floorDivided(by: 1800) == slot { end += 1 }
            let parts = (end - start + 999) / 1000
            for part in 0..<parts {
                let slice = events[(start + (end - start) * part / parts)..<(start + (end - start) * (part + 1) / parts)]
                var nameRandom = SimulationRandom(seed: seed, stream: "access-log-file", slot, Int64(part))
                let delivered = CivilFields(slot * 1800 + 1800 + Int64(nameRandom.int(in: 60...900)))
                let date = "\(delivered.year)-\(two(delivered.month))-\(two(delivered.day))"
                let name = "\(date)-\(two(delivered.hour))-\(two(delivered.minute))-\(two(delivered.second))-\(nameRandom.string(16, from: upperHex))"
                let fileFolder = folder + delivered.folder
                var text = ""
                for event in slice {
                    text += line(event, identity: identities[Int(event.identity)], owner: owner, olderFormat: olderFormat, rng: &rng)
                    text += "\n"
                }
                try output.createFolder(fileFolder)
                try output.write("\(fileFolder)/\(name)", Array(text.utf8))
                written.append("\(fileFolder)/\(name)")
            }
            start = end
        }
    }

    /// One line of the log.
    private func line(_ e: SimulatedEvent, identity: Identity, owner: String, olderFormat: Bool, rng: inout SimulationRandom) -> String {
        let client = clients[Int(e.client)]
        let logged = catalog.buckets[bucket]
        let copySource = Int(e.bucket) != bucket
        let key = copySource ? e.sourceKey : e.key
        let requestBucket = catalog.buckets[Int(e.bucket)]
        let time = CivilFields(e.time)
        let stamp = "[\(two(time.day))/\(AccessLogWriter.months[time.month - 1])/\(time.year):\(two(time.hour)):\(two(time.minute)):\(two(time.second)) +0000]"
        let size = e.bytesOut > 0 ? e.bytesOut : (e.bytesIn > 0 ? e.bytesIn : Int64(rng.int(in: 20_000...4_000_000)))
        var operation: String, uri: String, status = "200", error = "-", sent = "-", objectSize = "-"
        var keyField = AccessLogWriter.encode(key)
        switch e.operation {
        case _ where copySource:
            operation = "REST.COPY.OBJECT_GET"; uri = "PUT /\(AccessLogWriter.encode(e.key)) HTTP/1.1"; objectSize = String(size)
        case .getObject:
            operation = "REST.GET.OBJECT"; uri = "GET /\(AccessLogWriter.encode(key)) HTTP/1.1"; sent = String(size); objectSize = String(size)
        case .headObject:
            operation = "REST.HEAD.OBJECT"; uri = "HEAD /\(AccessLogWriter.encode(key)) HTTP/1.1"; objectSize = String(size)
        case .putObject:
            operation = "REST.PUT.OBJECT"; uri = "PUT /\(AccessLogWriter.encode(key)) HTTP/1.1"; objectSize = String(e.bytesIn)
        case .listObjects:
            operation = "REST.GET.BUCKET"
            uri = "GET /?list-type=2&prefix=\(AccessLogWriter.encode(key, keepSlash: false))" + (key.isEmpty ? "" : "&delimiter=%2F") + "&encoding-type=url HTTP/1.1"
            sent = String(rng.int(in: 1_200...48_000)); keyField = "-"
        case .deleteObject:
            operation = "REST.DELETE.OBJECT"; uri = "DELETE /\(AccessLogWriter.encode(key)) HTTP/1.1"; status = "204"
        default:
            operation = "REST.\(e.operation.name)"; uri = "GET /?\(e.operation.name) HTTP/1.1"; keyField = "-"
        }
        switch e.outcome {
        case .success: break
        case .accessDenied: status = "403"; error = "AccessDenied"; sent = "243"; objectSize = "-"
        case .noSuchKey: status = "404"; error = "NoSuchKey"; sent = "310"; objectSize = "-"
        case .noSuchBucket: status = "404"; error = "NoSuchBucket"; sent = "298"; objectSize = "-"
        }
        var authentication = "AuthHeader"
        if e.presigned {
            let date = "\(time.compactDate)T\(two(time.hour))\(two(time.minute))\(two(time.second))Z"
            let credential = (identity.accessKeyId ?? "-") + "%2F\(time.compactDate)%2Fus-east-1%2Fs3%2Faws4_request"
            uri = uri.replacingOccurrences(of: " HTTP/1.1", with: "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\(credential)"
                + "&X-Amz-Date=\(date)&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=\(rng.string(64, from: lowerHex)) HTTP/1.1")
            authentication = "QueryString"
        }
        let requester = identity.arn ?? "-"
        if requester == "-" { authentication = "-" }
        let turnaround = rng.int(in: 4...40)
        let total = turnaround + (sent == "-" ? rng.int(in: 0...12) : Int((Int64(sent) ?? 0) / 25_000))
        var fields = [
            owner, logged.name, stamp, client.sourceIP, requester, rng.string(16, from: upperHex), operation, keyField.isEmpty ? "-" : keyField,
            "\"\(uri)\"", status, error, sent, objectSize, String(total), String(turnaround), "\"-\"", "\"\(client.userAgent)\"", "-",
            rng.string(76, from: base64Alphabet), "SigV4", client.cipherSuite, authentication, "\(requestBucket.name).s3.\(requestBucket.region.name).amazonaws.com",
            client.tlsVersion, "-",
        ]
        if !olderFormat { fields += ["-", client.fromAWS ? logged.region.name : "-"] }
        return fields.joined(separator: " ")
    }

    /// Month abbreviations of the log's time stamp.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// URL-encodes a key as the log writes it (unreserved characters and, in paths, `/` stay as they are).
    static func encode(_ text: String, keepSlash: Bool = true) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out += "/"
            default:
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(upperHex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(upperHex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
