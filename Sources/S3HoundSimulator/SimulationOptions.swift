import S3HoundCore

/// What to simulate: the scenario, the period, the volume and the seed that makes it repeatable.
public struct SimulationOptions: Sendable {
    /// The story to tell.
    public var scenario: Scenario
    /// The seed: the same options and seed always write byte-identical files.
    public var seed: UInt64
    /// How many whole UTC days of logs to write; the attack happens on the last one.
    public var days: Int
    /// The end of the period (exclusive). A time that is not midnight extends the period to the end of its day.
    public var end: EventTime
    /// Multiplies every benign volume (1.0 ≈ 3,500 events a day).
    public var scale: Double
    /// Successful attack requests; nil uses the scenario's default.
    public var attackObjects: Int?
    /// The AWS account the logs belong to.
    public var account: String
    /// Which benign population to write; the catalog scenarios always use `.organisation`.
    public var population: SimulatedPopulation
    /// Extra benign principals (people and workloads, some in the organisation's other accounts) with steady
    /// habits and many addresses, for realistic cardinality; 0 writes the population alone.
    public var crowd: Int

    /// The default end of the period: 2026-02-24T00:00:00Z, so the attack happens on 2026-02-23.
    public static let defaultEnd = EventTime(secondsSinceEpoch: 1_771_891_200)

    /// Creates options; everything but the scenario has a default.
    public init(scenario: Scenario, seed: UInt64 = 1, days: Int = 21, end: EventTime = SimulationOptions.defaultEnd,
                scale: Double = 1.0, attackObjects: Int? = nil, account: String = "123456789012",
                population: SimulatedPopulation = .classic, crowd: Int = 0) {
        self.scenario = scenario; self.seed = seed; self.days = days; self.end = end
        self.scale = scale; self.attackObjects = attackObjects; self.account = account; self.population = population
        self.crowd = crowd
    }

    /// The largest `crowd`.
    public static let maximumCrowd = 100_000

    /// The population actually written: `.organisation` for every scenario but the first three, whatever was asked.
    public var effectivePopulation: SimulatedPopulation {
        Scenario.classicScenarios.contains(scenario) ? population : .organisation
    }

    /// The number of successful attack requests this run will write (0 for `benign`).
    public var effectiveAttackObjects: Int {
        scenario == .benign ? 0 : (attackObjects ?? scenario.defaultAttackObjects)
    }

    /// Midnight UTC of the first simulated day, in seconds since the epoch.
    var firstDayStart: Int64 { lastDayStart - Int64(days - 1) * 86_400 }

    /// Midnight UTC of the last simulated day (the day that holds `end` minus one millisecond).
    var lastDayStart: Int64 { (end.millisecondsSinceEpoch - 1).floorDivided(by: 86_400_000) * 86_400 }
}

extension Int64 {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
