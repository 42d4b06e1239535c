import Foundation
import Testing
@testable import S3HoundAWS

/// GuardDuty detectors (REST-JSON) against moto; findings are not in moto 5.2.1 (see FakeFindingsTests).
extension MotoTests {
    @Test func detectorS3ProtectionIsTurnedOnAndOff() async throws {
        let guardDuty = server.factory().guardDuty()
        let id = try await guardDuty.createDetector()
        #expect(try await guardDuty.listDetectors().contains(id))

        let initial = try await guardDuty.getDetector(id: id)
        #expect(initial.isEnabled)
        #expect(!initial.isS3ProtectionEnabled)

        try await guardDuty.updateDetector(id: id, .s3Protection(enabled: true))
        let withFeature = try await guardDuty.getDetector(id: id)
        #expect(withFeature.features == [GuardDutyFeature(name: "S3_DATA_EVENTS", status: "ENABLED")])
        #expect(withFeature.isS3ProtectionEnabled)

        try await guardDuty.updateDetector(id: id, .s3Protection(enabled: false))
        #expect(try await guardDuty.getDetector(id: id).isS3ProtectionEnabled == false)

        try await guardDuty.updateDetector(id: id, GuardDutyDetectorUpdate(findingPublishingFrequency: "FIFTEEN_MINUTES",
                                                                          s3LogsEnabled: true))
        let legacy = try await guardDuty.getDetector(id: id)
        #expect(legacy.s3LogsStatus == "ENABLED")
        #expect(legacy.findingPublishingFrequency == "FIFTEEN_MINUTES")

        try await guardDuty.updateDetector(id: id, GuardDutyDetectorUpdate(enable: false))
        #expect(try await guardDuty.getDetector(id: id).isEnabled == false)
    }

    @Test func unknownDetectorIsAnError() async throws {
        let error = await #expect(throws: AWSError.self) {
            _ = try await server.factory().guardDuty().getDetector(id: "00000000000000000000000000000000")
        }
        #expect(error?.api == "GuardDuty.GetDetector")
        #expect(error?.statusCode == 400)
        #expect(error?.code == "BadRequestException")
        #expect(error?.message.contains("detectorId is not owned by the current account") == true)
    }
}
