import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Loading ip-ranges.json from disk")
struct FlowLogIPRangesFileTests {
    @Test("a published file loads into a matcher")
    func loads() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("ip-ranges.json", """
            {"syncToken":"1771600000","createDate":"2026-02-20-15-06-40","prefixes":[{"ip_prefix":"3.5.140.0/22","region":"ap-northeast-2","service":"S3","network_border_group":"ap-northeast-2"}],"ipv6_prefixes":[]}
            """)
        let ranges = try AWSIPRangesFile.load(path: path)
        #expect(ranges.service(of: "3.5.140.9") == "S3")
        #expect(ranges.syncToken == "1771600000")
    }

    @Test("missing files, folders and other documents are refused with the path and what to do")
    func refusals() throws {
        let folder = try TemporaryFolder()
        func error(_ path: String) -> AWSIPRangesFile.LoadError? {
            do { _ = try AWSIPRangesFile.load(path: path); return nil } catch let error as AWSIPRangesFile.LoadError { return error } catch { return nil }
        }
        let missing = folder.path + "/nope.json"
        #expect(error(missing) == AWSIPRangesFile.LoadError(path: missing, reason: "no such file; download https://ip-ranges.amazonaws.com/ip-ranges.json and give its path"))
        #expect(error(folder.path)?.reason == "is a folder; give the ip-ranges.json file itself")
        let trail = try folder.write("trail.json", "{\"Records\":[]}")
        #expect(error(trail)?.description == "AWS IP ranges \(trail): has no 'prefixes' or 'ipv6_prefixes' list; is this AWS's ip-ranges.json?")
    }
}
