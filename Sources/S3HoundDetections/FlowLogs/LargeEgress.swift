import S3HoundCore

/// An interface of ours sending a large volume to one outside address within a window (VPC Flow Logs).
public struct LargeEgress: Detection {
    public static let metadata = DetectionMetadata(
        id: "flowlogs.large-egress",
        title: "Large egress from an instance to an outside address",
        severity: .medium,
        techniques: [.t1048, .t1530],
        guardDutyEquivalent: "Behavior:EC2/TrafficVolumeUnusual",
        falsePositives: [
            "Backups, replication or uploads to a vendor outside AWS: add the vendor's range to allowed_cidrs",
            "Traffic to AWS services through the internet: give AWS's ip-ranges.json with --aws-ip-ranges so AWS addresses are not counted",
            "Busy web servers answering clients send much data outward: raise egress_bytes for them or suppress the instance",
        ],
        triage: "Which instance sent it, to where, and when? Compare with S3 reads by the instance's role session in the same minutes; an outside destination that is also the S3 caller's address ties the two.")

    /// Creates the detection.
    public init() {}

    public func findings(in activity: ActivityAccumulator, windows: AnalysisWindows) -> [Finding] {
        let configuration = activity.configuration
        let windowMinutes = max(1, configuration.egressWindowSeconds / 60)
        var findings: [Finding] = []
        for (key, minutes) in activity.egress {
            let inWindow = minutes.filter { windows.window.contains($0.value.first) }.sorted { $0.key < $1.key }
            guard !inWindow.isEmpty else { continue }
            // Sliding window over minutes; report each stretch that crosses the threshold once, merged.
            var start = 0, sum: Int64 = 0
            var stretch: (from: Int, to: Int, peak: Int64)?
            var stretches: [(from: Int, to: Int, peak: Int64)] = []
            for end in inWindow.indices {
                sum += inWindow[end].value.bytes
                while inWindow[end].key - inWindow[start].key >= windowMinutes { sum -= inWindow[start].value.bytes; start += 1 }
                if sum >= configuration.egressByteThreshold {
                    if let open = stretch, start <= open.to + 1 {
                        stretch = (open.from, end, max(open.peak, sum))
                    } else {
                        if let open = stretch { stretches.append(open) }
                        stretch = (start, end, sum)
                    }
                }
            }
            if let open = stretch { stretches.append(open) }
            for stretch in stretches {
                let slice = inWindow[stretch.from...stretch.to].map(\.value)
                var total = EgressMinute(bytes: 0, packets: 0, flows: 0, first: slice[0].first, last: slice[0].last)
                for minute in slice { total.merge(minute) }
                findings.append(finding(key: key, total: total, peak: stretch.peak, configuration: configuration))
            }
        }
        return findings.sorted { $0.firstEvent < $1.firstEvent }
    }

    private func finding(key: EgressKey, total: EgressMinute, peak: Int64, configuration: DetectionConfiguration) -> Finding {
        let subject = key.instanceId.isEmpty ? (key.interfaceId.isEmpty ? key.sourceAddress : key.interfaceId) : key.instanceId
        let window = TimeExpression.formatDuration(configuration.egressWindowSeconds)
        let from = key.sourceAddress.isEmpty ? "" : " (\(key.sourceAddress)\(key.interfaceId.isEmpty || key.instanceId.isEmpty ? "" : ", \(key.interfaceId)"))"
        let explanation = "\(subject)\(from) sent \(ByteCount.format(total.bytes)) in \(ByteCount.grouped(Int(total.packets))) packets to \(key.destination), "
            + "\(total.first.reportMinute) to \(total.last.reportMinute) UTC; up to \(ByteCount.format(peak)) within \(window), over the \(ByteCount.format(configuration.egressByteThreshold)) egress threshold. "
            + "The destination is outside our networks and outside AWS."
        var finding = self.finding(principal: Self.principal(instanceId: key.instanceId, interfaceId: key.interfaceId, address: key.sourceAddress),
                                   first: EventReference(time: total.first, eventID: "flow:\(key.interfaceId):\(total.first.secondsSinceEpoch)"),
                                   last: EventReference(time: total.last, eventID: "flow:\(key.interfaceId):\(total.last.secondsSinceEpoch)"),
                                   requests: total.flows, explanation: explanation)
        finding.bytesOut = total.bytes
        finding.evidence = [
            "destination": key.destination, "bytes": String(total.bytes), "packets": String(total.packets), "flows": String(total.flows),
            "peakWindowBytes": String(peak), "threshold": String(configuration.egressByteThreshold), "window": window,
        ]
        if !key.instanceId.isEmpty { finding.evidence["instanceId"] = key.instanceId }
        if !key.interfaceId.isEmpty { finding.evidence["interfaceId"] = key.interfaceId }
        if !key.sourceAddress.isEmpty { finding.evidence["sourceAddress"] = key.sourceAddress }
        return finding
    }

    /// The name egress findings are grouped under: the instance, else the interface, else the address.
    public static func principal(instanceId: String, interfaceId: String, address: String) -> String {
        if !instanceId.isEmpty { return "ec2-instance:" + instanceId }
        if !interfaceId.isEmpty { return "network-interface:" + interfaceId }
        return "address:" + address
    }
}

extension LargeEgress {
    public static var cases: [DetectionCase] {
        func flow(_ at: String, to destination: String, bytes: Int64, direction: String? = "egress", service: String? = nil, action: String = "ACCEPT") -> FlowRecord {
            let start = CaseEvents.time(at)
            return FlowRecord(version: 5, accountId: CaseEvents.account, interfaceId: "eni-0a1b2c3d4e5f60718", sourceAddress: "10.0.1.25",
                              destinationAddress: destination, sourcePort: 49152, destinationPort: 443, protocolNumber: 6,
                              packets: bytes / 1400, bytes: bytes, start: start, end: start.adding(seconds: 60), action: action,
                              logStatus: "OK", vpcId: "vpc-0123456789abcdef0", instanceId: "i-0fedcba9876543210",
                              packetDestinationAWSService: service, flowDirection: direction, trafficPath: 8)
        }
        let gib: Int64 = 1 << 30
        var allowed = DetectionConfiguration()
        allowed.allowedNetworks = IPNetworkSet([IPNetwork("198.51.100.0/24")!])
        return [
            .fires("a build instance sends 2 GiB to a Tor exit in ten minutes", flows: (0..<10).map {
                flow("2026-02-23T02:5\($0):00Z", to: "185.220.101.47", bytes: gib / 5)
            }),
            .fires("v2 records without a direction: private source, public destination", flows: (0..<3).map {
                flow("2026-02-23T02:5\($0):00Z", to: "185.220.101.47", bytes: gib / 4, direction: nil)
            }),
            .quiet("the same volume spread over a day stays under the hourly threshold", flows: (0..<24).map {
                flow(String(format: "2026-02-23T%02d:00:00Z", $0), to: "185.220.101.47", bytes: gib / 40)
            }),
            .quiet("2 GiB to S3 through the internet gateway (pkt-dst-aws-service S3)", flows: (0..<10).map {
                flow("2026-02-23T02:5\($0):00Z", to: "52.217.40.12", bytes: gib / 5, service: "S3")
            }),
            .quiet("2 GiB to the backup vendor's allowed range", configuration: allowed, flows: (0..<10).map {
                flow("2026-02-23T02:5\($0):00Z", to: "198.51.100.20", bytes: gib / 5)
            }),
            .quiet("rejected traffic and ingress are not egress", flows: (0..<10).map {
                flow("2026-02-23T02:5\($0):00Z", to: "185.220.101.47", bytes: gib / 5, action: "REJECT")
            } + (0..<10).map { flow("2026-02-23T03:1\($0):00Z", to: "185.220.101.47", bytes: gib / 5, direction: "ingress") }),
        ]
    }
}
