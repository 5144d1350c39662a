/// Reads a TOML 1.0 document (Hugo's `+++` front matter) into its root table. No TOML
/// package resolves here (TOMLKit depends on one that cannot be fetched), so the rules are
/// written out, and tested against Python's `tomllib` on the same documents.
package enum TOMLDocument {
    package static func parse(_ text: String) throws(TOMLError) -> [TOMLEntry] {
        // A CRLF line break is a line break (a TOML file saved on Windows).
        var reader = Reader(TOMLScanner(text.replacingOccurrences(of: "\r\n", with: "\n")))
        try reader.read()
        guard case let .table(entries) = reader.root.node.value else { return [] }
        return entries
    }

    private struct Reader {
        var scanner: TOMLScanner
        let root = TOMLTableBuilder(at: TOMLPosition(line: 1, column: 1))
        var flags = TOMLFlags()
        /// The key path of the section that key/value lines go into.
        var header: [(String, TOMLPosition)] = []

        init(_ scanner: TOMLScanner) {
            self.scanner = scanner
        }

        mutating func read() throws(TOMLError) {
            while true {
                scanner.skipWhitespace()
                guard let byte = scanner.current else { return }
                if byte == 0x0A {
                    scanner.offset += 1
                    continue
                }
                if byte == UInt8(ascii: "[") {
                    flags.finalizePending()
                    try scanner.peek(1) == UInt8(ascii: "[") ? arrayTableHeader() : tableHeader()
                } else if TOMLScanner.isBareKey(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    try keyValue()
                } else if byte != UInt8(ascii: "#") {
                    throw scanner.error("expected a key, a [table] header or a comment")
                }
                scanner.skipWhitespace()
                try scanner.skipComment()
                guard let end = scanner.current else { return }
                guard end == 0x0A else { throw scanner.error("expected the end of the line after a value or header") }
                scanner.offset += 1
            }
        }

        /// A header's key, after its `[` or `[[`, with where the header starts.
        private mutating func headerKey(brackets: Int) throws(TOMLError) -> (start: Int, key: [(String, TOMLPosition)], names: [String]) {
            let start = scanner.offset
            scanner.offset += brackets
            scanner.skipWhitespace()
            let key = try scanner.key()
            return (start, key, key.map(\.0))
        }

        private mutating func tableHeader() throws(TOMLError) {
            let (start, key, names) = try headerKey(brackets: 1)
            if flags.isSet(names, .explicitNest) || flags.isSet(names, .frozen) {
                throw scanner.error("the table [\(names.joined(separator: "."))] is defined twice", at: start)
            }
            flags.set(names, .explicitNest, recursive: false)
            guard root.nest(key) != nil else { throw scanner.error("[\(names.joined(separator: "."))] names a key that holds a value", at: start) }
            try scanner.expect("]", "expected ']' to close the table header")
            header = key
        }

        private mutating func arrayTableHeader() throws(TOMLError) {
            let (start, key, names) = try headerKey(brackets: 2)
            if flags.isSet(names, .frozen) { throw scanner.error("[[\(names.joined(separator: "."))]] adds to an array written as a value", at: start) }
            flags.unsetAll(names)
            flags.set(names, .explicitNest, recursive: false)
            let (stem, position) = key[key.count - 1]
            guard let parent = root.nest(Array(key.dropLast())), parent.appendTable(stem, at: position) != nil else {
                throw scanner.error("[[\(names.joined(separator: "."))]] names a key that holds a value", at: start)
            }
            try scanner.expect("]]", "expected ']]' to close the header of an array of tables")
            header = key
        }

        private mutating func keyValue() throws(TOMLError) {
            let start = scanner.offset
            let (key, node) = try scanner.keyValue()
            let path = header + key
            let names = path.map(\.0)
            for length in header.count + 1..<path.count {
                let container = Array(names[..<length])
                if flags.isSet(container, .explicitNest) {
                    throw scanner.error("'\(container.joined(separator: "."))' is a table defined elsewhere; dotted keys cannot add to it", at: start)
                }
                flags.addPending(container, .explicitNest)
            }
            if flags.isSet(Array(names.dropLast()), .frozen) {
                throw scanner.error("'\(names.dropLast().joined(separator: "."))' is an inline table or array; it cannot be added to", at: start)
            }
            guard let nest = root.nest(Array(path.dropLast())) else {
                throw scanner.error("'\(names.joined(separator: "."))' goes through a key that holds a value", at: start)
            }
            let (stem, stemPosition) = path[path.count - 1]
            if nest.contains(stem) { throw scanner.error("'\(names.joined(separator: "."))' is defined twice", at: start) }
            if node.value.isContainer { flags.set(names, .frozen, recursive: true) }
            nest.set(stem, at: stemPosition, to: .value(node))
        }
    }
}
