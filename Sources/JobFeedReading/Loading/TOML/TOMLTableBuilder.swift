/// A table while its document is read: tables that headers and dotted keys open stay open for
/// more keys until the document ends, then become a `TOMLValue`.
final class TOMLTableBuilder {
    enum Item {
        case value(TOMLNode)
        case table(TOMLTableBuilder)
        /// Made by `[[name]]` headers, one table each, and open to more of them.
        case tables([TOMLTableBuilder])
    }

    private(set) var keys: [(String, TOMLPosition)] = []
    private var items: [String: Item] = [:]
    let position: TOMLPosition

    init(at position: TOMLPosition) {
        self.position = position
    }

    func contains(_ key: String) -> Bool { items[key] != nil }

    func set(_ key: String, at keyPosition: TOMLPosition, to item: Item) {
        if items[key] == nil { keys.append((key, keyPosition)) }
        items[key] = item
    }

    /// The table at `path` below this one, made where missing; through arrays of tables, the
    /// last one. Nil where a value that is not such a table stands in the way.
    func nest(_ path: [(String, TOMLPosition)], throughArrays: Bool = true) -> TOMLTableBuilder? {
        var table = self
        for (key, position) in path {
            switch table.items[key] {
            case nil:
                let made = TOMLTableBuilder(at: position)
                table.set(key, at: position, to: .table(made))
                table = made
            case let .table(found)?:
                table = found
            case let .tables(found)? where throughArrays:
                guard let last = found.last else { return nil }
                table = last
            default:
                return nil
            }
        }
        return table
    }

    /// Appends a table to the array of tables at `key`, making the array where missing; nil
    /// when `key` holds something else.
    func appendTable(_ key: String, at position: TOMLPosition) -> TOMLTableBuilder? {
        let made = TOMLTableBuilder(at: position)
        switch items[key] {
        case nil: set(key, at: position, to: .tables([made]))
        case let .tables(found)?: items[key] = .tables(found + [made])
        default: return nil
        }
        return made
    }

    var node: TOMLNode {
        let entries = keys.map { key, position -> TOMLEntry in
            switch items[key]! {
            case let .value(node): TOMLEntry(key: key, keyPosition: position, node: node)
            case let .table(table): TOMLEntry(key: key, keyPosition: position, node: table.node)
            case let .tables(tables):
                TOMLEntry(key: key, keyPosition: position, node: TOMLNode(value: .array(tables.map(\.node)), position: position))
            }
        }
        return TOMLNode(value: .table(entries), position: position)
    }
}
