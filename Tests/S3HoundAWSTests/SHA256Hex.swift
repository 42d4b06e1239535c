import Crypto
import Foundation

/// SHA-256 for test expectations.
enum SHA256Hex {
    static func digest(_ text: String) -> [UInt8] { Array(SHA256.hash(data: Data(text.utf8))) }
}
