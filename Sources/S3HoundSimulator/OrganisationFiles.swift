/// The files an organisation keeps next to its logs, written with the organisation population: the hunt
/// configuration (own and trusted accounts, threat list, canaries) and a Tor exit list. Hunts skip both.
public enum OrganisationFiles {
    /// The configuration: hunt a scenario with `s3hound hunt DIR --config DIR/config.s3hound.toml`.
    public static let configFileName = "config.s3hound.toml"
    /// The threat list the configuration names (relative to it).
    public static let threatListFileName = "tor-exits.s3hound.txt"

    /// The configuration text for the simulated account; `otherAccounts` (the crowd's) are ours too.
    static func config(account: String, otherAccounts: [String] = []) -> String {
        let own = ([account] + otherAccounts).map { "\"\($0)\"" }.joined(separator: ", ")
        let crowdNote = otherAccounts.isEmpty ? "" : "# The crowd's principals also belong to the organisation's other accounts.\n"
        return """
        # Written by s3hound simulate: the configuration this organisation keeps next to its logs.
        # Hunt with: s3hound hunt DIR --config DIR/\(configFileName)

        [accounts]
        \(crowdNote)own = [\(own)]
        # The nightly backup copies into the DR account's bucket.
        trusted = ["\(Catalog.drAccount)"]

        [network]
        threat_lists = ["\(threatListFileName)"]

        [detections]
        canaries = ["\(Catalog.decoyBucketName)"]

        """
    }

    /// A few Tor exit addresses and networks, one a line.
    static let threatList = """
        # Tor exit nodes (excerpt), one address or network a line.
        185.220.101.0/24
        185.220.100.240/29
        171.25.193.77
        199.249.230.0/24
        2a0b:f4c2::/40

        """
}
