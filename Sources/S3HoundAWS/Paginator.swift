/// Follows a paginated AWS API (`Marker`, `NextToken`, `nextToken`…) from its first page to its last.
enum Paginator {
    /// Calls `page` with nil, then with each next token, until a page has no (or an empty) token; returns every
    /// item in order. A token seen twice is an error rather than an endless loop.
    static func collect<Item>(api: String,
                              _ page: (_ token: String?) async throws -> (items: [Item], next: String?)) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let result = try await page(token)
            items += result.items
            token = result.next.flatMap { $0.isEmpty ? nil : $0 }
            if let token, !seen.insert(token).inserted {
                throw AWSError.malformedResponse(api: api, statusCode: 200,
                                                 "the service returned the same pagination token twice")
            }
        } while token != nil
        return items
    }
}
