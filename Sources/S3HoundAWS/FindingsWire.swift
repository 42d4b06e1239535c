import Foundation

// The request and response shapes GuardDuty and Macie share for ListFindings and GetFindings.

/// `{"findingCriteria":…, "maxResults":…, "nextToken":…}` (GuardDuty and Macie ListFindings).
struct ListFindingsInput: Encodable {
    var findingCriteria: FindingCriteria
    var maxResults: Int
    var nextToken: String?
}

/// `{"findingIds":[…]}` (GuardDuty and Macie GetFindings).
struct FindingIDsInput: Encodable { var findingIds: [String] }

/// `{"findingIds":[…], "nextToken":…}` (GuardDuty and Macie ListFindings).
struct FindingIDsPage: Decodable {
    var findingIds: [String]?
    var nextToken: String?
}

/// The `findings` array of a GetFindings response, element by element, as sent.
enum RawFindings {
    static func elements(of response: HTTPResponse, api: String) throws -> [Data] {
        do {
            return try RawJSONArray.elements(ofMember: "findings", in: response.body)
        } catch {
            throw AWSError.malformedResponse(api: api, statusCode: response.statusCode, "the findings JSON did not parse: \(error)")
        }
    }
}
