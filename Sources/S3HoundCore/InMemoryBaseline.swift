/// A baseline held in memory: for tests, and for the baseline a hunt builds from the history in its own input.
public struct InMemoryBaseline: BaselineReading {
    /// Profiles by principal.
    public private(set) var profiles: [String: PrincipalProfile]
    /// Readers by bucket, derived from the profiles' buckets.
    public private(set) var readersByBucket: [String: [String: TermHistory]]

    /// Creates a baseline of these profiles (a principal given twice has its profiles merged).
    public init(profiles: [PrincipalProfile] = []) {
        var byPrincipal: [String: PrincipalProfile] = [:]
        for profile in profiles {
            if var existing = byPrincipal[profile.principal] {
                existing.merge(profile)
                byPrincipal[profile.principal] = existing
            } else {
                byPrincipal[profile.principal] = profile
            }
        }
        self.profiles = byPrincipal
        self.readersByBucket = Self.readers(of: byPrincipal.values)
    }

    /// An empty baseline: every principal is unknown.
    public static let empty = InMemoryBaseline()

    public func profile(for principal: String) -> PrincipalProfile? { profiles[principal] }

    public func readers(ofBucket bucket: String) -> [String: TermHistory] { readersByBucket[bucket] ?? [:] }

    public func principals() -> [String] { profiles.keys.sorted() }

    /// Bucket → principal → that principal's reads of the bucket.
    public static func readers<Profiles: Sequence>(of profiles: Profiles) -> [String: [String: TermHistory]] where Profiles.Element == PrincipalProfile {
        var readers: [String: [String: TermHistory]] = [:]
        for profile in profiles {
            for (bucket, history) in profile.buckets { readers[bucket, default: [:]][profile.principal] = history }
        }
        return readers
    }
}
