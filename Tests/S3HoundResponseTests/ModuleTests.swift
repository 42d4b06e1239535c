import Testing
@testable import S3HoundResponse

@Test func moduleLinks() { _ = ResponseModule.self }
