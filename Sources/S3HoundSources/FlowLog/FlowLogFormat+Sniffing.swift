extension FlowLogFormat {
    /// True when a file's first line is a flow log header (`version account-id …`) or a default-format record
    /// (`2 123456789012 eni-…`).
    public static func looksLikeFlowLog(_ firstLine: UnsafeRawBufferPointer) -> Bool {
        if FlowLogFormat(header: firstLine) != nil { return true }
        var cursor = FieldCursor(line: firstLine, end: firstLine.count)
        guard let version = cursor.token(), version.count == 1, firstLine[version.lowerBound] == UInt8(ascii: "2"),
              let account = cursor.token(), let interface = cursor.token() else { return false }
        let accountBytes = UnsafeRawBufferPointer(rebasing: firstLine[account])
        let isAccount = (accountBytes.count == 12 && accountBytes.allSatisfy(LineByte.isDigit)) || LineByte.equals(accountBytes, "unknown")
        return isAccount && LineByte.hasPrefix(UnsafeRawBufferPointer(rebasing: firstLine[interface]), "eni-")
    }

    /// True when a first line of text is a flow log header or a default-format record.
    public static func looksLikeFlowLog(_ firstLine: String) -> Bool {
        var copy = firstLine
        return copy.withUTF8 { looksLikeFlowLog(UnsafeRawBufferPointer($0)) }
    }
}
