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
        (language, slug) = path.withUTF8 { Self.read($0, languages: languages) }
    }

    /// The path taken apart on its bytes, as the file system and the site generators take it:
    /// read as `Character`s, a `/` or `.` after a prepended mark (U+0600) was no `/` or `.`, so
    /// `x؀.md` was no Markdown file and was left out without a word. Discovery takes every
    /// posting file's path apart before a cron build or a watcher's rebuild can start (by
    /// `Substring`s it was 1.6 µs a path).
    private static func read(_ path: UnsafeBufferPointer<UInt8>, languages: [String]) -> (language: String?, slug: String) {
        // The components, as `split` gives them (empty ones left out).
        var folders: [Range<Int>] = []
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start { folders.append(start..<index) }
            start = index + 1
        }
        guard var stem = folders.popLast() else { return (nil, "") }
        if let length = extensionLength(path[stem]) { stem = stem.lowerBound..<(stem.upperBound - length) }
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

    /// How many bytes the posting extension the name ends with takes, its dot included (nil for
    /// none): what follows the last `.` byte, lower-cased as Go's `strings.ToLower` (Hugo's)
    /// does, is `md` or `markdown` (the Kelvin sign `\u{212A}` is a `k` to it).
    private static func extensionLength(_ name: some BidirectionalCollection<UInt8>) -> Int? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let ext = name[name.index(after: dot)...]
        let isPosting = ext.allSatisfy { $0 < 0x80 }
            ? extensions.contains { $0.utf8.dropFirst().elementsEqual(ext.lazy.map { $0.isASCIIUppercaseLetter ? $0 + 32 : $0 }) }
            : extensions.contains { $0.dropFirst() == String(decoding: ext, as: UTF8.self).lowercased() }
        return isPosting ? ext.count + 1 : nil
    }

    /// The slug with its last part replaced by a front-matter `slug`.
    package func slug(replacingLastWith name: String) -> String {
        slug.utf8.contains(UInt8(ascii: "/")) ? slug.parentFolder + "/" + name : name
    }

    package static func isPostingFile(_ name: String) -> Bool {
        guard !name.startsWithByte("_"), !name.startsWithByte(".") else { return false }
        return extensionLength(name.utf8) != nil
    }

    /// The name or path without its posting extension (`.md`, `.markdown`, in any case).
    package static func stripExtension(_ name: Substring) -> Substring {
        extensionLength(name.utf8).map { Substring(name.utf8.dropLast($0)) } ?? name
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
