import Foundation
import Testing
@testable import S3HoundAWS

/// CloudTrail (JSON 1.1) against moto: trails and both shapes of event selectors.
extension MotoTests {
    @Test func trailIsCreatedDescribedAndItsSelectorsRoundTrip() async throws {
        let aws = server.factory()
        try await aws.s3().createBucket("s3hound-cloudtrail-logs")
        let cloudTrail = aws.cloudTrail()
        let created = try await cloudTrail.createTrail(name: "s3hound-trail", s3BucketName: "s3hound-cloudtrail-logs")
        #expect(created.name == "s3hound-trail")
        #expect(created.trailARN?.hasSuffix(":trail/s3hound-trail") == true)

        let trails = try await cloudTrail.describeTrails()
        let described = try #require(trails.first { $0.name == "s3hound-trail" })
        #expect(described.s3BucketName == "s3hound-cloudtrail-logs")
        #expect(described.homeRegion == "us-east-1")
        let trail = try await cloudTrail.getTrail(name: "s3hound-trail")
        #expect(trail.isMultiRegionTrail == true)
        #expect(trail.trailARN == created.trailARN) // moto's GetTrail leaves out HomeRegion; DescribeTrails has it

        let basic = CloudTrailEventSelector(readWriteType: .all, includeManagementEvents: true, dataResources: [
            .init(type: "AWS::S3::Object", values: ["arn:aws:s3:::customer-records/"]),
        ])
        try await cloudTrail.putEventSelectors(trailName: "s3hound-trail", eventSelectors: [basic])
        let readBasic = try await cloudTrail.getEventSelectors(trailName: "s3hound-trail")
        #expect(readBasic.eventSelectors == [basic])
        #expect(readBasic.trailARN == created.trailARN)

        let advanced = CloudTrailAdvancedEventSelector(name: "S3 object reads", fieldSelectors: [
            .init(field: "eventCategory", equals: ["Data"]),
            .init(field: "resources.type", equals: ["AWS::S3::Object"]),
            .init(field: "resources.ARN", startsWith: ["arn:aws:s3:::customer-records/"]),
        ])
        try await cloudTrail.putEventSelectors(trailName: "s3hound-trail", advancedEventSelectors: [advanced])
        let readAdvanced = try await cloudTrail.getEventSelectors(trailName: "s3hound-trail")
        #expect(readAdvanced.advancedEventSelectors == [advanced])
        #expect(readAdvanced.eventSelectors?.isEmpty ?? true)
    }

    @Test func unknownTrailIsTrailNotFound() async throws {
        let error = await #expect(throws: AWSError.self) {
            _ = try await server.factory().cloudTrail().getEventSelectors(trailName: "s3hound-absent")
        }
        #expect(error?.code == "TrailNotFoundException")
        #expect(error?.api == "CloudTrail.GetEventSelectors")
        #expect(error?.hint?.contains("home region") == true)
    }
}
