import Yams

/// Reads one YAML mapping of the config, key by key, collecting diagnostics instead of stopping
/// at the first problem, and flags any key it was not asked for.
struct MappingReader {
    let source: YAMLSource
    let node: Node
    let path: String
    private let mapping: Node.Mapping?
    private(set) var diagnostics: [Diagnostic] = []

    init(_ node: Node, path: String, source: YAMLSource) {
        self.source = source
        self.node = node
        self.path = path
        self.mapping = node.mapping
        if mapping == nil {
            diagnostics.append(.error("'\(path)' must be a mapping of keys to values", at: source.location(of: node)))
        }
    }

    func value(_ key: String) -> Node? {
        mapping?[key]
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { fail("missing required key '\(qualified(key))'", at: node) }
            return nil
        }
        guard let text = value.scalarText else {
            fail("'\(qualified(key))' must be a single value, not \(value.kindName)", at: value)
            return nil
        }
        return text
    }

    mutating func strings(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        guard let list = value.scalarList else {
            fail("'\(qualified(key))' must be a value or a list of values", at: value)
            return []
        }
        return list
    }

    mutating func child(_ key: String) -> MappingReader? {
        guard let value = value(key) else { return nil }
        let reader = MappingReader(value, path: qualified(key), source: source)
        if reader.mapping == nil {
            diagnostics += reader.diagnostics
            return nil
        }
        return reader
    }

    /// Keeps the diagnostics a nested reader found.
    mutating func absorb(_ other: MappingReader) {
        diagnostics += other.diagnostics
    }

    mutating func fail(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: source.location(of: node ?? self.node)))
    }

    /// Reports every key that is not in `known`, suggesting the nearest known one.
    mutating func rejectUnknownKeys(_ known: [String]) {
        for (key, _) in mapping ?? [:] {
            let name = key.scalarText ?? "?"
            if !known.contains(name) {
                fail("unknown key '\(qualified(name))'; \(Suggestion.hint(for: name, in: known))", at: key)
            }
        }
    }

    func qualified(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    var pairs: [(key: String, keyNode: Node, value: Node)] {
        (mapping ?? [:]).map { ($0.key.scalarText ?? "", $0.key, $0.value) }
    }
}
