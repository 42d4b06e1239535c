import CCurl
import Foundation

/// One libcurl multi handle and the thread that drives it: every `CurlTransport` request of the process runs
/// here, so connections are pooled and a thousand waiting downloads cost one sleeping thread.
///
/// `submit` may be called from any thread; the transfer is handed over under a lock and the loop is woken
/// with `curl_multi_wakeup`. Everything else (adding handles, performing, completing) happens on the loop
/// thread, which is started with the first request and lives as long as the process.
final class CurlEngine: @unchecked Sendable {
    /// The engine all transports share.
    static let shared = CurlEngine()

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var pending: [CurlTransfer] = []
    private var started = false
    /// Transfers in the multi handle, by easy handle; touched only by the loop thread.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    private init() {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let multi = curl_multi_init() else { fatalError("libcurl could not create a multi handle (out of memory)") }
        self.multi = multi
    }

    /// Queues a configured transfer; its continuation is resumed on the loop thread when it finishes.
    func submit(_ transfer: CurlTransfer) {
        let start = lock.withLock {
            pending.append(transfer)
            defer { started = true }
            return !started
        }
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "s3hound-http"
            thread.start()
        }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            for transfer in lock.withLock({ () -> [CurlTransfer] in defer { pending.removeAll() }; return pending }) {
                let code = curl_multi_add_handle(multi, transfer.handle)
                if code == CURLM_OK {
                    active[transfer.handle] = transfer
                } else {
                    transfer.fail(message: String(cString: curl_multi_strerror(code)))
                }
            }
            curl_multi_perform(multi, &running)
            var handle: UnsafeMutableRawPointer?
            var result = CURLE_OK
            while s3h_curl_next_done(multi, &handle, &result) == 1, let done = handle {
                curl_multi_remove_handle(multi, done)
                active.removeValue(forKey: done)?.finish(result)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }
}
