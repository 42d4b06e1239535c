import S3HoundCore

/// The built-in detections.
public enum DetectionCatalog {
    /// Every detection, in report order.
    public static let all: [any Detection] = [BulkDownload(), CrossAccountCopy(), NewSourceIP(), UnusualHour(),
                                               BucketEnumeration(), DeniedBurst(), MassDeletion(),
                                               NewUserAgentFamily(), PresignedURLNewIP(), InstanceCredentialsOutside(),
                                               KnownBadCaller(), AnonymousObjectAccess(), ForeignAccountCaller(),
                                               ReplicationToForeignAccount(), BatchOperationsJob(), DataSyncTask(),
                                               PolicyBackdoor(), PublicAccessBlockRelaxed(),
                                               SSECEncryption(), ForeignKMSKeyEncryption(), ShortLifecycleExpiration(),
                                               VersioningSuspended(), RansomNoteUpload(),
                                               TrailTampering(), AccessLoggingDisabled(), ThreatDetectionDisabled(),
                                               ToolUserAgent(), CredentialFilesRead(), DecoyTouched(),
                                               LargeEgress(), GuardDutyFinding(), MacieExposure()]

    /// The detections that pick events while reading.
    public static var eventDetections: [any EventDetection] { all.compactMap { $0 as? any EventDetection } }

    /// The detections over per-principal streams of calls in a sliding window.
    public static var streamDetections: [any StreamDetection] { all.compactMap { $0 as? any StreamDetection } }

    /// Looks a detection up by id.
    public static func detection(id: String) -> (any Detection)? { all.first { type(of: $0).metadata.id == id } }
}
