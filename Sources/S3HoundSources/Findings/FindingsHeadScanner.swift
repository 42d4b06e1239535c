/// Reads the first bytes of a file — possibly cut mid-value — far enough to tell a findings document from
/// anything else. It follows JSON structure (strings, escapes, nesting) without building values and records
/// the keys, and short text values, of the few objects that decide: the top-level object (or the first
/// element of a top-level array) and the first element of its `findings` list. Keys are lower-cased.
struct FindingsHeadScanner {
    /// Keys and short text values of one object.
    struct ObjectSummary {
        var keys: Set<String> = []
        var text: [String: String] = [:]

        func has(_ key: String) -> Bool { keys.contains(key) }
    }

    /// The top-level object, or the first element of a top-level array.
    var root = ObjectSummary()
    /// True when the top-level value (or a top-level array's first element) is an object.
    var sawRootObject = false
    /// True when the root's `findings` value is a list.
    var findingsIsList = false
    /// The first element of the root's `findings` list.
    var firstFinding = ObjectSummary()
    /// True when the `findings` list has a first element.
    var sawFirstFinding = false

    private enum Role { case root, rootArray, findingsList, firstFinding, other }

    private struct Frame {
        var isObject: Bool
        var role: Role
        var expectingKey = true
        var key: String?
        var index = 0
    }

    /// Scans `head`; stops at the end of the first top-level value or of the bytes.
    init(_ head: UnsafeRawBufferPointer) {
        var position = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { position = 3 }
        var stack: [Frame] = []
        let count = head.count
        scan: while position < count {
            let byte = head[position]
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09:
                position += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                let role = childRole(isObject: isObject, parent: stack.last)
                stack.append(Frame(isObject: isObject, role: role))
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard !stack.isEmpty else { break scan }
                stack.removeLast()
                position += 1
                if stack.isEmpty { break scan }
            case UInt8(ascii: ","):
                if stack.isEmpty { break scan }
                if stack[stack.count - 1].isObject {
                    stack[stack.count - 1].expectingKey = true
                    stack[stack.count - 1].key = nil
                } else {
                    stack[stack.count - 1].index += 1
                }
                position += 1
            case UInt8(ascii: ":"):
                if !stack.isEmpty { stack[stack.count - 1].expectingKey = false }
                position += 1
            case UInt8(ascii: "\""):
                guard let (text, end) = Self.string(in: head, from: position) else { break scan }
                position = end
                guard var top = stack.last else { break scan }
                if top.isObject && top.expectingKey {
                    let key = text.lowercased()
                    top.key = key
                    stack[stack.count - 1] = top
                    record(key: key, in: top.role)
                } else if top.isObject, let key = top.key {
                    record(text: text, for: key, in: top.role)
                }
            default:
                // A number or literal: skip to the next delimiter.
                guard !stack.isEmpty else { break scan }
                while position < count {
                    let next = head[position]
                    if next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: "]") || next == 0x20
                        || next == 0x0A || next == 0x0D || next == 0x09 { break }
                    position += 1
                }
            }
        }
    }

    private mutating func childRole(isObject: Bool, parent: Frame?) -> Role {
        guard let parent else {
            if isObject { sawRootObject = true }
            return isObject ? .root : .rootArray
        }
        switch parent.role {
        case .rootArray where isObject && parent.index == 0:
            sawRootObject = true
            return .root
        case .root where !isObject && parent.isObject && parent.key == "findings":
            findingsIsList = true
            return .findingsList
        case .findingsList where isObject && parent.index == 0:
            sawFirstFinding = true
            return .firstFinding
        default:
            return .other
        }
    }

    private mutating func record(key: String, in role: Role) {
        switch role {
        case .root: root.keys.insert(key)
        case .firstFinding: firstFinding.keys.insert(key)
        default: break
        }
    }

    private mutating func record(text: String, for key: String, in role: Role) {
        guard text.utf8.count <= 256 else { return }
        switch role {
        case .root: root.text[key] = text
        case .firstFinding: firstFinding.text[key] = text
        default: break
        }
    }

    /// The string starting at the quote at `start` (escapes kept as written) and the offset after its closing
    /// quote; nil when the bytes end first. Only short strings are decoded: long ones come back empty.
    private static func string(in bytes: UnsafeRawBufferPointer, from start: Int) -> (String, Int)? {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"):
                position += 2
            case UInt8(ascii: "\""):
                let length = position - start - 1
                let text = length <= 256 ? String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<position]), as: UTF8.self) : ""
                return (text, position + 1)
            default:
                position += 1
            }
        }
        return nil
    }
}
