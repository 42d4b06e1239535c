import Foundation
import S3HoundCore

extension ReferenceRecordParser {
    /// The fields of one record that detections use, decoded by `JSONDecoder`.
    struct Record: Decodable {
        var eventTime: EventTime?
        /// `eventTime` when it is a string but not an ISO-8601 time.
        var eventTimeText: String?
        var eventName: String?
        var eventID: String?
        var eventSource: String?
        var eventCategory: String?
        var awsRegion: String?
        var sourceIPAddress: String?
        var userAgent: String?
        var errorCode: String?
        var errorMessage: String?
        var recipientAccountId: String?
        var readOnly: Bool?
        var vpcEndpointId: String?
        var identity = CallerIdentity()
        var parameters = RequestParameters()
        /// `requestParameters` re-encoded by `canonicalJSON`, when it is an object.
        var parametersJSON: String?
        var additional = AdditionalData()
        var resources: [EventResource] = []

        private enum CodingKeys: String, CodingKey {
            case eventTime, eventName, eventID, eventSource, eventCategory, awsRegion, sourceIPAddress, userAgent
            case errorCode, errorMessage, recipientAccountId, readOnly, vpcEndpointId
            case userIdentity, requestParameters, additionalEventData, resources
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if c.contains(.eventTime) {
                // Must be a string: null, a number or an object is a wrong type.
                let text = try c.decode(String.self, forKey: .eventTime)
                eventTime = EventTime(iso8601: text)
                if eventTime == nil { eventTimeText = text }
            }
            eventName = try c.text(.eventName)
            eventID = try c.text(.eventID)
            eventSource = try c.text(.eventSource)
            eventCategory = try c.text(.eventCategory)
            awsRegion = try c.text(.awsRegion)
            sourceIPAddress = try c.text(.sourceIPAddress)
            userAgent = try c.text(.userAgent)
            errorCode = try c.text(.errorCode)
            errorMessage = try c.text(.errorMessage)
            recipientAccountId = try c.text(.recipientAccountId)
            readOnly = try c.decodeIfPresent(Flag.self, forKey: .readOnly)?.value
            vpcEndpointId = try c.text(.vpcEndpointId)
            // null is no identity; any other non-object is a wrong type.
            identity = try c.decodeIfPresent(Identity.self, forKey: .userIdentity)?.identity ?? CallerIdentity()
            // Not an object (null, or a string on some producers): ignored.
            if try c.kind(of: .requestParameters) == .object {
                parameters = try c.decode(RequestParameters.self, forKey: .requestParameters)
                if let eventName, ActivityEvent.keepsRequestParameters(eventName) {
                    parametersJSON = canonicalJSON(try c.decode(Value.self, forKey: .requestParameters))
                }
            }
            if try c.kind(of: .additionalEventData) == .object {
                additional = try c.decode(AdditionalData.self, forKey: .additionalEventData)
            }
            // null is none; an array's non-object elements are skipped; anything else is a wrong type.
            resources = try c.decodeIfPresent([Resource].self, forKey: .resources)?.compactMap(\.resource) ?? []
        }

        /// The event, or why the record is not one (the fast scanner's rules and words).
        var outcome: CloudTrailRecordParser.Outcome {
            guard let eventName, !eventName.isEmpty else {
                return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventName'")
            }
            guard let eventTime else {
                if let eventTimeText {
                    return .failure(offset: 0, reason: "field 'eventTime' is not an ISO-8601 time: \(SafeText.terminal(String(eventTimeText.prefix(40))))")
                }
                return .failure(offset: 0, reason: "not a CloudTrail record: no 'eventTime'")
            }
            let customerAlgorithm = parameters.customerAlgorithm ?? ""
            return .event(ActivityEvent(
                time: eventTime, origin: .cloudTrail, eventID: eventID ?? "", eventSource: eventSource ?? "",
                eventName: eventName, eventCategory: eventCategory, awsRegion: awsRegion, sourceIPAddress: sourceIPAddress,
                userAgent: userAgent, errorCode: errorCode, errorMessage: errorMessage, recipientAccountId: recipientAccountId,
                readOnly: readOnly, vpcEndpointId: vpcEndpointId, identity: identity, bucketName: parameters.bucketName,
                objectKey: parameters.key, host: parameters.host, copySource: parameters.copySource,
                bytesTransferredOut: additional.bytesTransferredOut, bytesTransferredIn: additional.bytesTransferredIn,
                authenticationMethod: additional.authenticationMethod,
                sseApplied: additional.sseApplied ?? (customerAlgorithm.isEmpty ? nil : "SSE_C"),
                kmsKeyId: parameters.kmsKeyId,
                requestParametersJSON: parametersJSON,
                resources: resources))
        }
    }

    /// `userIdentity`.
    struct Identity: Decodable {
        var identity = CallerIdentity()

        private enum CodingKeys: String, CodingKey { case type, arn, accountId, accessKeyId, principalId, invokedBy, sessionContext }
        private enum SessionKeys: String, CodingKey { case ec2RoleDelivery, sessionIssuer }
        private enum IssuerKeys: String, CodingKey { case arn }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            identity.type = try c.text(.type)
            identity.arn = try c.text(.arn)
            identity.accountId = try c.text(.accountId)
            identity.accessKeyId = try c.text(.accessKeyId)
            identity.principalId = try c.text(.principalId)
            identity.invokedBy = try c.text(.invokedBy)
            // sessionContext and sessionIssuer are read when they are objects and ignored otherwise.
            guard try c.kind(of: .sessionContext) == .object else { return }
            let session = try c.nestedContainer(keyedBy: SessionKeys.self, forKey: .sessionContext)
            identity.ec2RoleDelivery = try session.text(.ec2RoleDelivery)
            guard try session.kind(of: .sessionIssuer) == .object else { return }
            let issuer = try session.nestedContainer(keyedBy: IssuerKeys.self, forKey: .sessionIssuer)
            identity.sessionIssuerArn = try issuer.text(.arn)
        }
    }

    /// The members of `requestParameters` read field by field.
    struct RequestParameters: Decodable {
        var bucketName: String?
        var key: String?
        var host: String?
        var copySource: String?
        var kmsKeyId: String?
        var customerAlgorithm: String?

        private enum CodingKeys: String, CodingKey {
            case bucketName, key, Host, host
            case copySource = "x-amz-copy-source"
            case kmsKeyId = "x-amz-server-side-encryption-aws-kms-key-id"
            case customerAlgorithm = "x-amz-server-side-encryption-customer-algorithm"
        }

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            bucketName = try c.text(.bucketName)
            key = try c.text(.key)
            let upper = try c.decodeIfPresent(HostText.self, forKey: .Host)
            let lower = try c.decodeIfPresent(HostText.self, forKey: .host)
            host = c.contains(.Host) ? upper?.text : lower?.text
            copySource = try c.text(.copySource)
            kmsKeyId = try c.text(.kmsKeyId)
            customerAlgorithm = try c.text(.customerAlgorithm)
        }
    }

    /// `Host`: a string, or the first element of a list (`["bucket.s3.amazonaws.com"]`).
    struct HostText: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) { self.text = text; return }
            guard try Kind(from: decoder) == .array else { text = try Text(from: decoder).text; return }
            var elements = try decoder.unkeyedContainer()
            if elements.isAtEnd { text = nil; return }
            if try elements.decodeNil() { text = nil; return }
            text = try elements.decode(Text.self).text
        }
    }

    /// The members of `additionalEventData` read.
    struct AdditionalData: Decodable {
        var bytesTransferredOut: Int64?
        var bytesTransferredIn: Int64?
        var authenticationMethod: String?
        var sseApplied: String?

        private enum CodingKeys: String, CodingKey { case bytesTransferredOut, bytesTransferredIn, AuthenticationMethod, SSEApplied }

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            bytesTransferredOut = try c.decodeIfPresent(Count.self, forKey: .bytesTransferredOut)?.value
            bytesTransferredIn = try c.decodeIfPresent(Count.self, forKey: .bytesTransferredIn)?.value
            authenticationMethod = try c.text(.AuthenticationMethod)
            sseApplied = try c.text(.SSEApplied)
        }
    }

    /// One element of `resources`: an entry when it is an object, nothing otherwise.
    struct Resource: Decodable {
        var resource: EventResource?

        private enum CodingKeys: String, CodingKey { case type, ARN, arn, accountId }

        init(from decoder: any Decoder) throws {
            guard try Kind(from: decoder) == .object else { resource = nil; return }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let upper = try c.text(.ARN)
            let lower = try c.text(.arn)
            resource = EventResource(type: try c.text(.type),
                                     arn: c.contains(.ARN) ? upper : lower,
                                     accountId: try c.text(.accountId))
        }
    }
}
