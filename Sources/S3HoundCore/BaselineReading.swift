/// Read access to what S3Hound learned about principals, for detections that judge a principal against its own past.
///
/// Contract:
/// - Answers come only from history the user gave S3Hound — logs learned into a store with
///   `s3hound baseline learn`, or the baseline part of a hunt's input — never from the events being judged,
///   unless the caller built the baseline from them.
/// - `profile(for:)` returns nil for a principal never seen; callers treat that as "no history", not as "normal".
/// - Answers do not change while a caller uses them in one analysis, and every method may be called from
///   any thread.
/// - Reading does not throw: a store that cannot be read fails when it is opened, not here.
public protocol BaselineReading: Sendable {
    /// The principal's profile, or nil when the principal was never seen.
    func profile(for principal: String) -> PrincipalProfile?

    /// Principals that read objects from `bucket` with GetObject, with when and how often.
    func readers(ofBucket bucket: String) -> [String: TermHistory]

    /// Every principal with a profile, sorted.
    func principals() -> [String]
}
