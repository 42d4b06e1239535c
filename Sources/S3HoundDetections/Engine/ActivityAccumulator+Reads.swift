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

    /// Calls `body` with the baseline's reads of the streams `include` accepts, a clock hour or a minute at a
    /// time: whole hours from the hour counters, the hours in `edges` (those the baseline starts and ends in,
    /// which hour counters cannot judge whole) minute by minute from `detail`, each minute taken when its
    /// start lies in the baseline. `detail` must hold the `edges` minutes of those streams.
    func forEachBaselineRead(windows: AnalysisWindows, edges: Set<Int64>, detail: [ReadStreamKey: [Int64: ReadMinute]],
                             include: (ReadStreamKey) -> Bool = { _ in true },
                             _ body: (_ stream: ReadStreamKey, _ hour: Int64, _ counts: BaselineReadCounts) -> Void) {
        guard let baseline = windows.baseline else { return }
        for (stream, readStream) in readStreams where include(stream) {
            for (hour, tally) in readStream.hours where !edges.contains(hour) && baseline.contains(EventTime(secondsSinceEpoch: hour * 3600)) {
                body(stream, hour, BaselineReadCounts(reads: tally.reads, failed: tally.failed, bytesOut: tally.bytesOut, activeMinutes: tally.activeMinutes))
            }
        }
        for (stream, minutes) in detail where include(stream) {
            for (minute, tally) in minutes where edges.contains(minute.floorDiv(60)) && baseline.contains(EventTime(secondsSinceEpoch: minute * 60)) {
                body(stream, minute.floorDiv(60), BaselineReadCounts(reads: tally.reads, failed: tally.failed, bytesOut: tally.bytesOut, activeMinutes: 1))
            }
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

/// Reads of one stream in a clock hour of the baseline, or in one minute of an hour it starts or ends in.
struct BaselineReadCounts {
    var reads: Int
    var failed: Int
    var bytesOut: Int64
    var activeMinutes: Int
}
