import Foundation
import S3HoundAWS

/// Connects `hunt s3://…` to the account: credentials, region and endpoints resolved as the AWS CLI does.
public enum RemoteAccess {
    /// An S3 object source for `profile` (nil: `AWS_PROFILE`, environment keys, `default`) and `region`
    /// (nil: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's), honouring `AWS_ENDPOINT_URL[_S3]`.
    public static func s3Source(profile: String?, region: String?,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> S3ObjectSource {
        let resolver = CredentialResolver(environment: environment, profile: profile)
        let factory = try BlockingAsync.run { try await AWSClientFactory.resolve(resolver, region: region) }
        return S3ObjectSource(client: factory.s3())
    }
}
