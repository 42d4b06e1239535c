import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Server access log lines become events")
struct ServerAccessLogParserTests {
    let base = ServerAccessLogLineBuilder()

    @Test("a presigned GetObject by an IAM user maps every field")
    func presignedGetObject() throws {
        let line = base.with {
            $0.requestURI = "\"GET /exports/2026/customers.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA5Q2R7HNB3KQTWXYZ%2F20260223%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc123 HTTP/1.1\""
            $0.authenticationType = "QueryString"
            $0.userAgent = "\"curl/8.5.0\""
            $0.referer = "\"https://portal.example.com/download\""
        }.text
        let event = try parsedEvent(line)
        #expect(event.time == EventTime(iso8601: "2026-02-23T03:12:45Z"))
        #expect(event.origin == .serverAccessLog)
        #expect(event.eventID == "7N3QK2M8R4T6W9XA")
        #expect(event.eventSource == "s3.amazonaws.com")
        #expect(event.eventName == "GetObject")
        #expect(event.eventCategory == "Data")
        #expect(event.awsRegion == "us-east-1")
        #expect(event.sourceIPAddress == "185.220.101.47")
        #expect(event.sourceIP == "185.220.101.47")
        #expect(event.userAgent == "curl/8.5.0")
        #expect(event.errorCode == nil)
        #expect(!event.failed)
        #expect(event.errorMessage == nil)
        #expect(event.recipientAccountId == nil)
        #expect(event.readOnly == true)
        #expect(event.vpcEndpointId == nil)
        #expect(event.identity == CallerIdentity(type: "IAMUser", arn: "arn:aws:iam::123456789012:user/developer-jane",
                                                 accountId: "123456789012", accessKeyId: "AKIA5Q2R7HNB3KQTWXYZ"))
        #expect(event.identity.principal == "arn:aws:iam::123456789012:user/developer-jane")
        #expect(event.bucketName == "customer-records")
        #expect(event.objectKey == "exports/2026/customers.csv")
        #expect(event.host == "customer-records.s3.us-east-1.amazonaws.com")
        #expect(event.copySource == nil)
        #expect(event.bytesTransferredOut == 5_242_880)
        #expect(event.bytesTransferredIn == nil)
        #expect(event.authenticationMethod == "QueryString")
        #expect(event.sseApplied == nil)
        #expect(event.kmsKeyId == nil)
        #expect(event.requestParametersJSON == nil)
        #expect(event.resources == [
            EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::customer-records/exports/2026/customers.csv"),
            EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::customer-records"),
        ])
        #expect(event.resources.first?.bucketName == "customer-records")
    }

    @Test("an anonymous read that S3 denied is a failed attempt by ANONYMOUS_PRINCIPAL with no data out")
    func anonymousDenied() throws {
        let event = try parsedEvent(base.with {
            $0.requester = "-"; $0.remoteIP = "198.51.100.200"; $0.status = "403"; $0.errorCode = "AccessDenied"
            $0.bytesSent = "243"; $0.objectSize = "-"; $0.signatureVersion = "-"; $0.authenticationType = "-"
            $0.userAgent = "\"Mozilla/5.0 zgrab/0.x\""
        }.text)
        #expect(event.identity == CallerIdentity(type: "AnonymousPrincipal", accountId: "ANONYMOUS_PRINCIPAL"))
        #expect(event.identity.isAnonymous)
        #expect(event.identity.principal == CallerIdentity.anonymousAccountId)
        #expect(event.eventName == "GetObject")
        #expect(event.errorCode == "AccessDenied")
        #expect(event.failed)
        #expect(event.bytesTransferredOut == 0, "an error document is not object data")
        #expect(event.authenticationMethod == nil)
        #expect(event.sourceIPAddress == "198.51.100.200")
    }

    @Test("an anonymous successful read has the identity the anonymous-access detection looks for")
    func anonymousRead() throws {
        let event = try parsedEvent(base.with { $0.requester = "-"; $0.authenticationType = "-"; $0.signatureVersion = "-" }.text)
        #expect(event.identity.isAnonymous)
        #expect(event.identity.type == "AnonymousPrincipal")
        #expect(event.identity.accountId == "ANONYMOUS_PRINCIPAL")
        #expect(!event.failed)
        #expect(event.bytesTransferredOut == 5_242_880)
    }

    @Test("a PutObject by an assumed-role session is judged as its role and records the bytes uploaded")
    func assumedRolePut() throws {
        let event = try parsedEvent(base.with {
            $0.requester = "arn:aws:sts::123456789012:assumed-role/nightly-backup/i-0a1b2c3d4e5f60718"
            $0.operation = "REST.PUT.OBJECT"; $0.key = "backups/db.dump"
            $0.requestURI = "\"PUT /backups/db.dump HTTP/1.1\""
            $0.bytesSent = "-"; $0.objectSize = "73400320"
            $0.remoteIP = "10.0.12.7"
            $0.hostHeader = "customer-records.vpce-0a1b2c3d4e5f60718-abcdefgh.s3.eu-west-1.vpce.amazonaws.com"
        }.text)
        #expect(event.eventName == "PutObject")
        #expect(event.readOnly == false)
        #expect(event.eventCategory == "Data")
        #expect(event.identity.type == "AssumedRole")
        #expect(event.identity.arn == "arn:aws:sts::123456789012:assumed-role/nightly-backup/i-0a1b2c3d4e5f60718")
        #expect(event.identity.accountId == "123456789012")
        #expect(event.identity.sessionIssuerArn == "arn:aws:iam::123456789012:role/nightly-backup")
        #expect(event.identity.principal == "arn:aws:iam::123456789012:role/nightly-backup")
        #expect(event.identity.isInstanceRoleSession)
        #expect(event.bytesTransferredIn == 73_400_320)
        #expect(event.bytesTransferredOut == nil)
        #expect(event.awsRegion == "eu-west-1")
        #expect(event.vpcEndpointId == "vpce-0a1b2c3d4e5f60718")
        #expect(event.authenticationMethod == "AuthHeader")
    }

    @Test("multi-object deletes: one DeleteObjects request and a DeleteObject line per key, keys encoded once")
    func batchDelete() throws {
        let request = try parsedEvent(base.with {
            $0.operation = "REST.POST.MULTI_OBJECT_DELETE"; $0.key = "-"; $0.requestURI = "\"POST /?delete HTTP/1.1\""
            $0.bytesSent = "1024"; $0.objectSize = "-"
        }.text)
        #expect(request.eventName == "DeleteObjects")
        #expect(request.objectKey == nil)
        #expect(request.readOnly == false)
        #expect(request.bytesTransferredOut == nil)
        #expect(request.resources == [EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::customer-records")])

        let perKey = try parsedEvent(base.with {
            $0.operation = "BATCH.DELETE.OBJECT"; $0.key = "records/100%25%20done.json"; $0.requestURI = "-"
            $0.bytesSent = "-"; $0.objectSize = "-"; $0.totalTime = "-"; $0.turnAroundTime = "-"
        }.text)
        #expect(perKey.eventName == "DeleteObject")
        #expect(perKey.objectKey == "records/100% done.json", "BATCH.DELETE.OBJECT keys are URL-encoded once")
        #expect(perKey.readOnly == false)
        #expect(perKey.eventCategory == "Data")
        #expect(perKey.identity.arn == "arn:aws:iam::123456789012:user/developer-jane")
    }

    @Test("a copy logs the destination write and the source read; the source read names the copied object")
    func copies() throws {
        let destination = try parsedEvent(base.with {
            $0.bucket = "exfil-drop-bucket"; $0.operation = "REST.COPY.OBJECT"; $0.key = "loot/customers.csv"
            $0.requestURI = "\"PUT /loot/customers.csv HTTP/1.1\""; $0.bytesSent = "234"
        }.text)
        #expect(destination.eventName == "CopyObject")
        #expect(destination.readOnly == false)
        #expect(destination.bucketName == "exfil-drop-bucket")
        #expect(destination.copySource == nil)
        #expect(destination.bytesTransferredOut == nil)

        let source = try parsedEvent(base.with {
            $0.operation = "REST.COPY.OBJECT_GET"; $0.requestURI = "\"GET /exports/2026/customers.csv\""
        }.text)
        #expect(source.eventName == "CopyObject")
        #expect(source.readOnly == true)
        #expect(source.bucketName == "customer-records")
        #expect(source.objectKey == "exports/2026/customers.csv")
        #expect(source.copySource == "customer-records/exports/2026/customers.csv")
        #expect(source.bytesTransferredOut == nil, "the copied bytes stay inside S3")

        let part = try parsedEvent(base.with { $0.operation = "REST.COPY.PART_GET" }.text)
        #expect(part.eventName == "UploadPartCopy")
        #expect(part.readOnly == true)
    }

    @Test("ACL calls are bucket or object calls depending on the key")
    func aclLevels() throws {
        let bucketACL = try parsedEvent(base.with { $0.operation = "REST.PUT.ACL"; $0.key = "-"; $0.requestURI = "\"PUT /?acl HTTP/1.1\"" }.text)
        #expect(bucketACL.eventName == "PutBucketAcl")
        #expect(bucketACL.eventCategory == "Management")
        #expect(bucketACL.readOnly == false)
        let objectACL = try parsedEvent(base.with { $0.operation = "REST.PUT.ACL" }.text)
        #expect(objectACL.eventName == "PutObjectAcl")
        let read = try parsedEvent(base.with { $0.operation = "REST.GET.ACL"; $0.key = "-" }.text)
        #expect(read.eventName == "GetBucketAcl")
        #expect(read.readOnly == true)
    }

    @Test("configuration calls the detections watch get CloudTrail's names")
    func configurationNames() throws {
        let expected: [(String, String, Bool)] = [
            ("REST.PUT.BUCKETPOLICY", "PutBucketPolicy", false), ("REST.GET.BUCKETPOLICY", "GetBucketPolicy", true),
            ("REST.DELETE.BUCKETPOLICY", "DeleteBucketPolicy", false), ("REST.PUT.LOGGING_STATUS", "PutBucketLogging", false),
            ("REST.PUT.VERSIONING", "PutBucketVersioning", false), ("REST.PUT.LIFECYCLE", "PutBucketLifecycle", false),
            ("REST.PUT.REPLICATION", "PutBucketReplication", false), ("REST.DELETE.PUBLIC_ACCESS_BLOCK", "DeletePublicAccessBlock", false),
            ("REST.GET.BUCKET", "ListObjects", true), ("REST.GET.BUCKETVERSIONS", "ListObjectVersions", true),
            ("REST.GET.SERVICE", "ListBuckets", true), ("REST.HEAD.BUCKET", "HeadBucket", true),
            ("REST.GET.LOCATION", "GetBucketLocation", true), ("REST.PUT.PART", "UploadPart", false),
            ("REST.POST.UPLOADS", "CreateMultipartUpload", false), ("REST.POST.UPLOAD", "CompleteMultipartUpload", false),
        ]
        for (operation, name, readOnly) in expected {
            let event = try parsedEvent(base.with { $0.operation = operation; $0.key = "-" }.text)
            #expect(event.eventName == name, "\(operation)")
            #expect(event.readOnly == readOnly, "\(operation)")
            #expect(event.requestParametersJSON == nil, "server access logs carry no request body")
        }
        let tagging = try parsedEvent(base.with { $0.operation = "REST.GET.OBJECT_TAGGING" }.text)
        #expect(tagging.eventName == "GetObjectTagging")
        #expect(tagging.eventCategory == "Data")
        let head = try parsedEvent(base.with { $0.operation = "REST.HEAD.OBJECT"; $0.bytesSent = "-" }.text)
        #expect(head.eventName == "HeadObject")
        #expect(head.bytesTransferredOut == nil, "only GETs send data out")
        let website = try parsedEvent(base.with { $0.operation = "WEBSITE.GET.OBJECT"; $0.requester = "-" }.text)
        #expect(website.eventName == "GetObject")
        #expect(website.bytesTransferredOut == 5_242_880)
    }

    @Test("an operation S3Hound does not know keeps its own name")
    func unknownOperation() throws {
        let read = try parsedEvent(base.with { $0.operation = "REST.GET.FOO"; $0.key = "-" }.text)
        #expect(read.eventName == "REST.GET.FOO")
        #expect(read.readOnly == true)
        #expect(read.eventCategory == "Management")
        let write = try parsedEvent(base.with { $0.operation = "REST.PUT.NEWTHING" }.text)
        #expect(write.eventName == "REST.PUT.NEWTHING")
        #expect(write.readOnly == false)
        #expect(write.eventCategory == "Data")
    }

    @Test("S3's own lifecycle actions are AWS service calls, with keys encoded once")
    func lifecycleExpiry() throws {
        let event = try parsedEvent(base.with {
            $0.operation = "S3.EXPIRE.OBJECT"; $0.requester = "-"; $0.remoteIP = "-"; $0.key = "tmp/100%25.csv"
            $0.requestURI = "-"; $0.bytesSent = "-"; $0.referer = "-"; $0.userAgent = "-"; $0.hostHeader = "-"
            $0.signatureVersion = "-"; $0.authenticationType = "-"; $0.cipherSuite = "-"; $0.tlsVersion = "-"
        }.text)
        #expect(event.eventName == "S3.EXPIRE.OBJECT")
        #expect(event.identity == CallerIdentity(type: "AWSService", invokedBy: "s3.amazonaws.com"))
        #expect(event.identity.isAWSService)
        #expect(event.objectKey == "tmp/100%.csv")
        #expect(event.sourceIPAddress == nil)
        #expect(event.userAgent == nil)
        #expect(event.host == nil)
        #expect(event.awsRegion == nil)
    }

    @Test("an HTTP error without an S3 error code is recorded as HTTP<status>")
    func httpStatusErrors() throws {
        #expect(try parsedEvent(base.with { $0.status = "404" }.text).errorCode == "HTTP404")
        #expect(try parsedEvent(base.with { $0.status = "503"; $0.errorCode = "SlowDown" }.text).errorCode == "SlowDown")
        #expect(try parsedEvent(base.with { $0.status = "304"; $0.bytesSent = "-" }.text).errorCode == nil)
        let partial = try parsedEvent(base.with { $0.status = "206"; $0.bytesSent = "1048576" }.text)
        #expect(partial.errorCode == nil)
        #expect(partial.bytesTransferredOut == 1_048_576)
        #expect(try parsedEvent(base.with { $0.status = "-" }.text).errorCode == nil)
    }

    @Test("the parser reads raw line bytes as it reads text")
    func bytesAndText() throws {
        let line = base.text
        let fromBytes = try Array(line.utf8).withUnsafeBytes { try ServerAccessLogParser.parse($0).get() }
        #expect(fromBytes == (try parsedEvent(line)))
    }
}

/// A server access log line built field by field, so each test names only what it is about.
struct ServerAccessLogLineBuilder {
    var owner = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
    var bucket = "customer-records"
    var time = "[23/Feb/2026:03:12:45 +0000]"
    var remoteIP = "185.220.101.47"
    var requester = "arn:aws:iam::123456789012:user/developer-jane"
    var requestID = "7N3QK2M8R4T6W9XA"
    var operation = "REST.GET.OBJECT"
    var key = "exports/2026/customers.csv"
    var requestURI = "\"GET /exports/2026/customers.csv HTTP/1.1\""
    var status = "200"
    var errorCode = "-"
    var bytesSent = "5242880"
    var objectSize = "5242880"
    var totalTime = "412"
    var turnAroundTime = "38"
    var referer = "\"-\""
    var userAgent = "\"aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22 command/s3.cp\""
    var versionID = "-"
    var hostID = "q8R1c2ZxY3ZlcnNpb25Ib3N0SWRFeGFtcGxlVmFsdWUxMjM0NTY3ODkw="
    var signatureVersion = "SigV4"
    var cipherSuite = "TLS_AES_128_GCM_SHA256"
    var authenticationType = "AuthHeader"
    var hostHeader = "customer-records.s3.us-east-1.amazonaws.com"
    var tlsVersion = "TLSv1.3"
    var accessPointARN = "-"
    var aclRequired = "-"
    var sourceRegion = "-"
    /// How many fields to write (17 to 27): older formats stop early.
    var fieldCount = 27

    var fields: [String] {
        [owner, bucket, time, remoteIP, requester, requestID, operation, key, requestURI, status, errorCode, bytesSent,
         objectSize, totalTime, turnAroundTime, referer, userAgent, versionID, hostID, signatureVersion, cipherSuite,
         authenticationType, hostHeader, tlsVersion, accessPointARN, aclRequired, sourceRegion]
    }

    var text: String { fields.prefix(fieldCount).joined(separator: " ") }

    /// The builder with changes applied.
    func with(_ change: (inout ServerAccessLogLineBuilder) -> Void) -> ServerAccessLogLineBuilder {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Byte offset of the first occurrence of `needle` in `text` (test expectations for error columns).
func byteOffset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern { return start }
    return nil
}

/// Parses a line and returns its event, recording a test issue when it fails.
func parsedEvent(_ line: String) throws -> ActivityEvent {
    try ServerAccessLogParser.parse(line).get()
}

/// Parses a line that must fail and returns the error.
func parseFailure(_ line: String) -> LineParseError? {
    if case .failure(let error) = ServerAccessLogParser.parse(line) { return error }
    return nil
}
