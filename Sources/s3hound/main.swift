import ArgumentParser
import Foundation

// Exit status: 0 ran and found nothing at or above --fail-on; 1 found incidents at or above it;
// 2 could not run (bad arguments, missing input). Help and --version exit 0.
do {
    var command = try S3Hound.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    if S3Hound.exitCode(for: error) == .success { S3Hound.exit(withError: error) }
    Terminal.error(S3Hound.fullMessage(for: error))
    exit(ExitStatus.couldNotRun)
}
