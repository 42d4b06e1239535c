import Foundation
import S3HoundAWS

/// The backend over the real AWS APIs (the S3HoundAWS clients), in one account and region.
public struct LiveResponseBackend: ResponseBackend {
    /// The clients' factory: credentials, region, endpoints.
    let factory: AWSClientFactory
    /// Access key ids of the credential chain (the session's key, a role profile's source keys).
    let signingKeys: Set<String>
    let extra: MissingOperations

    /// The region calls go to.
    public var region: String { factory.region }

    /// Wraps a client factory; `sourceKeys` are further keys the credentials come from (a role profile's source).
    public init(factory: AWSClientFactory, sourceKeys: Set<String> = []) {
        self.factory = factory
        signingKeys = sourceKeys.union([factory.credentials.accessKeyId])
        extra = MissingOperations(factory: factory)
    }

    /// Resolves credentials, region and endpoints like the AWS CLI (`--profile`, `AWS_PROFILE`, `AWS_REGION`,
    /// `AWS_ENDPOINT_URL_<SERVICE>` …) and connects; `region` given here wins.
    public static func connect(profile: String?, region: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> LiveResponseBackend {
        let resolver = CredentialResolver(environment: environment, profile: profile)
        let factory = try await AWSClientFactory.resolve(resolver, region: region)
        var sources = Set<String>()
        var source: CredentialSource? = try resolver.resolveCredentialSource()
        while let current = source {
            if let keys = current.staticCredentials { sources.insert(keys.accessKeyId) }
            if case .assumeRole(_, _, _, _, let next) = current { source = next } else { source = nil }
        }
        return LiveResponseBackend(factory: factory, sourceKeys: sources)
    }

    /// STS GetCallerIdentity.
    public func callerIdentity() async throws -> CallerInfo {
        let identity = try await factory.sts().getCallerIdentity()
        return CallerInfo(account: identity.account, arn: identity.arn, signingAccessKeyIds: signingKeys)
    }
}

extension LiveResponseBackend {
    /// IAM GetAccessKeyLastUsed; nil when IAM does not know the key.
    public func userName(owningAccessKey accessKeyId: String) async throws -> String? {
        do {
            return try await factory.iam().getAccessKeyLastUsed(accessKeyID: accessKeyId).userName
        } catch let error as AWSError where ["NoSuchEntity", "MalformedResponse", "InvalidClientTokenId"].contains(error.code) {
            return nil
        }
    }

    /// IAM ListAccessKeys.
    public func accessKeys(ofUser userName: String) async throws -> [AccessKeyRecord] {
        try await factory.iam().listAccessKeys(userName: userName).map {
            AccessKeyRecord(accessKeyId: $0.accessKeyID, userName: $0.userName.isEmpty ? userName : $0.userName, status: $0.status.rawValue)
        }
    }

    /// IAM UpdateAccessKey.
    public func setAccessKeyStatus(_ status: String, accessKeyId: String, userName: String) async throws {
        guard let value = IAMAccessKey.Status(rawValue: status) else {
            throw ResponseError.invalidInput("access key status '\(status)' is neither Active nor Inactive")
        }
        try await factory.iam().updateAccessKey(accessKeyID: accessKeyId, status: value, userName: userName)
    }

    /// S3 GetBucketPolicy.
    public func bucketPolicy(bucket: String) async throws -> String? {
        try await factory.s3().getBucketPolicy(bucket: bucket)
    }

    /// S3 PutBucketPolicy.
    public func putBucketPolicy(_ policy: String, bucket: String) async throws {
        try await factory.s3().putBucketPolicy(bucket: bucket, policy: policy)
    }

    /// S3 DeleteBucketPolicy.
    public func deleteBucketPolicy(bucket: String) async throws {
        try await factory.s3().deleteBucketPolicy(bucket: bucket)
    }

    /// EC2 DescribeVpcEndpoints; nil for an unknown id.
    public func vpcEndpoint(_ id: String) async throws -> VPCEndpointInfo? {
        do {
            return try await factory.ec2().describeVpcEndpoints(ids: [id]).first { $0.id == id }.map {
                VPCEndpointInfo(id: $0.id, serviceName: $0.serviceName, vpcId: $0.vpcID, policy: $0.policyDocument)
            }
        } catch let error as AWSError where error.code.hasPrefix("InvalidVpcEndpointId") {
            return nil
        }
    }

    /// EC2 ModifyVpcEndpoint (`PolicyDocument`, or `ResetPolicy` for nil).
    public func setEndpointPolicy(_ policy: String?, endpoint id: String) async throws {
        if let policy {
            try await factory.ec2().setVpcEndpointPolicy(id: id, policyDocument: policy)
        } else {
            try await factory.ec2().resetVpcEndpointPolicy(id: id)
        }
    }
}
