import S3HoundCore

extension FlowRecord {
    /// False when the record's format carried no `start`/`end` (or they were `-`): its capture window is then the
    /// Unix epoch, not a real time.
    public var hasCaptureWindow: Bool { start.millisecondsSinceEpoch != 0 || end.millisecondsSinceEpoch != 0 }

    /// True when the traffic was accepted (`action` `ACCEPT`).
    public var isAccepted: Bool { action == "ACCEPT" }

    /// True when the record carries traffic (`log-status` `OK` or absent), not a `NODATA`/`SKIPDATA` marker.
    public var carriesTraffic: Bool { logStatus == nil || logStatus == "OK" }
}
