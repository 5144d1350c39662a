import JobFeedCore

/// Where a posting file sits below the postings folder, and what its path says about its
/// language and slug (`en/careers/designer.md`, `careers/designer.fr.md`, `jobs/x/index.md`).
package struct PostingPath: Sendable, Hashable {
    package var relativePath: String
    /// The language code the path names through a folder or a Hugo-style suffix, if any.
    package var language: String?
    /// The slug the path gives, without the language folder, suffix and extension.
    package var slug: String

    package static let extensions = [".md", ".markdown"]

    package init(relativePath: String, languages: [String]) {
        self.relativePath = relativePath
        var path = relativePath
        if let read = path.withUTF8({ Self.readPrintableASCII($0, languages: languages) }) {
            (language, slug) = read
            return
        }
        // Substrings until the slug is joined: every posting file's path is taken apart on every
        // build and every watcher rebuild.
        var components = relativePath.split(separator: "/")
        var stem = Self.stripExtension(components.removeLast())
        var language: String?
        if let folder = components.firstIndex(where: { component in languages.contains { $0 == component } }) {
            language = String(components.remove(at: folder))
        }
        if let dot = stem.lastIndex(of: ".") {
            let suffix = stem[stem.index(after: dot)...]
            if languages.contains(where: { $0 == suffix }) {
                language = language ?? String(suffix)
                stem = stem[..<dot]
            }
        }
        if stem == "index", !components.isEmpty { stem = components.removeLast() }
        self.language = language
        components.append(stem)
        self.slug = components.joined(separator: "/")
    }

    /// The same reading, on the bytes of a path of printable ASCII (nearly every site's, where
    /// a byte is a character): discovery takes every posting file's path apart before a cron
    /// build or a watcher's rebuild can start, and the reading by `Substring`s was 1.6 µs a path.
    /// Nil for any other path.
    private static func readPrintableASCII(_ path: UnsafeBufferPointer<UInt8>, languages: [String]) -> (language: String?, slug: String)? {
        guard path.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        // The components, as `split` gives them (empty ones left out).
        var folders: [Range<Int>] = []
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start { folders.append(start..<index) }
            start = index + 1
        }
        guard var stem = folders.popLast() else { return nil }
        if let ext = extensions.first(where: { endsWithIgnoringASCIICase(path[stem], $0) }) { stem = stem.lowerBound..<(stem.upperBound - ext.utf8.count) }
        func languageNamed(_ range: Range<Int>) -> String? {
            languages.first { $0.utf8.elementsEqual(path[range]) }
        }
        var language: String?
        if let folder = folders.firstIndex(where: { languageNamed($0) != nil }) { language = languageNamed(folders.remove(at: folder)) }
        if let dot = stem.last(where: { path[$0] == UInt8(ascii: ".") }), let named = languageNamed((dot + 1)..<stem.upperBound) {
            language = language ?? named
            stem = stem.lowerBound..<dot
        }
        if "index".utf8.elementsEqual(path[stem]), let folder = folders.popLast() { stem = folder }
        folders.append(stem)
        var slug: [UInt8] = []
        slug.reserveCapacity(path.count)
        for (number, folder) in folders.enumerated() {
            if number > 0 { slug.append(UInt8(ascii: "/")) }
            slug.append(contentsOf: path[folder])
        }
        return (language, String(decoding: slug, as: UTF8.self))
    }

    /// Whether the bytes end with the (lowercase) extension, ASCII letters in any case.
    private static func endsWithIgnoringASCIICase(_ name: some BidirectionalCollection<UInt8>, _ ext: String) -> Bool {
        name.count >= ext.utf8.count
            && zip(name.suffix(ext.utf8.count), ext.utf8).allSatisfy { byte, expected in
                (byte.isASCIIUppercaseLetter ? byte + 32 : byte) == expected
            }
    }

    /// The slug with its last part replaced by a front-matter `slug`.
    package func slug(replacingLastWith name: String) -> String {
        guard let slash = slug.lastIndex(of: "/") else { return name }
        return slug[...slash] + name
    }

    package static func isPostingFile(_ name: String) -> Bool {
        guard !name.startsWithByte("_"), !name.startsWithByte(".") else { return false }
        return postingExtension(of: name[...]) != nil
    }

    /// The name or path without its posting extension (`.md`, `.markdown`, in any case).
    package static func stripExtension(_ name: Substring) -> Substring {
        postingExtension(of: name).map { name.dropLast($0.count) } ?? name
    }

    /// The extension the name ends with, in any case. ASCII names (nearly all) are compared
    /// byte by byte; others as text, lowercased.
    private static func postingExtension(of name: Substring) -> String? {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return extensions.first { name.lowercased().hasSuffix($0) } }
        return extensions.first { endsWithIgnoringASCIICase(name.utf8, $0) }
    }

    /// The most bytes a slug part may have: it names per-posting files (with their extension
    /// and a `.gz` twin), and file systems take at most 255 bytes a name.
    package static let maximumComponentBytes = 200

    /// A slug part must stay inside its output folder and be a usable file name. Read as bytes
    /// and scalars, as the file system reads it: as `Character`s, `.` followed by a combining
    /// accent is no `.`, and a `/` after a prepended mark (U+0600) is no `/`.
    package static func isSafeComponent(_ part: Substring) -> Bool {
        !part.isEmpty && part.utf8.first != UInt8(ascii: ".") && part.utf8.count <= maximumComponentBytes
            && !part.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" || $0 == "/" || $0.value == 0x7F }
    }

    package static func isSafeSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .allSatisfy { isSafeComponent(Substring($0)) }
    }
}
