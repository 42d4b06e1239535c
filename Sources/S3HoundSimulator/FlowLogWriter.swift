import S3HoundSources

/// Writes a day of VPC Flow Logs as S3 delivers them: one gzipped file per hour,
/// `AWSLogs/<acct>/vpcflowlogs/<region>/YYYY/MM/DD/<acct>_vpcflowlogs_<region>_<fl-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz`,
/// each starting with the custom format's header line.
///
/// The batch jobs' and the web server's traffic to S3 is derived from their S3 calls of the day (bytes read come
/// in, bytes written go out); the website, the build instance, scanners and idle interfaces add the rest.
struct FlowLogWriter {
    let output: FileOutput
    let account: String
    let seed: UInt64
    let scale: Double
    let compressionLevel: Int32
    /// Files written, in order.
    private(set) var written: [String] = []
    /// The attack's egress records (from the build instance to the Tor exit), for the ground truth.
    private(set) var attackEgress: [FlowLogRecord] = []

    /// The attacker's channel: the build instance's reverse shell to the same Tor exit the S3 reads come from.
    static let exfilDestination = Population.torExitIP
    static let exfilPort = 443

    init(output: FileOutput, account: String, seed: UInt64, scale: Double, compressionLevel: Int32) {
        self.output = output; self.account = account; self.seed = seed; self.scale = scale; self.compressionLevel = compressionLevel
    }

    /// Writes the day's flow logs. `attack` is the attack's first and last event time on the attack day.
    mutating func write(_ day: DayPlan, firstDay: Bool, attack: (start: Int64, end: Int64)?) throws {
        var rng = SimulationRandom(seed: seed, stream: "flow-logs", day.dayStart)
        var records = fromS3Calls(day.events, rng: &rng)
        records += noise(day, firstDay: firstDay, rng: &rng)
        if let attack {
            let (shell, egress) = exfiltration(attack, rng: &rng)
            records += shell + egress
            attackEgress = (shell + egress).filter { $0.direction == "egress" }.sorted { $0.start < $1.start }
        }
        records.sort { ($0.start, $0.interface.interfaceId, $0.direction) < ($1.start, $1.interface.interfaceId, $1.direction) }
        var start = records.startIndex
        while start < records.endIndex {
            let hour = records[start].start.floorDivided(by: 3600)
            var end = start
            while end < records.endIndex, records[end].start.floorDivided(by: 3600) == hour { end += 1 }
            var nameRandom = SimulationRandom(seed: seed, stream: "flow-log-file", hour)
            let delivered = CivilFields(hour * 3600 + 3600 + Int64(nameRandom.int(in: 240...600)))
            let folder = "AWSLogs/\(account)/vpcflowlogs/us-east-1/\(delivered.folder)"
            let name = "\(account)_vpcflowlogs_us-east-1_\(Network.flowLogId)_\(delivered.minuteStamp)_\(nameRandom.string(8, from: lowerHex)).log.gz"
            var text = FlowLogRecord.header + "\n"
            for record in records[start..<end] { text += record.line(account: account); text += "\n" }
            try output.createFolder(folder)
            try output.write("\(folder)/\(name)", try GzipEncoder.compress(Array(text.utf8), level: compressionLevel))
            written.append("\(folder)/\(name)")
            start = end
        }
    }

    /// Traffic between the VPC's hosts and S3, minute by minute, from the S3 calls they made.
    private func fromS3Calls(_ events: [SimulatedEvent], rng: inout SimulationRandom) -> [FlowLogRecord] {
        struct Minute { var requests: Int64 = 0, read: Int64 = 0, written: Int64 = 0 }
        var minutes: [Int64: [Int32: Minute]] = [:]
        for event in events where event.operation.isS3 {
            guard Network.host(ofClient: event.client) != nil else { continue }
            let minute = event.time.floorDivided(by: 60)
            var entry = minutes[minute, default: [:]][event.client, default: Minute()]
            entry.requests += 1; entry.read += event.bytesOut; entry.written += event.bytesIn
            minutes[minute, default: [:]][event.client] = entry
        }
        var records: [FlowLogRecord] = []
        for minute in minutes.keys.sorted() {
            for client in minutes[minute]!.keys.sorted() {
                let entry = minutes[minute]![client]!, host = Network.host(ofClient: client)!
                let remote = Network.s3Addresses[rng.below(Network.s3Addresses.count)]
                let path = client == Population.webServerNAT ? "1" : "7"
                records += FlowLogRecord.exchange(host, with: remote, port: 443, localPort: rng.int(in: 32_768...60_999),
                                                  sent: entry.written + entry.requests * 1_100, received: entry.read + entry.requests * 650,
                                                  start: minute * 60, end: minute * 60 + 60, path: path, service: "S3")
            }
        }
        return records
    }

    /// A day of everything else: website traffic, the database, the build instance's fetches, scanners, idle interfaces.
    private func noise(_ day: DayPlan, firstDay: Bool, rng: inout SimulationRandom) -> [FlowLogRecord] {
        var records: [FlowLogRecord] = []
        let weekday = CivilFields.weekday(dayStart: day.dayStart) < 5
        func volume(_ range: ClosedRange<Int>) -> Int { rng.roundStochastically(Double(rng.int(in: range)) * scale) }
        for hour in 0..<24 {
            let hourStart = day.dayStart + Int64(hour) * 3600
            func window() -> (Int64, Int64) { let s = hourStart + Int64(rng.below(3540)); return (s, s + 60) }
            // Visitors of the website: small requests in, pages out, through the load balancer.
            for _ in 0..<volume(4...12) {
                let (s, e) = window(), client = Network.websiteClients[rng.below(Network.websiteClients.count)]
                records += FlowLogRecord.exchange(Network.loadBalancer, with: client, port: rng.int(in: 32_768...60_999), localPort: 443,
                                                  sent: Int64(rng.int(in: 20_000...900_000)), received: Int64(rng.int(in: 800...6_000)),
                                                  start: s, end: e, path: "8")
            }
            // The load balancer to the web server, the web server to its database.
            let (s, e) = window()
            records += FlowLogRecord.exchange(Network.loadBalancer, with: Network.webServer.privateAddress, port: 8080,
                                              localPort: rng.int(in: 32_768...60_999), sent: Int64(rng.int(in: 5_000...60_000)),
                                              received: Int64(rng.int(in: 200_000...4_000_000)), start: s, end: e, path: "1")
            records += FlowLogRecord.exchange(Network.webServer, with: Network.database.privateAddress, port: 5432,
                                              localPort: rng.int(in: 32_768...60_999), sent: Int64(rng.int(in: 4_000...40_000)),
                                              received: Int64(rng.int(in: 30_000...900_000)), start: s, end: e, path: "1")
            // The build instance fetches sources and packages during the working day.
            if weekday, (8..<18).contains(hour) {
                for _ in 0..<volume(1...4) {
                    let (s, e) = window()
                    records += FlowLogRecord.exchange(Network.buildHost, with: Network.buildUpstreams[rng.below(Network.buildUpstreams.count)],
                                                      port: 443, localPort: rng.int(in: 32_768...60_999), sent: Int64(rng.int(in: 8_000...250_000)),
                                                      received: Int64(rng.int(in: 2_000_000...90_000_000)), start: s, end: e, path: "8")
                }
            }
            // The report exporter's Lambda interface is idle outside its morning run.
            if hour != 7 {
                records.append(FlowLogRecord(interface: Network.reportLambda, source: "-", destination: "-", sourcePort: 0, destinationPort: 0,
                                             packets: 0, bytes: 0, start: hourStart + 600, end: hourStart + 660, logStatus: "NODATA", direction: "-"))
            }
        }
        // Scanners: probes the bastion answers (port 22 is open) and probes the build instance's group rejects.
        for _ in 0..<max(1, volume(3...10)) {
            let s = day.dayStart + Int64(rng.below(86_340))
            let scanner = Network.scanners[rng.below(Network.scanners.count)]
            let open = rng.chance(0.5)
            let target = open ? Network.bastion : Network.buildHost
            records.append(FlowLogRecord(interface: target, source: scanner, destination: target.privateAddress, sourcePort: rng.int(in: 1_024...65_535),
                                         destinationPort: open ? 22 : [23, 3389, 445][rng.below(3)], packets: 1, bytes: 44 + Int64(rng.below(20)),
                                         start: s, end: s + 60, action: open ? "ACCEPT" : "REJECT", direction: "ingress"))
        }
        if firstDay {
            // A capture window the flow-log service could not record (an awkward line for readers).
            records.append(FlowLogRecord(interface: Network.webServer, source: "-", destination: "-", sourcePort: 0, destinationPort: 0,
                                         packets: 0, bytes: 0, start: day.dayStart + 3 * 3600, end: day.dayStart + 3 * 3600 + 60,
                                         logStatus: "SKIPDATA", direction: "-"))
        }
        return records
    }

    /// The build instance's reverse shell to the Tor exit (small, from 50 minutes before the reads) and, during
    /// the reads, about 1.3 GB of the build workspace sent over it minute by minute.
    private func exfiltration(_ attack: (start: Int64, end: Int64), rng: inout SimulationRandom) -> (shell: [FlowLogRecord], egress: [FlowLogRecord]) {
        let host = Network.buildHost, tor = FlowLogWriter.exfilDestination, port = FlowLogWriter.exfilPort
        var shell: [FlowLogRecord] = []
        let shellPort = rng.int(in: 40_000...60_999)
        var t = attack.start - 50 * 60
        while t < attack.end + 10 * 60 {
            shell += FlowLogRecord.exchange(host, with: tor, port: port, localPort: shellPort, sent: Int64(rng.int(in: 1_500...9_000)),
                                            received: Int64(rng.int(in: 800...4_000)), start: t, end: t + 60, path: "8")
            t += Int64(rng.int(in: 240...360))
        }
        var egress: [FlowLogRecord] = []
        let exfilPort = rng.int(in: 40_000...60_999)
        var minute = (attack.start + 4 * 60).floorDivided(by: 60) * 60
        let last = attack.end - 7 * 60
        while minute <= last {
            let sent = Int64(rng.int(in: 12_000_000...24_000_000))
            egress += FlowLogRecord.exchange(host, with: tor, port: port, localPort: exfilPort, sent: sent, received: sent / 64,
                                             start: minute, end: minute + 60, path: "8")
            minute += 60
        }
        return (shell, egress)
    }
}
