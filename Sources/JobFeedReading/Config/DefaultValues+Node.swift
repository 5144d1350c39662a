import JobFeedCore
import Yams

extension DefaultValues.Value {
    /// The value a `defaults:` node holds; nil for null or an alias.
    init?(_ node: Node) {
        switch node {
        case let .scalar(scalar):
            guard !node.isNull else { return nil }
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case let .sequence(sequence):
            self = .list(sequence.compactMap { DefaultValues.Value($0) })
        case let .mapping(mapping):
            self = .map(mapping.compactMap { key, value in
                guard let key = key.scalarText, let value = DefaultValues.Value(value) else { return nil }
                return DefaultValues.Pair(key: key, value: value)
            })
        case .alias:
            return nil
        }
    }

    /// The value as a YAML node again, for the field readers, which read a default exactly as
    /// they read a posting's own value.
    var node: Node {
        switch shape {
        case .scalar: return Node(text, plain ? .implicit : Tag(.str), plain ? .plain : .doubleQuoted)
        case .list: return Node(items.map(\.node))
        case .map: return Node(pairs.map { (Node($0.key), $0.value.node) })
        }
    }
}

/// The config's defaults as YAML nodes, made once per build. Yams' `Node` is a value that is
/// never mutated after it is made, but it is not marked `Sendable` (its anchors are classes),
/// hence the promise here.
struct DefaultNodes: @unchecked Sendable {
    let nodes: [PostingField: Node]

    init(_ defaults: DefaultValues) {
        nodes = defaults.values.mapValues(\.node)
    }
}
