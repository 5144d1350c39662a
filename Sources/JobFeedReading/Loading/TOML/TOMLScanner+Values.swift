extension TOMLScanner {
    /// Any value, with where it starts.
    mutating func value() throws(TOMLError) -> TOMLNode {
        let position = position()
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return TOMLNode(value: .string(try string()), position: position)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw error("arrays and inline tables nested more than \(Self.maxDepth) deep") }
            return current == UInt8(ascii: "[") ? TOMLNode(value: .array(try array()), position: position) : try inlineTable()
        default: return TOMLNode(value: try scalar(), position: position)
        }
    }

    /// `key = value`, whitespace allowed around the `=`.
    mutating func keyValue() throws(TOMLError) -> ([(String, TOMLPosition)], TOMLNode) {
        let key = try key()
        try expect("=", "expected '=' after the key")
        skipWhitespace()
        guard let byte = current, byte != 0x0A, byte != UInt8(ascii: "#") else { throw error("expected a value after '='") }
        return (key, try value())
    }

    private mutating func array() throws(TOMLError) -> [TOMLNode] {
        offset += 1
        var values: [TOMLNode] = []
        try skipArraySpace()
        while !skip("]") {
            values.append(try value())
            try skipArraySpace()
            if skip("]") { break }
            try expect(",", "expected ',' or ']' after an array's value")
            try skipArraySpace()
        }
        return values
    }

    /// `{ key = value, … }` on one line, without a comma after the last value.
    private mutating func inlineTable() throws(TOMLError) -> TOMLNode {
        let table = TOMLTableBuilder(at: position())
        let flags = TOMLFlags()
        offset += 1
        skipWhitespace()
        if skip("}") { return table.node }
        while true {
            let keyStart = offset
            let (key, node) = try keyValue()
            let names = key.map(\.0)
            if flags.isSet(names, .frozen) { throw error("'\(names.joined(separator: "."))' is inside an inline table or array written before; it cannot be added to", at: keyStart) }
            guard let nest = table.nest(Array(key.dropLast()), throughArrays: false) else {
                throw error("'\(names.joined(separator: "."))' goes through a key that holds a value", at: keyStart)
            }
            let (stem, stemPosition) = key[key.count - 1]
            if nest.contains(stem) { throw error("'\(stem)' is defined twice in this inline table", at: keyStart) }
            nest.set(stem, at: stemPosition, to: .value(node))
            skipWhitespace()
            if skip("}") { return table.node }
            try expect(",", "expected ',' or '}' in an inline table (which stays on one line)")
            if node.value.isContainer { flags.set(names, .frozen, recursive: true) }
            skipWhitespace()
        }
    }
}

extension TOMLValue {
    var isContainer: Bool {
        switch self {
        case .array, .table: true
        default: false
        }
    }
}
