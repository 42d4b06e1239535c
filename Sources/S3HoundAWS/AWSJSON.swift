import Foundation

/// JSON coding shared by the JSON and REST-JSON protocols.
enum AWSJSON {
    /// Sorted keys (stable bodies), `/` unescaped; dates as epoch seconds (the JSON 1.1 timestamp format).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    /// Dates may be epoch seconds (JSON 1.1, possibly fractional) or ISO 8601 strings (REST-JSON).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            if let date = isoDate(text) { return date }
            if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
        }
        return decoder
    }

    /// Parses ISO 8601 with or without fractional seconds.
    static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Decodes an output, turning a decoding failure into a `MalformedResponse` error naming the API.
    static func decode<Output: Decodable>(_ type: Output.Type, from response: HTTPResponse, api: String) throws -> Output {
        let body = response.body.isEmpty ? Data("{}".utf8) : response.body
        do {
            return try decoder().decode(Output.self, from: body)
        } catch {
            throw AWSError.malformedResponse(api: api, statusCode: response.statusCode,
                                             "the JSON did not match the documented shape: \(error)")
        }
    }
}

/// An operation input or output with no members (`{}`).
struct EmptyJSON: Codable, Sendable {}
