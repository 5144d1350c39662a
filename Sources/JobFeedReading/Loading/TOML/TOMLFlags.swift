/// What may still be done to each table of a document, by its key path: TOML forbids
/// defining a table twice, adding to one through dotted keys after its header, and changing
/// an inline table or an array written as a value.
struct TOMLFlags {
    enum Flag: Hashable {
        /// Opened by a header, or by dotted keys in an earlier section: no header opens it again.
        case explicitNest
        /// An inline table or array value: nothing inside may change.
        case frozen
    }

    private final class Entry {
        var flags: Set<Flag> = []
        var recursive: Set<Flag> = []
        var nested: [String: Entry] = [:]
    }

    private let root = Entry()
    /// Dotted keys' tables take `explicitNest` when the next header starts, not before: more
    /// dotted keys in the same section may still add to them.
    private var pending: [([String], Flag)] = []

    func isSet(_ key: [String], _ flag: Flag) -> Bool {
        guard let stem = key.last else { return false }
        var entry = root
        for part in key.dropLast() {
            guard let inner = entry.nested[part] else { return false }
            if inner.recursive.contains(flag) { return true }
            entry = inner
        }
        guard let last = entry.nested[stem] else { return false }
        return last.flags.contains(flag) || last.recursive.contains(flag)
    }

    func set(_ key: [String], _ flag: Flag, recursive: Bool) {
        var entry = root
        for part in key {
            if entry.nested[part] == nil { entry.nested[part] = Entry() }
            entry = entry.nested[part]!
        }
        if recursive { entry.recursive.insert(flag) } else { entry.flags.insert(flag) }
    }

    /// Forgets every flag at and below `key`: a new table of an array of tables starts clean.
    func unsetAll(_ key: [String]) {
        guard let stem = key.last else { return }
        var entry = root
        for part in key.dropLast() {
            guard let inner = entry.nested[part] else { return }
            entry = inner
        }
        entry.nested[stem] = nil
    }

    mutating func addPending(_ key: [String], _ flag: Flag) { pending.append((key, flag)) }

    mutating func finalizePending() {
        for (key, flag) in pending { set(key, flag, recursive: false) }
        pending.removeAll()
    }
}
