/// Refuses a YAML document that uses an alias as a mapping key (or inside a key that is a list
/// or mapping), before Yams composes it. Yams checks each mapping for duplicate keys by hashing
/// them, and an aliased key is hashed through the whole structure its anchor stands for: nine
/// levels of nine aliases in a 425-byte posting took 6.6 s to refuse as invalid YAML, and each
/// level more multiplies that by nine. No front matter or config needs such a key.
///
/// The check reads the text's events with the parser Yams composes with (`YAMLEventReader`),
/// up to the end of the first document (all Yams composes) or the parser's first error (where
/// Yams stops too), so it sees every key exactly as Yams will, in flow context and block alike
/// (`[*a:x]` is a one-pair mapping keyed by `*a`). It takes no time the composition would not:
/// events are read in one pass, and nothing an alias stands for is visited. A text with no
/// `*` at all has no alias and is not read.
enum AliasKeyGuard {
    /// Where the first aliased key is in the text (line and column from 1).
    struct Found: Error {
        let line: Int
        let column: Int
    }

    /// A collection being read: whether it is a mapping whose next node is a key, and whether
    /// it is itself inside a key (everything in it is then hashed with that key).
    private struct OpenCollection {
        let isMapping: Bool
        var expectsKey: Bool
        let isInsideKey: Bool
    }

    static func check(_ text: String) throws {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        let events = YAMLEventReader(text)
        var open: [OpenCollection] = []
        while let event = events.next() {
            switch event.kind {
            case .documentEnd, .streamEnd:
                return
            case .other:
                continue
            case .collectionEnd:
                _ = open.popLast()
                nodeEnded(in: &open)
            case .scalar, .alias, .sequenceStart, .mappingStart:
                let isInsideKey = open.last.map { $0.isInsideKey || ($0.isMapping && $0.expectsKey) } ?? false
                switch event.kind {
                case .alias where isInsideKey:
                    throw Found(line: event.line, column: event.column)
                case .sequenceStart, .mappingStart:
                    open.append(OpenCollection(isMapping: event.kind == .mappingStart, expectsKey: true, isInsideKey: isInsideKey))
                default:
                    nodeEnded(in: &open)
                }
            }
        }
    }

    /// A node of the innermost collection is complete: in a mapping, keys and values alternate.
    private static func nodeEnded(in open: inout [OpenCollection]) {
        guard let last = open.indices.last, open[last].isMapping else { return }
        open[last].expectsKey.toggle()
    }
}
