import Foundation

/// Amazon Macie over REST-JSON: sensitive-data findings (as raw JSON).
public struct Macie2Client: Sendable {
    private let rest: RESTJSONClient

    /// Creates a client; without an endpoint override it calls `https://macie2.REGION.amazonaws.com`.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard) {
        let service = AWSService.macie2
        rest = RESTJSONClient(service: service, endpoint: service.endpoint(endpoint, region: region),
                              sender: service.sender(credentials: credentials, region: region,
                                                     transport: transport, retryPolicy: retryPolicy))
    }

    /// ListFindings: ids of findings matching the criteria (e.g. `resourcesAffected.s3Bucket.name`,
    /// `updatedAt`), following `nextToken` (50 a page).
    public func listFindings(criteria: FindingCriteria = FindingCriteria()) async throws -> [String] {
        try await Paginator.collect(api: "Macie2.ListFindings") { token in
            let output: FindingIDsPage = try await rest.call(
                "ListFindings", method: "POST", path: "/findings",
                body: ListFindingsInput(findingCriteria: criteria, maxResults: 50, nextToken: token),
                permission: "macie2:ListFindings")
            return (output.findingIds ?? [], output.nextToken)
        }
    }

    /// GetFindings: each finding as the raw JSON object Macie sent, in batches of 50 ids.
    public func getFindings(findingIDs: [String]) async throws -> [Data] {
        var findings: [Data] = []
        for start in stride(from: 0, to: findingIDs.count, by: 50) {
            let batch = Array(findingIDs[start..<min(start + 50, findingIDs.count)])
            let response = try await rest.send("GetFindings", method: "POST", path: "/findings/describe", query: [],
                                               body: FindingIDsInput(findingIds: batch), permission: "macie2:GetFindings")
            findings += try RawFindings.elements(of: response, api: "Macie2.GetFindings")
        }
        return findings
    }
}
