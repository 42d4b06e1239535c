import Dispatch

/// Runs async work from a synchronous caller (a reader thread, the CLI, or a test already on Swift's
/// cooperative pool) and waits for it. The work runs on its own dispatch-backed executor, not on the
/// cooperative pool: blocking cooperative threads while work waits for one would deadlock.
public enum BlockingAsync {
    static let executor = DispatchTaskExecutor()

    /// Runs `work` to completion and returns its value or rethrows its error.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: executor) {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// Runs non-throwing `work` to completion and returns its value.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        // The body cannot throw, so neither can this.
        try! run { () async throws -> Value in await work() }
    }

    private final class ResultBox<Value>: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }
}

/// A task executor that runs jobs on a private concurrent dispatch queue (whose threads grow when others block).
final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "s3hound.remote", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
