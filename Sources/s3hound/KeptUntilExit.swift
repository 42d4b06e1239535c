/// Values a command leaves to the operating system to free when the process exits: a scan of a month
/// of logs holds millions of small tallies, and releasing them one by one takes seconds for nothing.
/// Only for the command-line tool, whose process ends right after the command.
enum KeptUntilExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
