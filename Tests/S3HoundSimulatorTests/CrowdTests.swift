import Foundation
import S3HoundCore
import S3HoundSimulator
import Testing

@Suite("Simulator crowd")
struct CrowdTests {
    /// Writes a benign organisation month slice with a crowd.
    static func write(crowd: Int, seed: UInt64 = 1, days: Int = 8, scale: Double = 0.2) throws -> SimulationFixture {
        let directory = SimulationFixture.temporaryDirectory()
        let options = SimulationOptions(scenario: .benign, seed: seed, days: days, scale: scale, population: .organisation, crowd: crowd)
        return SimulationFixture(directory: directory, result: try Simulator(options: options).write(to: directory))
    }

    /// The stable principal of a record, as hunts group by it: the role behind a session, else the ARN, else the service.
    static func principal(_ record: [String: Any]) -> String {
        record.string("userIdentity.sessionContext.sessionIssuer.arn") ?? record.string("userIdentity.arn")
            ?? record.string("userIdentity.invokedBy") ?? record.string("userIdentity.accountId") ?? "?"
    }

    @Test("the same seed and crowd write byte-identical files; another seed another crowd")
    func deterministic() throws {
        let first = try Self.write(crowd: 40, days: 3), second = try Self.write(crowd: 40, days: 3)
        let other = try Self.write(crowd: 40, seed: 2, days: 3)
        defer { first.remove(); second.remove(); other.remove() }
        let files = first.allFiles()
        #expect(files == second.allFiles())
        for file in files {
            #expect(try first.data(file) == second.data(file), "\(file) differs between runs")
        }
        let principals = Set(try first.allRecords().map(Self.principal))
        #expect(principals != Set(try other.allRecords().map(Self.principal)))
    }

    @Test("a crowd adds its principals across the organisation's accounts, with many addresses, listed as own accounts")
    func cardinality() throws {
        let plain = try Self.write(crowd: 0), crowded = try Self.write(crowd: 300)
        defer { plain.remove(); crowded.remove() }
        let plainRecords = try plain.allRecords(), records = try crowded.allRecords()
        let plainPrincipals = Set(plainRecords.map(Self.principal))
        let principals = Set(records.map(Self.principal))
        #expect(principals.isSuperset(of: plainPrincipals))
        let members = principals.subtracting(plainPrincipals)
        #expect(members.count == 300)
        let users = members.filter { $0.contains(":user/") }.count, roles = members.filter { $0.contains(":role/") }.count
        #expect(users + roles == 300)
        #expect((135...225).contains(users), "about six in ten members are people (\(users))")
        let accounts = Set(members.map { String($0.split(separator: ":", omittingEmptySubsequences: false)[4]) })
        #expect(accounts == ["123456789012", "234567890123", "345678901234", "456789012345"])
        let plainIPs = Set(plainRecords.compactMap { $0.string("sourceIPAddress") })
        let crowdIPs = Set(records.filter { members.contains(Self.principal($0)) }.compactMap { $0.string("sourceIPAddress") })
        #expect(crowdIPs.isDisjoint(with: plainIPs), "crowd addresses never collide with the fixed actors' or the attackers'")
        #expect(crowdIPs.count >= 300 * 8, "300 members use thousands of addresses (\(crowdIPs.count))")
        #expect(Set(records.compactMap { $0.string("recipientAccountId") }) == ["123456789012"])
        let config = String(decoding: try crowded.data(OrganisationFiles.configFileName), as: UTF8.self)
        #expect(config.contains("own = [\"123456789012\", \"234567890123\", \"345678901234\", \"456789012345\"]"))
        let plainConfig = String(decoding: try plain.data(OrganisationFiles.configFileName), as: UTF8.self)
        #expect(plainConfig.contains("own = [\"123456789012\"]\n"))
    }

    @Test("every member's addresses, user agent and hours all appear in the first two days")
    func steadyFromTheFirstDays() throws {
        let plain = try Self.write(crowd: 0, days: 10), crowded = try Self.write(crowd: 120, days: 10)
        defer { plain.remove(); crowded.remove() }
        let fixed = Set(try plain.allRecords().map(Self.principal))
        let records = try crowded.allRecords().filter { !fixed.contains(Self.principal($0)) }
        let firstDays = try #require(records.compactMap(\.eventTime).min()).dayIndex + 4 // Sat, Sun, then the first two workdays
        struct Habits: Equatable { var ips: Set<String> = [], agents: Set<String> = [], hours: Set<Int> = [] }
        var early: [String: Habits] = [:], late: [String: Habits] = [:]
        for record in records {
            let time = try #require(record.eventTime)
            let principal = Self.principal(record)
            let ip = record.string("sourceIPAddress") ?? "", agent = record.string("userAgent") ?? ""
            if time.dayIndex < firstDays {
                early[principal, default: Habits()].ips.insert(ip); early[principal, default: Habits()].agents.insert(agent)
                early[principal, default: Habits()].hours.insert(time.hourOfDay)
            } else {
                late[principal, default: Habits()].ips.insert(ip); late[principal, default: Habits()].agents.insert(agent)
                late[principal, default: Habits()].hours.insert(time.hourOfDay)
            }
        }
        #expect(early.count == 120)
        for (principal, habits) in late {
            let known = try #require(early[principal], "\(principal) is not seen in the first days")
            #expect(habits.ips.isSubset(of: known.ips), "\(principal) uses a new address later")
            #expect(habits.agents.isSubset(of: known.agents), "\(principal) uses a new client later")
            #expect(habits.hours.isSubset(of: known.hours), "\(principal) works at a new hour later")
        }
    }

    @Test("a crowd out of range is refused")
    func validation() {
        #expect(throws: SimulationError.self) {
            try Simulator(options: SimulationOptions(scenario: .benign, days: 1, crowd: -1)).write(to: SimulationFixture.temporaryDirectory())
        }
    }
}
