/// GuardDuty detectors and their S3 protection (the `S3_DATA_EVENTS` feature).
///
/// Contract: `s3ProtectionStatus` answers `ENABLED` or `DISABLED`; a detector that predates features and
/// reports only `DataSources.S3Logs` is answered from that.
public protocol ThreatDetectorManaging: Sendable {
    /// The region's detector ids (GuardDuty ListDetectors); empty when GuardDuty is off.
    func detectorIds() async throws -> [String]
    /// `ENABLED` or `DISABLED` (GuardDuty GetDetector).
    func s3ProtectionStatus(detector: String) async throws -> String
    /// Turns S3 protection on or off (GuardDuty UpdateDetector, feature `S3_DATA_EVENTS`).
    func setS3ProtectionStatus(_ status: String, detector: String) async throws
}
