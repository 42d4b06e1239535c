/// `--crowd N`: N more benign principals, so the logs have the cardinality of a large organisation —
/// thousands of principals and tens of thousands of source addresses — while every one of them keeps
/// steady habits a hunt learns from the first days.
///
/// Six in ten are people (IAM users working weekdays at the hours of their time zone, from an office
/// address, a home address and, for half of them, a larger stable pool of mobile or VPN exits); four in
/// ten are workloads (roles of the logged account or of the organisation's other accounts, running at a
/// few fixed hours every day through a VPC endpoint or a NAT gateway). Members are a pure function of the
/// seed and their number: the same seed and size give the same crowd.
struct Crowd {
    /// The organisation's accounts besides the logged one that crowd principals may belong to (listed as
    /// own accounts in `config.s3hound.toml` when the crowd is not empty).
    static let otherAccounts = ["234567890123", "345678901234", "456789012345"]

    /// How a member behaves.
    enum Habit {
        /// An IAM user: weekdays, working hours, a few usual addresses.
        case person
        /// A role's sessions: the same few hours every day, from one to three addresses.
        case workload
    }

    /// One principal of the crowd.
    struct Member {
        let habit: Habit
        /// The member's IAM user, as an index into the fixed identities (people).
        let user: Int32
        /// The member's role (workloads).
        let role: RoleDefinition?
        /// The account the member belongs to.
        let account: String
        /// The member's usual clients, one per address: indexes into the population's clients.
        let clients: [Int32]
        /// Hours (UTC) a person works, or hours a workload's runs start.
        let hours: [Int]
        /// Catalog buckets the member reads and writes.
        let buckets: [Int]
        /// The user name or role name (keys the member uploads are filed under it).
        let name: String
        /// Workloads: the start of every session name (the SDK's default), followed by the creation time.
        let sessionPrefix: String
    }

    let members: [Member]
    /// The people's IAM users, in member order (appended to the fixed identities).
    let identities: [Identity]
    /// Every member's clients, in member order (appended to the population's clients).
    let clients: [Client]

    /// An empty crowd.
    init() { members = []; identities = []; clients = [] }

    /// Builds `size` members; their identities and clients get indexes from `firstIdentity` and `firstClient` on.
    init(size: Int, seed: UInt64, account: String, firstIdentity: Int32, firstClient: Int32) {
        var members: [Member] = [], identities: [Identity] = [], clients: [Client] = []
        var names = Set<String>()
        var addresses = AddressPlan(seed: seed)
        members.reserveCapacity(size)
        for number in 0..<size {
            var rng = SimulationRandom(seed: seed, stream: "crowd-member", Int64(number))
            let memberAccount = rng.chance(0.7) ? account : Crowd.otherAccounts[rng.below(Crowd.otherAccounts.count)]
            let firstClientOfMember = firstClient + Int32(clients.count)
            if rng.chance(0.6) {
                let name = Crowd.uniqueName(&rng, &names, Crowd.personName)
                let userAgent = Crowd.personAgents[rng.below(Crowd.personAgents.count)]
                var ips: [String] = []
                if rng.chance(0.7) { ips.append(addresses.office(rng.below(AddressPlan.offices))) }
                for _ in 0..<(rng.chance(0.8) ? (rng.chance(0.15) ? 2 : 1) : 0) { ips.append(addresses.person()) }
                if rng.chance(0.5) || ips.isEmpty {
                    for _ in 0..<rng.int(in: 10...60) { ips.append(addresses.person()) }
                }
                clients += ips.map { Client(sourceIP: $0, userAgent: userAgent) }
                let zone = Crowd.timeZones[rng.weighted(Crowd.timeZones.map(\.weight))]
                let start = rng.int(in: zone.start)
                let hours = Array(start..<min(start + rng.int(in: 7...10), 24))
                identities.append(.iamUser(account: memberAccount, userName: name, principalId: "AIDA" + rng.string(17, from: keyIdAlphabet),
                                           accessKeyId: "AKIA" + rng.string(16, from: keyIdAlphabet)))
                members.append(Member(habit: .person, user: firstIdentity + Int32(identities.count - 1), role: nil, account: memberAccount,
                                      clients: (0..<Int32(ips.count)).map { firstClientOfMember + $0 }, hours: hours,
                                      buckets: Crowd.pickBuckets(&rng, count: rng.int(in: 2...4)), name: name, sessionPrefix: ""))
            } else {
                let name = Crowd.uniqueName(&rng, &names, Crowd.workloadName)
                let agent = Crowd.workloadAgents[rng.below(Crowd.workloadAgents.count)]
                let throughEndpoint = rng.chance(0.5)
                let count = rng.int(in: 1...3)
                for _ in 0..<count {
                    clients.append(throughEndpoint
                        ? Client(sourceIP: addresses.privateAddress(), userAgent: agent.userAgent, vpcEndpoint: Population.vpcEndpoint, account: memberAccount)
                        : Client(sourceIP: addresses.natGateway(), userAgent: agent.userAgent, fromAWS: true))
                }
                var hours = Set<Int>()
                for _ in 0..<rng.int(in: 1...4) { hours.insert(rng.below(24)) }
                let role = RoleDefinition(name: name, roleId: "AROA" + rng.string(17, from: keyIdAlphabet))
                members.append(Member(habit: .workload, user: -1, role: role, account: memberAccount,
                                      clients: (0..<Int32(count)).map { firstClientOfMember + $0 }, hours: hours.sorted(),
                                      buckets: Crowd.pickBuckets(&rng, count: rng.int(in: 1...3)), name: name, sessionPrefix: agent.sessionPrefix))
            }
        }
        self.members = members; self.identities = identities; self.clients = clients
    }

    /// The members' distinct source addresses.
    var distinctAddresses: Int { Set(clients.map(\.sourceIP)).count }

    // MARK: Names

    private static func uniqueName(_ rng: inout SimulationRandom, _ taken: inout Set<String>,
                                   _ make: (inout SimulationRandom) -> String) -> String {
        let base = make(&rng)
        var name = base, suffix = 2
        while !taken.insert(name).inserted { name = "\(base)\(suffix)"; suffix += 1 }
        return name
    }

    private static func personName(_ rng: inout SimulationRandom) -> String {
        "\(firstNames[rng.below(firstNames.count)]).\(lastNames[rng.below(lastNames.count)])"
    }

    private static func workloadName(_ rng: inout SimulationRandom) -> String {
        "\(teams[rng.below(teams.count)])-\(jobs[rng.below(jobs.count)])"
    }

    private static let firstNames = [
        "maria", "james", "wei", "fatima", "olga", "david", "aisha", "kenji", "lucas", "sofia", "ahmed", "emma", "ivan", "priya",
        "noah", "chloe", "mateo", "yuki", "omar", "anna", "liam", "zara", "pavel", "ines", "samuel", "mei", "hannah", "diego",
        "amara", "felix", "nora", "arjun", "elena", "tariq", "julia", "ravi", "sara", "jonas", "leila", "marco",
    ]
    private static let lastNames = [
        "garcia", "smith", "chen", "khan", "petrova", "cohen", "okafor", "tanaka", "silva", "rossi", "hassan", "martin", "novak",
        "sharma", "brown", "dubois", "lopez", "sato", "ali", "schmidt", "murphy", "nguyen", "kowalski", "santos", "mensah",
        "wang", "muller", "fernandez", "adeyemi", "larsen", "patel", "kim", "ortiz", "fischer", "ivanova", "berg", "costa",
    ]
    private static let teams = [
        "payments", "search", "billing", "identity", "catalog", "orders", "fraud", "marketing", "reporting", "ml", "data",
        "logistics", "support", "growth", "risk", "pricing", "inventory", "mobile", "web", "platform",
    ]
    private static let jobs = [
        "etl", "exporter", "indexer", "reconciler", "ingest", "thumbnailer", "scorer", "archiver", "sync", "aggregator",
        "snapshotter", "feature-store", "report-builder", "importer", "compactor",
    ]

    // MARK: Habits

    /// Time zones people work in: the first hour (UTC) of their day, and their share of the crowd.
    private static let timeZones: [(start: ClosedRange<Int>, weight: Double)] = [
        (6...8, 0.35),   // Europe
        (12...14, 0.35), // US east
        (15...16, 0.2),  // US west
        (0...2, 0.1),    // Asia-Pacific
    ]

    /// The data buckets crowd members work in (never the canary, the trail's own bucket or the backups).
    private static let dataBuckets = [Catalog.sensitiveData, Catalog.customerRecords, Catalog.financeReports, Catalog.appArtifacts,
                                      Catalog.euArchive]

    private static func pickBuckets(_ rng: inout SimulationRandom, count: Int) -> [Int] {
        var pool = dataBuckets, picked: [Int] = []
        for _ in 0..<min(count, pool.count) { picked.append(pool.remove(at: rng.below(pool.count))) }
        return picked
    }

    /// People's clients (none of them a bulk-download or attack tool).
    private static let personAgents = [
        "aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/s3.cp",
        "aws-cli/2.13.25 Python/3.11.5 Windows/10 exe/AMD64 prompt/off command/s3.cp",
        "aws-cli/2.15.17 Python/3.11.6 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/s3.ls",
        "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/macos#23.3.0 md/arch#arm64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51",
        "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.219-186.866.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 vendor/Oracle_Corporation cfg/retry-mode/standard]",
        "aws-sdk-java/2.25.11 Linux/6.1.79-99.164.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
    ]

    /// Workloads' SDKs, with the session name each uses by default.
    private static let workloadAgents: [(userAgent: String, sessionPrefix: String)] = [
        ("Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.51", "botocore-session-"),
        ("aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/s3#1.51.4", "aws-go-sdk-"),
        ("aws-sdk-java/2.20.162 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS Java/11.0.22 vendor/Amazon.com_Inc. exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/legacy", "aws-sdk-java-"),
        ("aws-sdk-js/3.523.0 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 lang/js md/nodejs#20.11.1 api/s3#3.523.0 exec-env/AWS_ECS_FARGATE", "aws-sdk-js-"),
    ]
}

/// Hands out the crowd's addresses: distinct for every call, a pure function of the seed and the call's number.
///
/// Public addresses come from first octets no fixed actor, attacker or threat-list entry uses; the rest of
/// the address is the address's number multiplied by an odd constant modulo 2^24, which never repeats.
struct AddressPlan {
    /// Offices: each has one NAT address that all its people share.
    static let offices = 24
    private let offset: UInt32
    private var people = 0, gateways = 0, privates = 0

    init(seed: UInt64) { offset = UInt32(truncatingIfNeeded: SimulationRandom.mix(seed, 0xC40D)) & 0xFF_FFFF }

    /// Residential, mobile and VPN-provider networks.
    private static let publicOctets: [UInt32] = [24, 47, 50, 66, 67, 68, 69, 71, 72, 73, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 86,
                                                 87, 88, 90, 92, 93, 94, 95, 96, 97, 98, 99, 109, 176, 178, 188, 212, 213, 217]
    /// Networks of AWS's public addresses (NAT gateways).
    private static let awsOctets: [UInt32] = [3, 18, 35, 44, 54]

    private func address(_ number: Int, octets: [UInt32], salt: UInt32) -> String {
        let first = octets[number % octets.count]
        let rest = (UInt32(number / octets.count) &* 0x9E_3779 &+ offset &+ salt) & 0xFF_FFFF
        return "\(first).\(rest >> 16).\((rest >> 8) & 0xFF).\(rest & 0xFF)"
    }

    /// The NAT address of office `index` (the first addresses of the people's networks).
    func office(_ index: Int) -> String { address(index, octets: Self.publicOctets, salt: 0) }

    /// A person's own address (home, mobile, VPN exit).
    mutating func person() -> String {
        defer { people += 1 }
        return address(Self.offices + people, octets: Self.publicOctets, salt: 0)
    }

    /// A NAT gateway's public address.
    mutating func natGateway() -> String {
        defer { gateways += 1 }
        return address(gateways, octets: Self.awsOctets, salt: 0x51_7A7E)
    }

    /// A private address in the VPC (calls through the VPC endpoint), outside the fixed actors' 10.0.0.0/16.
    mutating func privateAddress() -> String {
        defer { privates += 1 }
        let number = privates + 256
        return "10.\(100 + (number >> 16)).\((number >> 8) & 0xFF).\(number & 0xFF)"
    }
}
