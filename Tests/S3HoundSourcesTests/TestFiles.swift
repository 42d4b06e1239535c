import Foundation
import S3HoundCore
@testable import S3HoundSources

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes bytes at a relative path, creating folders.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes text at a relative path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }
}

/// A CloudTrail GetObject record as JSON text.
func record(_ id: Int, time: String = "2026-02-23T02:47:00Z", user: String = "developer-jane", ip: String = "185.220.101.47",
            bytes: String = "1024") -> String {
    """
    {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/\(user)","accountId":"123456789012","accessKeyId":"AKIA5Q2R7HNB3KQTWXYZ"},"eventTime":"\(time)","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"\(ip)","userAgent":"aws-cli/2.15.0","requestParameters":{"bucketName":"sensitive-data-bucket","Host":"sensitive-data-bucket.s3.us-east-1.amazonaws.com","key":"pii/customer-\(id).csv"},"responseElements":null,"additionalEventData":{"bytesTransferredIn":0,"bytesTransferredOut":\(bytes),"AuthenticationMethod":"AuthHeader"},"requestID":"R\(id)","eventID":"event-\(id)","readOnly":true,"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::sensitive-data-bucket/pii/customer-\(id).csv"},{"accountId":"123456789012","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::sensitive-data-bucket"}],"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"123456789012","eventCategory":"Data"}
    """
}

/// A delivery file with the given records.
func deliveryFile(_ records: [String]) -> String { "{\"Records\":[" + records.joined(separator: ",") + "]}" }

/// Reads a file and collects its events.
func readAll(_ path: String, chunkSize: Int = 1 << 20) -> (events: [ActivityEvent], result: FileReadResult) {
    var events: [ActivityEvent] = []
    let result = LogFileReader(chunkSize: chunkSize).read(.file(path)) { events.append($0) }
    return (events, result)
}
