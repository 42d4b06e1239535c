/// The benign population a simulation writes.
public enum SimulatedPopulation: String, CaseIterable, Sendable, Codable {
    /// The developers, batch jobs, CI and CloudTrail of the first simulator, byte for byte: hunts need no configuration.
    case classic
    /// `classic` plus what a larger organisation runs: the nightly backup also copies into DR account
    /// 555566667777 (trusted in `config.s3hound.toml`, written next to the logs with a threat list), a
    /// web-server EC2 role reading the public website bucket every hour from its NAT address, and a
    /// report-exporter role whose presigned links are opened from the office every day.
    case organisation
}
