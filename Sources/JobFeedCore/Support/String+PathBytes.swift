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

    /// The parts between `/` bytes.
    package func pathComponents(omittingEmpty: Bool = true) -> [Substring] {
        Substring(self).utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// What follows the last `/` byte (all of it when there is none).
    package var lastPathComponent: Substring {
        let whole = Substring(self)
        guard let slash = whole.utf8.lastIndex(of: UInt8(ascii: "/")) else { return whole }
        return whole[whole.utf8.index(after: slash)...]
    }

    /// What comes before the last `/` byte (nothing when there is none).
    package var folderPath: Substring {
        let whole = Substring(self)
        guard let slash = whole.utf8.lastIndex(of: UInt8(ascii: "/")) else { return whole[whole.startIndex..<whole.startIndex] }
        return whole[..<slash]
    }
}
