/// Why a simulation could not be written.
public struct SimulationError: Error, Equatable, CustomStringConvertible {
    private enum Reason: Equatable {
        case outputNotEmpty(String)
        case outputNotDirectory(String)
        case invalidOption(String)
        case writeFailed(String, String)
    }

    private let reason: Reason
    private init(_ reason: Reason) { self.reason = reason }

    /// The output directory already holds files; nothing is ever overwritten.
    public static func outputNotEmpty(_ path: String) -> SimulationError { SimulationError(.outputNotEmpty(path)) }
    /// The output path exists and is a file.
    public static func outputNotDirectory(_ path: String) -> SimulationError { SimulationError(.outputNotDirectory(path)) }
    /// An option is out of range.
    public static func invalidOption(_ message: String) -> SimulationError { SimulationError(.invalidOption(message)) }
    /// A file could not be written.
    public static func writeFailed(_ path: String, _ underlying: String) -> SimulationError { SimulationError(.writeFailed(path, underlying)) }

    /// True when the output directory already held files.
    public var isOutputNotEmpty: Bool { if case .outputNotEmpty = reason { return true } else { return false } }

    public var description: String {
        switch reason {
        case .outputNotEmpty(let path):
            return "\(path) already exists and is not empty; the simulator never overwrites files: choose a new or empty directory"
        case .outputNotDirectory(let path):
            return "\(path) exists and is not a directory: choose a directory path for the logs"
        case .invalidOption(let message):
            return message
        case .writeFailed(let path, let underlying):
            return "could not write \(path): \(underlying)"
        }
    }
}
