/// Access keys are shown masked, `AKIA…WXYZ`: enough to recognise, never enough to use or leak.
public enum AccessKeyMask {
    /// Masks an access key id to its first four and last four characters.
    public static func mask(_ accessKeyId: String) -> String {
        let characters = Array(accessKeyId)
        guard characters.count > 8 else { return String(repeating: "…", count: characters.isEmpty ? 0 : 1) }
        return String(characters.prefix(4)) + "…" + String(characters.suffix(4))
    }

    /// The last four characters, used to pick the key out of `list-access-keys` without printing it.
    public static func suffix(_ accessKeyId: String) -> String { String(accessKeyId.suffix(4)) }
}
