/// The people, jobs and services of the simulated account: who they are and where they call from.
///
/// Identities of IAM users and services are fixed for the whole simulation; role sessions are
/// created day by day (`DayPlan.register`), each with a new session name and `ASIA` key.
struct Population {
    // Fixed identities: their indexes in every day's identity table.
    static let jane: Int32 = 0, raj: Int32 = 1, lena: Int32 = 2, tom: Int32 = 3, cloudTrail: Int32 = 4, anonymous: Int32 = 5

    // Clients: indexes into `clients`.
    static let janeOffice: Int32 = 0, janeHome: Int32 = 1, janeOfficeListing: Int32 = 2, janeHomeListing: Int32 = 3
    static let rajVPN: Int32 = 4, lenaConsole: Int32 = 5, tomWorkstation: Int32 = 6, analyticsJob: Int32 = 7
    static let backupJob: Int32 = 8, ciRunner: Int32 = 9, cloudTrailService: Int32 = 10
    static let torDownloader: Int32 = 11, copyScript: Int32 = 12
    // Clients of the organisation population and the catalog scenarios.
    static let webServerNAT: Int32 = 13, reportExportJob: Int32 = 14, officeBrowser: Int32 = 15
    static let instanceThief: Int32 = 16, leakedLinkUser: Int32 = 17, anonymousScraper: Int32 = 18
    static let torBoto: Int32 = 19, attackerCLI: Int32 = 20
    /// curl signing with Raj's key (`--aws-sigv4`) from his VPN address; a vendor's ETL job in its own account.
    static let rajCurl: Int32 = 21, vendorETL: Int32 = 22

    /// developer-jane's long-term access key: the one the attacker steals.
    static let janeAccessKey = "AKIA5Q2R7HNB3KQTWXYZ"
    /// developer-jane's IAM user id (`principalId`).
    static let janePrincipalId = "AIDA5Q2R7HNB3JANEDEV1"
    /// The VPC endpoint the batch jobs use.
    static let vpcEndpoint = "vpce-0a1b2c3d4e5f6a7b8"
    /// The source IPs of the attacks (no benign caller ever uses them).
    static let torExitIP = "185.220.101.47", copyAttackerIP = "45.133.1.77"
    /// The public address of the NAT gateway the web servers call S3 through.
    static let webServerNATIP = "52.44.17.203"
    /// The EC2 instance whose role credentials are stolen in `stolen-instance-credentials`.
    static let webServerInstance = "i-0abc1234def567890"
    /// Attack addresses of the catalog scenarios.
    static let instanceThiefIP = "91.219.236.171", leakedLinkIP = "102.129.143.91", anonymousScraperIP = "167.94.138.35"
    static let torKnownBadIP = "185.220.101.182", attackerCLIIP = "45.133.1.90"
    /// developer-raj's VPN exit, where he always calls from.
    static let rajVPNIP = "203.0.113.77"
    /// The user agent of curl signing requests itself (`curl --aws-sigv4`).
    static let curlUserAgent = "curl/8.5.0"
    /// The address of the vendor's ETL job (an EC2 instance in the vendor's own account).
    static let vendorIP = "34.228.19.77"

    let account: String
    let fixedIdentities: [Identity]
    let clients: [Client]
    /// The extra principals of `--crowd` (their IAM users and clients come after the fixed ones).
    let crowd: Crowd
    let analyticsRole = RoleDefinition(name: "analytics-batch", roleId: "AROA5Q2R7HNB3ANLYTCS1")
    let backupRole = RoleDefinition(name: "nightly-backup", roleId: "AROA5Q2R7HNB3BCKUPNT2")
    let ciRole = RoleDefinition(name: "ci-deploy", roleId: "AROA5Q2R7HNB3CIDPLY03")
    let webServerRole = RoleDefinition(name: "web-server", roleId: "AROA5Q2R7HNB3WEBSRV05")
    let reportExporterRole = RoleDefinition(name: "report-exporter", roleId: "AROA5Q2R7HNB3RPTEXP06")

    init(account: String, crowd crowdSize: Int = 0, seed: UInt64 = 1) {
        self.account = account
        var fixedIdentities: [Identity] = [
            .iamUser(account: account, userName: "developer-jane", principalId: Population.janePrincipalId, accessKeyId: Population.janeAccessKey),
            .iamUser(account: account, userName: "developer-raj", principalId: "AIDA5Q2R7HNB3RAJDEV02", accessKeyId: "AKIA5Q2R7HNB3RJ4KD7M"),
            .iamUser(account: account, userName: "developer-lena", principalId: "AIDA5Q2R7HNB3LENADEV3", accessKeyId: "AKIA5Q2R7HNB3LN8QP2C"),
            .iamUser(account: account, userName: "developer-tom", principalId: "AIDA5Q2R7HNB3TOMDEV04", accessKeyId: "AKIA5Q2R7HNB3TM6VB9E"),
            .service("cloudtrail.amazonaws.com"),
            .anonymous(),
        ]
        var clients: [Client]
        let janeCLI = "aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/s3.cp"
        let janeList = "aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/s3.ls"
        clients = [
            Client(sourceIP: "203.0.113.10", userAgent: janeCLI),
            Client(sourceIP: "198.51.100.23", userAgent: janeCLI),
            Client(sourceIP: "203.0.113.10", userAgent: janeList),
            Client(sourceIP: "198.51.100.23", userAgent: janeList),
            Client(sourceIP: Population.rajVPNIP, userAgent: "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#6.5.0-1014-aws md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51"),
            Client(sourceIP: "198.51.100.140", userAgent: "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.219-186.866.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 vendor/Oracle_Corporation cfg/retry-mode/standard]"),
            Client(sourceIP: "198.51.100.201", userAgent: "aws-sdk-java/2.25.11 Linux/6.1.79-99.164.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy", tls13: false),
            Client(sourceIP: "10.0.1.25", userAgent: "aws-sdk-java/2.20.162 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS Java/11.0.22 vendor/Amazon.com_Inc. exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/legacy", vpcEndpoint: Population.vpcEndpoint, account: account),
            Client(sourceIP: "10.0.2.15", userAgent: "aws-cli/2.15.30 Python/3.11.8 Linux/5.10.210-201.852.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/s3.sync", vpcEndpoint: Population.vpcEndpoint, account: account),
            Client(sourceIP: "192.0.2.44", userAgent: "aws-cli/2.15.17 Python/3.11.6 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/s3.cp"),
            Client(sourceIP: "cloudtrail.amazonaws.com", userAgent: "cloudtrail.amazonaws.com", isService: true),
            Client(sourceIP: Population.torExitIP, userAgent: "aws-cli/2.13.5 Python/3.11.4 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/s3.cp"),
            Client(sourceIP: Population.copyAttackerIP, userAgent: "Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#6.1.0-13-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.57"),
            Client(sourceIP: Population.webServerNATIP, userAgent: "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/s3#1.51.4", fromAWS: true),
            Client(sourceIP: "10.0.3.40", userAgent: "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.51", vpcEndpoint: Population.vpcEndpoint, account: account),
            Client(sourceIP: "203.0.113.10", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36"),
            Client(sourceIP: Population.instanceThiefIP, userAgent: "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-25-generic exe/x86_64.ubuntu.22 prompt/off command/s3.cp"),
            Client(sourceIP: Population.leakedLinkIP, userAgent: "curl/8.5.0"),
            Client(sourceIP: Population.anonymousScraperIP, userAgent: "python-requests/2.31.0"),
            Client(sourceIP: Population.torKnownBadIP, userAgent: "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#6.5.0-1014-aws md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51"),
            Client(sourceIP: Population.attackerCLIIP, userAgent: "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/s3api"),
            Client(sourceIP: Population.rajVPNIP, userAgent: Population.curlUserAgent),
            Client(sourceIP: Population.vendorIP, userAgent: "aws-sdk-java/2.21.29 Linux/5.10.201-191.748.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS Java/17.0.9 vendor/Amazon.com_Inc. exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard"),
        ]
        crowd = crowdSize > 0
            ? Crowd(size: crowdSize, seed: seed, account: account, firstIdentity: Int32(fixedIdentities.count), firstClient: Int32(clients.count))
            : Crowd()
        fixedIdentities += crowd.identities
        clients += crowd.clients
        self.fixedIdentities = fixedIdentities
        self.clients = clients
    }
}

/// One UTC day being planned: its identities (fixed ones first, then role sessions) and its events.
struct DayPlan {
    /// Midnight UTC, seconds since the epoch.
    let dayStart: Int64
    private(set) var identities: [Identity]
    private(set) var events: [SimulatedEvent] = []
    /// The day's session of each role that keeps one all day (`web-server`, `report-exporter`), by role name.
    var sessions: [String: Int32] = [:]

    init(dayStart: Int64, population: Population) {
        self.dayStart = dayStart
        identities = population.fixedIdentities
    }

    /// Adds an identity (a role session) and returns its index.
    mutating func register(_ identity: Identity) -> Int32 {
        identities.append(identity)
        return Int32(identities.count - 1)
    }

    /// Removes the events `predicate` picks and returns them, in order (the rest keep theirs).
    mutating func removeEvents(where predicate: (SimulatedEvent) -> Bool) -> [SimulatedEvent] {
        let removed = events.filter(predicate)
        if !removed.isEmpty { events.removeAll(where: predicate) }
        return removed
    }

    /// Adds an event; events keep the order they were planned in when their times are equal.
    mutating func add(_ event: SimulatedEvent) {
        var event = event
        precondition(event.time >= dayStart && event.time < dayStart + 86_400, "event outside its day")
        event.sortKey = UInt64(event.region.rawValue) << 60 | UInt64(event.time - dayStart) << 40 | UInt64(events.count)
        events.append(event)
    }

    /// Sorts the events by region, then time, then planning order: each region's events are contiguous
    /// and in the order they will be written.
    mutating func sort() { events.sort { $0.sortKey < $1.sortKey } }

    /// A time on this day between two hours (UTC), uniformly at random.
    func time(_ rng: inout SimulationRandom, from startHour: Double, to endHour: Double) -> Int64 {
        let start = Int64(startHour * 3600), end = Int64(endHour * 3600)
        return dayStart + start + Int64(rng.below(Int(max(end - start, 1))))
    }
}
