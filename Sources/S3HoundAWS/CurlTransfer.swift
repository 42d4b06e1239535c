import CCurl
import Foundation

/// One request on the `CurlEngine`: its configured easy handle, the response as it arrives, and the task
/// waiting for it.
///
/// Built on the submitting thread; from `submit` on it is touched only by the engine's loop thread (curl's
/// callbacks run there too), and it frees its handle when it resumes the continuation.
final class CurlTransfer: @unchecked Sendable {
    /// The easy handle (the key the engine finds this transfer by).
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let continuation: CheckedContinuation<HTTPResponse, any Error>
    /// `METHOD scheme://host/path` (no query) for error messages.
    private let label: String
    private let destination: URL?
    private var partial: (descriptor: Int32, path: String)?
    private var headers: [String: String] = [:]
    private var body = Data()
    private var writeFailure: (any Error)?

    /// A request that was not sent because it cannot be (a header with a line break) or libcurl refused it;
    /// not a network failure, so never retried.
    struct RefusedRequest: Error, CustomStringConvertible {
        let description: String
    }

    /// Configures a handle for `request`; a 2xx body goes to `destination` when given. Throws `RefusedRequest`
    /// when the request cannot be expressed (a header with a line break) or libcurl refuses an option.
    init(request: HTTPRequest, timeout: TimeInterval, destination: URL?,
         continuation: CheckedContinuation<HTTPResponse, any Error>) throws {
        let url = request.url
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        label = "\(request.method) \(components?.string ?? url.absoluteString)"
        for (name, value) in request.headers where (name + value).utf8.contains(where: { $0 == 0x0d || $0 == 0x0a }) {
            throw RefusedRequest(description: "\(label): the header \(name) contains a line break; the request was not sent.")
        }
        guard let handle = curl_easy_init() else {
            throw RefusedRequest(description: "\(label): libcurl could not create a handle (out of memory).")
        }
        self.handle = handle
        self.destination = destination
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
        do {
            try configure(request, url: url, timeout: timeout)
        } catch {
            release()
            throw error
        }
    }

    /// Resumes the waiting task with the response, or with the error that stopped the transfer.
    func finish(_ result: CURLcode) {
        let status = s3h_curl_response_code(handle)
        defer { release() }
        guard result == CURLE_OK else {
            discardPartial()
            continuation.resume(throwing: writeFailure ?? urlError(result))
            return
        }
        let response = HTTPResponse(statusCode: status, headers: headers, body: body)
        if let destination, response.isSuccess {
            do {
                let path = try partialFile().path
                close(partial!.descriptor)
                partial = nil
                guard rename(path, destination.path) == 0 else {
                    let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    unlink(path)
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
                        "\(label): could not move the download to \(destination.path): \(error.localizedDescription)"])
                }
            } catch {
                discardPartial()
                continuation.resume(throwing: error)
                return
            }
        }
        continuation.resume(returning: response)
    }

    /// Resumes the waiting task with a failure that happened before the transfer started.
    func fail(message: String) {
        defer { release() }
        continuation.resume(throwing: URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "\(label): \(message)"]))
    }

    // MARK: Callbacks (loop thread)

    /// One header line; a status line (a new response after `100 Continue`) starts the headers afresh.
    fileprivate func receiveHeader(_ line: UnsafeBufferPointer<UInt8>) {
        if line.starts(with: "HTTP/".utf8) {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: Self.trimmed(line[..<colon]), as: UTF8.self).lowercased()
        let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
        headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    }

    /// The bytes without leading and trailing spaces, tabs, CR and LF.
    private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0d || $0 == 0x0a }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    /// Body bytes: to the partial file for a 2xx download, else into memory. Returns false to abort.
    fileprivate func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard destination != nil, (200..<300).contains(s3h_curl_response_code(handle)) else {
            body.append(bytes)
            return true
        }
        do {
            let descriptor = try partialFile().descriptor
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
                        "\(label): could not write the download beside \(destination!.path): " +
                        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO).localizedDescription])
                }
                offset += written
            }
            return true
        } catch {
            writeFailure = error
            return false
        }
    }

    // MARK: Private

    private func configure(_ request: HTTPRequest, url: URL, timeout: TimeInterval) throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(url.absoluteString.withCString { s3h_curl_set_pointer(handle, CURLOPT_URL, $0) })
        try check(s3h_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(s3h_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(s3h_curl_set_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        try check(s3h_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeout * 1000)))
        // "Timeout" is a stall, not a total: under 1 byte/s for `timeout` seconds.
        try check(s3h_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
        try check(s3h_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout.rounded(.up)))))
        try check(s3h_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, curlBodyCallback))
        try check(s3h_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(s3h_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        try check(s3h_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))

        let method = request.method.uppercased()
        let sendsBody = !request.body.isEmpty || ["PUT", "POST", "PATCH"].contains(method)
        switch method {
        case "GET" where !sendsBody:
            try check(s3h_curl_set_long(handle, CURLOPT_HTTPGET, 1))
        case "HEAD":
            try check(s3h_curl_set_long(handle, CURLOPT_NOBODY, 1))
        default:
            try check(method.withCString { s3h_curl_set_pointer(handle, CURLOPT_CUSTOMREQUEST, $0) })
        }
        if sendsBody {
            // Copied by curl, so the request's Data need not outlive this call.
            try check(s3h_curl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            try check(request.body.withUnsafeBytes { bytes in
                s3h_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(errorBuffer))
            })
        }

        var lines = request.headers.filter { $0.key.lowercased() != "host" }
            .map { $0.value.isEmpty ? "\($0.key);" : "\($0.key): \($0.value)" }
        // Nothing curl would add on its own: no `Expect: 100-continue` round trip, no form Content-Type.
        lines.append("Expect:")
        if sendsBody && request.header("Content-Type") == nil { lines.append("Content-Type:") }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw RefusedRequest(description: "\(label): out of memory building headers.")
            }
            headerList = appended
        }
        try check(s3h_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList))
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw RefusedRequest(description: "\(label): libcurl refused an option: \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// The temporary file beside the destination, created on first use.
    private func partialFile() throws -> (descriptor: Int32, path: String) {
        if let partial { return partial }
        let destination = destination!
        var template = Array(destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
                "\(label): could not create a file beside \(destination.path): " +
                POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO).localizedDescription])
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let created = (descriptor: descriptor, path: path)
        partial = created
        return created
    }

    private func discardPartial() {
        guard let partial else { return }
        close(partial.descriptor)
        unlink(partial.path)
        self.partial = nil
    }

    private func urlError(_ result: CURLcode) -> URLError {
        let code: URLError.Code = switch result {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .cannotFindHost
        case CURLE_COULDNT_CONNECT: .cannotConnectToHost
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_PEER_FAILED_VERIFICATION: .serverCertificateUntrusted
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE: .secureConnectionFailed
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE: .networkConnectionLost
        default: .unknown
        }
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(result))
        return URLError(code, userInfo: [NSLocalizedDescriptionKey: "\(label): \(detail)"])
    }

    private func release() {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer.deallocate()
    }
}

private let curlBodyCallback: s3h_curl_data_callback = { data, size, count, context in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self), count: size * count)
    return transfer.receiveBody(bytes) ? size * count : 0
}

private let curlHeaderCallback: s3h_curl_data_callback = { data, size, count, context in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    transfer.receiveHeader(UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self),
                                               count: size * count))
    return size * count
}
