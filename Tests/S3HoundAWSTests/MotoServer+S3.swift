import S3HoundAWS
import S3HoundTestSupport

extension MotoServer {
    /// An S3 client for this server; `secret` overrides the real secret to provoke signature failures.
    func s3Client(secret: String? = nil, accessKeyId: String? = nil) -> S3Client {
        let credentials = AWSCredentials(accessKeyId: accessKeyId ?? self.credentials.accessKeyId,
                                         secretAccessKey: secret ?? self.credentials.secretAccessKey)
        return S3Client(credentials: credentials, region: "us-east-1", endpoint: endpoint,
                        retryPolicy: RetryPolicy(maxAttempts: 1))
    }
}
