import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import S3HoundAWS

/// A real `moto_server` on 127.0.0.1 with signature checking on, started for one suite and stopped after it.
///
/// It runs under a small shell watchdog that kills moto when the suite ends (SIGTERM from `stop()`) or when the
/// test process dies, so the server never outlives the test run. `INITIAL_NO_AUTH_ACTION_COUNT=3` lets exactly
/// three unauthenticated IAM calls create a user, its access key and an allow-all policy; every later request
/// must carry a valid SigV4 signature from that key. moto is stopped with SIGKILL: moto_server 5.2.1's SIGTERM
/// handler (`sys.exit` inside werkzeug's loop) does not reliably stop it.
public final class MotoServer: Sendable {
    /// The server of the suite being run.
    @TaskLocal public static var current: MotoServer?

    /// `http://127.0.0.1:PORT`.
    public let endpoint: URL
    /// Credentials moto knows (created through IAM at start).
    public let credentials: AWSCredentials
    private let watchdog: Process

    private init(endpoint: URL, credentials: AWSCredentials, watchdog: Process) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.watchdog = watchdog
    }

    /// The server (or a fake beside it) could not be set up; says why.
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Starts moto on a free port, waits until it answers, and creates an IAM user with an access key.
    public static func start() async throws -> MotoServer {
        guard let moto = executable(named: "moto_server") else {
            throw SetupError(description: "moto_server not found on PATH: run scripts/setup (it installs moto[server]==5.2.1 from PyPI)")
        }
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-moto-\(port).log").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", """
            "$MOTO" -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
            moto=$!
            trap 'kill -9 $moto 2>/dev/null; exit 0' TERM INT
            while kill -0 "$WATCH" 2>/dev/null && kill -0 $moto 2>/dev/null; do sleep 0.5; done
            kill -9 $moto 2>/dev/null
            """]
        var environment = ProcessInfo.processInfo.environment
        environment["MOTO"] = moto
        environment["PORT"] = String(port)
        environment["LOG"] = log
        environment["WATCH"] = String(ProcessInfo.processInfo.processIdentifier)
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "3"
        environment["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false" // the EC2 backend otherwise spends ~10 s loading AMIs
        process.environment = environment
        try process.run()
        let endpoint = URL(string: "http://127.0.0.1:\(port)")!
        do {
            try await waitUntilAnswering(endpoint, log: log)
            let credentials = try await createIAMUser(endpoint)
            return MotoServer(endpoint: endpoint, credentials: credentials, watchdog: process)
        } catch {
            await stop(process)
            throw error
        }
    }

    /// Stops moto and waits (up to 10 s) for it to exit.
    public func stop() async { await Self.stop(watchdog) }

    /// SIGTERM to the watchdog, which kills moto; polls rather than `waitUntilExit`, which can block the executor.
    private static func stop(_ process: Process) async {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<100 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Every client, pointed at this server (region us-east-1, no retries); `credentials` default to the test user's.
    public func factory(credentials: AWSCredentials? = nil) -> AWSClientFactory {
        AWSClientFactory(credentials: credentials ?? self.credentials, region: "us-east-1",
                         endpointOverrides: Dictionary(uniqueKeysWithValues: AWSService.all.map { ($0, endpoint) }),
                         retryPolicy: RetryPolicy(maxAttempts: 1))
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Ports handed out in this process: two suites starting at once must never get the same one (the kernel
    /// may return a just-closed port again, and the second moto would then fail to bind while its readiness
    /// check is answered by the first).
    private static let handedOut = PortRegistry()

    private static func freePort() throws -> Int {
        for _ in 0..<50 {
            let port = try ephemeralPort()
            if handedOut.claim(port) { return port }
        }
        throw SetupError(description: "no unused local port found for moto_server")
    }

    private static func ephemeralPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SetupError(description: "socket() failed: \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw SetupError(description: "could not bind a free port on 127.0.0.1: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntilAnswering(_ endpoint: URL, log: String) async throws {
        // Generous: with the whole suite running on two cores, moto can take a while to import and start.
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline {
            // And reset the unauthenticated-request counter to 0 of 3.
            let request = HTTPRequest(method: "POST", url: endpoint.appendingPathComponent("moto-api/reset-auth"),
                                      headers: ["Content-Type": "text/plain"], body: Data("3".utf8))!
            if let response = try? await CurlTransport(timeout: 2).send(request), response.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw SetupError(description: "moto_server did not answer on \(endpoint) within 240 s; its output:\n\(output)")
    }

    /// The three unauthenticated IAM calls: CreateUser, PutUserPolicy (allow all), CreateAccessKey.
    private static func createIAMUser(_ endpoint: URL) async throws -> AWSCredentials {
        let bootstrap = AWSCredentials(accessKeyId: "AKIABOOTSTRAP0000000", secretAccessKey: "bootstrap")
        let iam = IAMClient(credentials: bootstrap, endpoint: endpoint, retryPolicy: RetryPolicy(maxAttempts: 1))
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await iam.createUser(userName: "s3hound-test")
        try await iam.putUserPolicy(userName: "s3hound-test", policyName: "all", policyDocument: policy)
        return try await iam.createAccessKey(userName: "s3hound-test")
    }
}

/// Runs a suite against its own `moto_server`, stopped when the suite ends.
public struct MotoServerTrait: SuiteTrait, TestScoping {
    public init() {}

    public func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let server = try await MotoServer.start()
        do {
            try await MotoServer.$current.withValue(server) { try await function() }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension Trait where Self == MotoServerTrait {
    /// Starts a real moto server for the suite.
    public static var motoServer: Self { Self() }
}

/// The set of ports already given to a server in this process.
private final class PortRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var ports: Set<Int> = []

    /// True when `port` was not handed out before (and now is).
    func claim(_ port: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return ports.insert(port).inserted
    }
}
