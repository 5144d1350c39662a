/// A path's `/` and leading `.` or `_` found by their bytes, as the file system and the site
/// generators find them. Swift's `Character`s are grapheme clusters: a `/` followed by a
/// combining accent, or after a prepended mark (U+0600), is one `Character` with it and no `/`
/// to `split(separator: "/")`, and `_` followed by an accent is no `_` to `hasPrefix("_")`.
extension StringProtocol {
    /// Whether the name's first byte is this ASCII character (Hugo and Jekyll skip `.` and `_`
    /// names by their first byte).
    package func startsWithByte(_ character: Unicode.Scalar) -> Bool {
        utf8.first == UInt8(ascii: character)
    }

    /// Whether the last byte is this ASCII character.
    package func endsWithByte(_ character: Unicode.Scalar) -> Bool {
        Substring(self).utf8.last == UInt8(ascii: character)
    }

    /// Whether the bytes end with these (an extension such as `.jsonld`).
    package func endsWithBytes(_ suffix: String) -> Bool {
        Substring(self).utf8.count >= suffix.utf8.count && Substring(self).utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// Whether this path lies below `folder` (starts with its bytes and a `/`). As text, a path
    /// whose next name starts with a combining accent does not start with `folder/`, and one
    /// below a folder named alike in other code points does.
    package func isBelow(_ folder: some StringProtocol) -> Bool {
        let path = Substring(self).utf8, folder = Substring(folder).utf8
        return path.count > folder.count && path.starts(with: folder) && path.dropFirst(folder.count).first == UInt8(ascii: "/")
    }

    /// Whether this path is `folder` or lies below it, byte for byte.
    package func isAtOrBelow(_ folder: some StringProtocol) -> Bool {
        Substring(self).utf8.elementsEqual(Substring(folder).utf8) || isBelow(folder)
    }

    /// What follows these leading bytes; nil when the text does not start with them.
    package func afterBytes(_ prefix: some StringProtocol) -> Substring? {
        let text = Substring(self).utf8, prefix = Substring(prefix).utf8
        return text.starts(with: prefix) ? Substring(text.dropFirst(prefix.count)) : nil
    }

    /// The path below `folder`, without it and the `/` after it; nil when it is not below it.
    package func relative(below folder: some StringProtocol) -> Substring? {
        isBelow(folder) ? Substring(Substring(self).utf8.dropFirst(Substring(folder).utf8.count + 1)) : nil
    }

    /// The parts between `/` bytes.
    package func pathComponents(omittingEmpty: Bool = true) -> [Substring] {
        Substring(self).utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// What `NSString.deletingLastPathComponent` gives, found by bytes: Foundation on Linux
    /// looks for the `/` among `Character`s, so of `/a/x؀/b.md` it gave `/a` as the folder and
    /// `x؀/b.md` as the last component. Trailing `/`s are not a component; the root's folder is
    /// `/`, and a name's alone is empty.
    package var parentFolder: String {
        var path = Substring(self).utf8
        while path.count > 1, path.last == UInt8(ascii: "/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.startIndex ? "/" : String(Substring(path[..<slash]))
    }

    /// What `NSString.lastPathComponent` gives, found by bytes (see `parentFolder`).
    package var lastName: String {
        pathComponents().last.map(String.init) ?? (startsWithByte("/") ? "/" : "")
    }
}
