import Foundation
import Testing
@testable import S3HoundAWS

/// IAM and STS (Query protocol) against moto: the containment round trip on an access key.
extension MotoTests {
    @Test func callerIdentityAndUser() async throws {
        let aws = server.factory()
        let identity = try await aws.sts().getCallerIdentity()
        #expect(identity.account.count == 12)
        #expect(identity.arn.hasSuffix(":user/s3hound-test"))
        let user = try await aws.iam().getUser()
        #expect(user.userName == "s3hound-test")
        #expect(user.arn == identity.arn)
    }

    @Test func accessKeyIsTracedToItsUserDeactivatedAndReactivated() async throws {
        let iam = server.factory().iam()
        let created = try await iam.createUser(userName: "s3hound-alice")
        #expect(created.arn.hasSuffix(":user/s3hound-alice"))
        let key = try await iam.createAccessKey(userName: "s3hound-alice")
        #expect(key.accessKeyId.hasPrefix("AKIA"))

        let lastUsed = try await iam.getAccessKeyLastUsed(accessKeyID: key.accessKeyId)
        #expect(lastUsed.userName == "s3hound-alice")
        #expect(lastUsed.lastUsedDate == nil)
        #expect(lastUsed.serviceName == nil)

        try await iam.updateAccessKey(accessKeyID: key.accessKeyId, status: .inactive, userName: lastUsed.userName)
        let keys = try await iam.listAccessKeys(userName: "s3hound-alice")
        #expect(keys.map(\.accessKeyID) == [key.accessKeyId])
        #expect(keys.first?.status == .inactive)
        #expect(keys.first?.userName == "s3hound-alice")
        #expect(keys.first?.createDate != nil)

        try await iam.updateAccessKey(accessKeyID: key.accessKeyId, status: .active, userName: "s3hound-alice")
        #expect(try await iam.listAccessKeys(userName: "s3hound-alice").first?.status == .active)
    }

    @Test func callerWithoutPermissionGetsAccessDeniedNamingTheAPIAndPermission() async throws {
        let iam = server.factory().iam()
        _ = try await iam.createUser(userName: "s3hound-nobody")
        let powerless = try await iam.createAccessKey(userName: "s3hound-nobody")
        let error = await #expect(throws: AWSError.self) {
            try await server.factory(credentials: powerless).iam()
                .updateAccessKey(accessKeyID: powerless.accessKeyId, status: .inactive, userName: "s3hound-nobody")
        }
        #expect(error?.code == "AccessDenied")
        #expect(error?.statusCode == 403)
        #expect(error?.api == "IAM.UpdateAccessKey")
        #expect(error?.description.contains("IAM.UpdateAccessKey failed: HTTP 403 AccessDenied") == true)
        #expect(error?.hint?.hasPrefix("grant `iam:UpdateAccessKey on user s3hound-nobody` to the caller") == true)
    }

    @Test func unknownUserIsNoSuchEntity() async throws {
        let error = await #expect(throws: AWSError.self) {
            _ = try await server.factory().iam().listAccessKeys(userName: "s3hound-ghost")
        }
        #expect(error?.code == "NoSuchEntity")
        #expect(error?.statusCode == 404)
        #expect(error?.hint?.contains("must exist in the account") == true)
    }
}
