import JobFeedCore
import Yams

/// Reads one YAML mapping of the config, key by key, collecting diagnostics instead of stopping
/// at the first problem, and flags any key it was not asked for.
package struct MappingReader {
    package let source: YAMLSource
    package let node: Node
    package let path: String
    private let mapping: Node.Mapping?
    package private(set) var diagnostics: [Diagnostic] = []

    package init(_ node: Node, path: String, source: YAMLSource) {
        self.source = source
        self.node = node
        self.path = path
        self.mapping = node.mapping
        if mapping == nil {
            diagnostics.append(.error("'\(path)' must be a mapping of keys to values", at: source.location(of: node)))
        }
    }

    package func value(_ key: String) -> Node? {
        mapping?[key]
    }

    package mutating func string(_ key: String, required: Bool = false) -> String? {
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

    package mutating func strings(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        guard let list = value.scalarList else {
            fail("'\(qualified(key))' must be a value or a list of values", at: value)
            return []
        }
        return list
    }

    package mutating func child(_ key: String) -> MappingReader? {
        guard let value = value(key) else { return nil }
        let reader = MappingReader(value, path: qualified(key), source: source)
        if reader.mapping == nil {
            diagnostics += reader.diagnostics
            return nil
        }
        return reader
    }

    /// Keeps the diagnostics a nested reader found.
    package mutating func absorb(_ other: MappingReader) {
        diagnostics += other.diagnostics
    }

    package mutating func fail(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: source.location(of: node ?? self.node)))
    }

    /// Reports every key that is not in `known`, suggesting the nearest known one.
    package mutating func rejectUnknownKeys(_ known: [String]) {
        for (key, _) in mapping ?? [:] {
            let name = key.scalarText ?? "?"
            if !known.contains(name) {
                fail("unknown key '\(qualified(name))'; \(Suggestion.hint(for: name, in: known))", at: key)
            }
        }
    }

    package func qualified(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    package var pairs: [(key: String, keyNode: Node, value: Node)] {
        (mapping ?? [:]).map { ($0.key.scalarText ?? "", $0.key, $0.value) }
    }
}
