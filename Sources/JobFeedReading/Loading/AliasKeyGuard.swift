import Yams

/// Refuses a YAML document that uses an alias as a mapping key (or inside a key that is a list
/// or mapping), before Yams composes it. Yams checks each mapping for duplicate keys by hashing
/// them, and an aliased key is hashed through the whole structure its anchor stands for: nine
/// levels of nine aliases in a 425-byte posting took 6.6 s to refuse as invalid YAML, and each
/// level more multiplies that by nine. No front matter or config needs such a key.
///
/// The check composes a copy of the text in which every alias (`*name`, as libyaml reads one)
/// is a plain scalar of its own: with no alias left, nothing is hashed twice. A text with no
/// `*` at all is not looked at again. A copy that is not valid YAML says the text is not
/// either, at the same line and column: when the text then has what looks like an alias
/// before a `:`, the copy's error is thrown, since Yams composes the text up to its error
/// and would hash such a key on the way (the fuzzer's postings were of that kind).
///
/// In flow context, libyaml reads any `:` right after an alias as a key's end: `[*a:x]` as a
/// one-pair mapping keyed by `*a`, `{*a:x}` as a mapping keyed by `*a`, where the copy reads
/// one plain scalar (a plain scalar ends at a `:` only before a space or a flow indicator),
/// as an item or as a key with no value: such a scalar, starting with a placeholder then a
/// `:`, is the aliased key's place.
enum AliasKeyGuard {
    /// Where the first aliased key is in the text, if there is one.
    struct Found: Error {
        let mark: Mark?
    }

    /// What each character of an alias becomes in the copy (so that lines and columns stay
    /// where they were): a private-use character no YAML author types.
    private static let placeholder: Unicode.Scalar = "\u{E000}"

    /// Throws `Found`, or the copy's `YamlError` (see above).
    static func check(_ text: String) throws {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        let copy = Copy(of: text)
        let probe: Node?
        do {
            probe = try Yams.compose(yaml: copy.text, .basic, .default, .utf8)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context)
                    where duplicates.contains(where: { $0.unicodeScalars.contains(placeholder) }) {
            // Two aliases of one length as keys of one mapping: the same key in the copy.
            throw Found(mark: context.mark)
        } catch {
            if copy.hasAliasBeforeColon { throw error }
            return
        }
        if let probe, let key = firstAliasedKey(in: probe) { throw Found(mark: key.mark) }
    }

    /// The text with each `*` followed by an anchor name ([0-9A-Za-z_-], libyaml's) replaced,
    /// taken in one pass over its bytes (all of an alias's are ASCII): inside quoted or block
    /// text that only changes a string the copy is never read for.
    private struct Copy {
        let text: String
        /// Whether an alias-like token is followed, after spaces, by a `:` (whatever follows
        /// it: in flow context libyaml ends a key there). Quoted text can match too, which only
        /// costs such a broken document Yams' own message.
        let hasAliasBeforeColon: Bool

        init(of original: String) {
            let bytes = Array(original.utf8)
            var copied: [UInt8] = []
            copied.reserveCapacity(bytes.count)
            var index = 0
            var aliasBeforeColon = false
            while index < bytes.count {
                var end = index + 1
                while bytes[index] == UInt8(ascii: "*"), end < bytes.count, Self.isAnchorByte(bytes[end]) { end += 1 }
                guard end > index + 1 else {
                    copied.append(bytes[index])
                    index += 1
                    continue
                }
                for _ in index..<end { copied += placeholder.utf8 }
                aliasBeforeColon = aliasBeforeColon || Self.colonFollows(end, in: bytes)
                index = end
            }
            text = String(decoding: copied, as: UTF8.self)
            hasAliasBeforeColon = aliasBeforeColon
        }

        private static func colonFollows(_ start: Int, in bytes: [UInt8]) -> Bool {
            var index = start
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            return index < bytes.count && bytes[index] == UInt8(ascii: ":")
        }

        private static func isAnchorByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// The first mapping key that is, or holds, an alias's placeholder as a plain scalar, or
    /// the first sequence item or key that was a key's alias and what followed (see above);
    /// walked without recursion: the copy may nest as deep as its author likes.
    private static func firstAliasedKey(in root: Node) -> Node? {
        var nodes = [root]
        while let node = nodes.popLast() {
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping {
                    if holdsPlaceholder(key) { return key }
                    nodes.append(value)
                }
            case let .sequence(sequence):
                // Yams keeps no collection's style; in block context such an item or key is
                // not valid YAML either way, and is refused as one.
                if let item = sequence.first(where: startsWithAliasedKey) { return item }
                nodes.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    /// A plain scalar that starts with a placeholder run, then (after spaces) a `:`.
    private static func startsWithAliasedKey(_ item: Node) -> Bool {
        guard case let .scalar(scalar) = item, scalar.style == .plain else { return false }
        let rest = scalar.string.unicodeScalars.drop { $0 == placeholder }
        guard rest.count < scalar.string.unicodeScalars.count else { return false }
        return rest.drop { $0 == " " || $0 == "\t" }.first == ":"
    }

    /// Whether a key is, or holds at any depth, an alias's place: a plain scalar of
    /// placeholders, or one that starts with them and a `:` (`{[*a:x]: y}` keys a mapping with
    /// a mapping keyed by `*a`, all hashed with the outer key).
    private static func holdsPlaceholder(_ key: Node) -> Bool {
        var nodes = [key]
        while let node = nodes.popLast() {
            switch node {
            case let .scalar(scalar) where scalar.style == .plain && !scalar.string.isEmpty
                && (scalar.string.unicodeScalars.allSatisfy({ $0 == placeholder }) || startsWithAliasedKey(node)):
                return true
            case let .mapping(mapping):
                for (key, value) in mapping { nodes += [key, value] }
            case let .sequence(sequence):
                nodes.append(contentsOf: sequence)
            default:
                break
            }
        }
        return false
    }
}
