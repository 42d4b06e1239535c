import S3HoundCore

extension FlowLogFormat {
    /// Parses one record line (its bytes, without the newline) in this format.
    ///
    /// Fields are separated by runs of spaces; `-` leaves a field nil. `start` and `end` are Unix seconds; a format
    /// without them, or a `-` in them, leaves the capture window at the Unix epoch. A line with fewer or more fields
    /// than the format is an error: its values would otherwise land in the wrong fields.
    public func parse(_ line: UnsafeRawBufferPointer) -> Result<FlowRecord, LineParseError> {
        var end = line.count
        while end > 0, line[end - 1] == LineByte.cr || line[end - 1] == LineByte.space { end -= 1 }
        var cursor = FieldCursor(line: line, end: end)
        var record = FlowRecord(start: EventTime(millisecondsSinceEpoch: 0), end: EventTime(millisecondsSinceEpoch: 0))
        do {
            for (position, field) in fields.enumerated() {
                guard let range = cursor.token() else {
                    return .failure(LineParseError(column: end, reason: "the line has \(position) fields but its format has \(fields.count) (\(description)); the line is cut short, or the file's header line is missing"))
                }
                if range.count == 1, line[range.lowerBound] == LineByte.dash { continue }
                try record.set(field, FlowValue(line: line, range: range))
            }
        } catch {
            return .failure(error)
        }
        if let extra = cursor.token() {
            return .failure(LineParseError(column: extra.lowerBound, reason: "the line has more fields than its format's \(fields.count) (\(description)); the file's header line is missing or belongs to another format"))
        }
        return .success(record)
    }

    /// Parses one record line of text.
    public func parse(_ line: String) -> Result<FlowRecord, LineParseError> {
        var copy = line
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

/// One field's bytes in a line.
struct FlowValue {
    let line: UnsafeRawBufferPointer
    let range: Range<Int>

    var text: String { String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self) }

    /// The field as a non-negative decimal number.
    func number(_ field: FlowLogField) throws(LineParseError) -> Int64 {
        guard range.count <= 18 else {
            throw LineParseError(column: range.lowerBound, reason: "the \(field.name) field '\(ServerAccessLogFields.snippet(line, range))' is too long to be a number")
        }
        var value: Int64 = 0
        for position in range {
            let byte = line[position]
            guard LineByte.isDigit(byte) else {
                throw LineParseError(column: range.lowerBound, reason: "the \(field.name) field '\(ServerAccessLogFields.snippet(line, range))' is not a number or '-'")
            }
            value = value * 10 + Int64(byte &- 48)
        }
        return value
    }

    /// The field as a number that fits `Int` comfortably (ports, protocol, flags, version).
    func small(_ field: FlowLogField) throws(LineParseError) -> Int {
        let value = try number(field)
        guard value <= Int64(Int32.max) else {
            throw LineParseError(column: range.lowerBound, reason: "the \(field.name) field '\(ServerAccessLogFields.snippet(line, range))' is out of range")
        }
        return Int(value)
    }
}

extension FlowRecord {
    /// Stores one field's value; fields FlowRecord has no place for (az-id, ECS, unknown names) are skipped.
    mutating func set(_ field: FlowLogField, _ value: FlowValue) throws(LineParseError) {
        switch field {
        case .version: version = try value.small(field)
        case .accountId: accountId = value.text
        case .interfaceId: interfaceId = value.text
        case .sourceAddress: sourceAddress = value.text
        case .destinationAddress: destinationAddress = value.text
        case .sourcePort: sourcePort = try value.small(field)
        case .destinationPort: destinationPort = try value.small(field)
        case .protocolNumber: protocolNumber = try value.small(field)
        case .packets: packets = try value.number(field)
        case .bytes: bytes = try value.number(field)
        case .start: start = EventTime(secondsSinceEpoch: try value.number(field))
        case .end: end = EventTime(secondsSinceEpoch: try value.number(field))
        case .action: action = value.text
        case .logStatus: logStatus = value.text
        case .vpcId: vpcId = value.text
        case .subnetId: subnetId = value.text
        case .instanceId: instanceId = value.text
        case .tcpFlags: tcpFlags = try value.small(field)
        case .trafficType: trafficType = value.text
        case .packetSourceAddress: packetSourceAddress = value.text
        case .packetDestinationAddress: packetDestinationAddress = value.text
        case .region: region = value.text
        case .packetSourceAWSService: packetSourceAWSService = value.text
        case .packetDestinationAWSService: packetDestinationAWSService = value.text
        case .flowDirection: flowDirection = value.text
        case .trafficPath: trafficPath = try value.small(field)
        case .availabilityZoneId, .sublocationType, .sublocationId, .ecsClusterArn, .ecsClusterName, .ecsContainerInstanceArn,
             .ecsContainerInstanceId, .ecsContainerId, .ecsSecondContainerId, .ecsServiceName, .ecsTaskDefinitionArn,
             .ecsTaskArn, .ecsTaskId, .rejectReason, .unknown:
            break
        }
    }
}
