import Foundation

/// Amazon GuardDuty over REST-JSON: detectors, S3 protection, and findings (as raw JSON).
public struct GuardDutyClient: Sendable {
    private let rest: RESTJSONClient

    /// Creates a client; without an endpoint override it calls `https://guardduty.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.guardDuty
        rest = RESTJSONClient(service: service, endpoint: service.endpoint(endpoint, region: region),
                              sender: service.sender(credentials: credentials, region: region,
                                                     transport: transport, retryPolicy: retryPolicy))
    }

    /// ListDetectors: the region's detector ids (at most one per account and region), following `nextToken`.
    public func listDetectors() async throws -> [String] {
        struct Output: Decodable {
            var detectorIds: [String]?
            var nextToken: String?
        }
        return try await Paginator.collect(api: "GuardDuty.ListDetectors") { token in
            var query = [QueryParameter("maxResults", "50")]
            if let token { query.append(QueryParameter("nextToken", token)) }
            let output: Output = try await rest.call("ListDetectors", method: "GET", path: "/detector", query: query,
                                                     permission: "guardduty:ListDetectors")
            return (output.detectorIds ?? [], output.nextToken)
        }
    }

    /// GetDetector: whether the detector runs and whether S3 protection is on.
    public func getDetector(id: String) async throws -> GuardDutyDetector {
        struct Output: Decodable {
            struct Status: Decodable { var status: String? }
            struct DataSources: Decodable { var s3Logs: Status? }
            var status: String?
            var findingPublishingFrequency: String?
            var dataSources: DataSources?
            var features: [GuardDutyFeature]?
        }
        let output: Output = try await rest.call("GetDetector", method: "GET", path: "/detector/\(id)",
                                                 permission: "guardduty:GetDetector")
        return GuardDutyDetector(id: id, status: output.status ?? "", findingPublishingFrequency: output.findingPublishingFrequency,
                                 s3LogsStatus: output.dataSources?.s3Logs?.status, features: output.features ?? [])
    }

    /// UpdateDetector: turns the detector or S3 protection on or off (see `GuardDutyDetectorUpdate`).
    public func updateDetector(id: String, _ update: GuardDutyDetectorUpdate) async throws {
        let _: EmptyJSON = try await rest.call("UpdateDetector", method: "POST", path: "/detector/\(id)", body: update,
                                               permission: "guardduty:UpdateDetector")
    }

    /// CreateDetector: enables GuardDuty in the region; returns the detector id.
    public func createDetector(_ settings: GuardDutyDetectorUpdate = GuardDutyDetectorUpdate(enable: true)) async throws -> String {
        struct Output: Decodable { var detectorId: String }
        var settings = settings
        settings.enable = settings.enable ?? true
        let output: Output = try await rest.call("CreateDetector", method: "POST", path: "/detector", body: settings,
                                                 permission: "guardduty:CreateDetector")
        return output.detectorId
    }

    /// ListFindings: ids of the detector's findings matching the criteria, following `nextToken` (50 a page).
    public func listFindings(detectorID: String, criteria: FindingCriteria = FindingCriteria()) async throws -> [String] {
        try await Paginator.collect(api: "GuardDuty.ListFindings") { token in
            let output: FindingIDsPage = try await rest.call(
                "ListFindings", method: "POST", path: "/detector/\(detectorID)/findings",
                body: ListFindingsInput(findingCriteria: criteria, maxResults: 50, nextToken: token),
                permission: "guardduty:ListFindings")
            return (output.findingIds ?? [], output.nextToken)
        }
    }

    /// GetFindings: each finding as the raw JSON object GuardDuty sent, in batches of 50 ids.
    public func getFindings(detectorID: String, findingIDs: [String]) async throws -> [Data] {
        var findings: [Data] = []
        for start in stride(from: 0, to: findingIDs.count, by: 50) {
            let batch = Array(findingIDs[start..<min(start + 50, findingIDs.count)])
            let response = try await rest.send("GetFindings", method: "POST", path: "/detector/\(detectorID)/findings/get",
                                               query: [], body: FindingIDsInput(findingIds: batch),
                                               permission: "guardduty:GetFindings")
            findings += try RawFindings.elements(of: response, api: "GuardDuty.GetFindings")
        }
        return findings
    }
}
