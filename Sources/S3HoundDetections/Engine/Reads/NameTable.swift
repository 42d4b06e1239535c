/// Strings numbered in the order first seen (from 1; 0 means none), for the `ReadLedger`'s records:
/// bucket names, access keys and owner accounts repeat across millions of reads.
struct NameTable {
    /// The names, `names[id - 1]` for each id.
    private(set) var names: [String] = []
    private var ids: [String: UInt32] = [:]
    // Reads come in runs against one bucket with one key: the last name answers most lookups.
    private var lastName = ""
    private var lastID: UInt32 = 0

    /// The number of `name`, giving it the next one when it is new.
    mutating func id(_ name: String) -> UInt32 {
        if lastID != 0, name == lastName { return lastID }
        let id: UInt32
        if let known = ids[name] {
            id = known
        } else {
            names.append(name)
            id = UInt32(names.count)
            ids[name] = id
        }
        lastName = name
        lastID = id
        return id
    }

    /// The name numbered `id`, or nil for 0.
    func name(_ id: UInt32) -> String? { id == 0 ? nil : names[Int(id) - 1] }
}
