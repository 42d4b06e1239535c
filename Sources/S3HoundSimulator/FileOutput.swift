import Foundation

/// The output directory: creates folders and new files, and never replaces an existing file.
final class FileOutput: @unchecked Sendable {
    let directory: URL
    private let lock = NSLock()
    private var createdFolders: Set<String> = []

    init(directory: URL) { self.directory = directory }

    /// Creates a folder (and its parents) below the directory, once.
    func createFolder(_ folder: String) throws {
        lock.lock(); defer { lock.unlock() }
        guard !createdFolders.contains(folder) else { return }
        let url = directory.appendingPathComponent(folder, isDirectory: true)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw SimulationError.writeFailed(url.path, error.localizedDescription)
        }
        createdFolders.insert(folder)
    }

    /// Writes a new file below the directory; fails if it already exists.
    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        // Plain POSIX calls: `Data.write` syncs every file to disk, which costs more than generating it.
        let path = directory.appendingPathComponent(relativePath).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw SimulationError.writeFailed(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw SimulationError.writeFailed(path, String(cString: strerror(errno))) }
            written += result
        }
    }
}

/// `write(2)`, reachable from inside types that have their own `write` methods.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
