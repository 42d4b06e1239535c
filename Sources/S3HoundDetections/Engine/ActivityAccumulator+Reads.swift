import S3HoundCore

extension ActivityAccumulator {
    /// This accumulator's ledger and those merged into it.
    public var readLedgers: [ReadLedger] { [readLedger] + mergedLedgers }

    /// The per-minute detail of the reads `select` asks for, rebuilt from the ledgers in one pass: for each
    /// stream, `select` gives nil (none of its reads) or which minutes (minutes since the epoch) to take.
    public func readMinutes(select: (ReadStreamKey) -> ((Int64) -> Bool)?) -> [ReadStreamKey: [Int64: ReadMinute]] {
        var detail: [ReadStreamKey: [Int64: ReadMinute]] = [:]
        for ledger in readLedgers {
            let streams = ledger.streams
            let choices = streams.map(select)
            guard choices.contains(where: { $0 != nil }) else { continue }
            var minutes: [[Int64: ReadMinute]] = Array(repeating: [:], count: streams.count)
            ledger.forEach { read in
                guard let take = choices[Int(read.streamID)] else { return }
                let minute = read.time.minuteIndex
                guard take(minute) else { return }
                if let index = minutes[Int(read.streamID)].index(forKey: minute) {
                    minutes[Int(read.streamID)].values[index].add(read)
                } else {
                    minutes[Int(read.streamID)][minute] = ReadMinute(read)
                }
            }
            for (id, stream) in streams.enumerated() where !minutes[id].isEmpty {
                detail[stream, default: [:]].merge(minutes[id]) { $0.merge($1) }
            }
        }
        return detail
    }

    /// The per-minute detail of the reads of `principals` from `ips` between two minutes (inclusive).
    public func readMinutes(principals: Set<String>, ips: Set<String>, minutes: ClosedRange<Int64>) -> [ReadStreamKey: [Int64: ReadMinute]] {
        readMinutes { stream in
            principals.contains(stream.principal) && ips.contains(stream.sourceIP) ? { minutes.contains($0) } : nil
        }
    }

    /// Calls `body` with every read and its stream, ledger by ledger.
    public func forEachRead(_ body: (ReadStreamKey, LedgerRead) -> Void) {
        for ledger in readLedgers {
            let streams = ledger.streams
            ledger.forEach { body(streams[Int($0.streamID)], $0) }
        }
    }

    /// What went wrong keeping or reading back the reads' detail, if anything (for the run's notes).
    public var readLedgerProblems: [String] {
        var seen: Set<String> = []
        return readLedgers.flatMap { [$0.spillProblem, $0.readBackProblem].compactMap { $0 } }.filter { seen.insert($0).inserted }
    }
}
