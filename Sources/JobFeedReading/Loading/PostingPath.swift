
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
        var components = relativePath.split(separator: "/").map(String.init)
        var stem = Self.stripExtension(components.removeLast())
        var language: String?
        if let folder = components.firstIndex(where: { languages.contains($0) }) {
            language = components.remove(at: folder)
        }
        if let dot = stem.lastIndex(of: "."), languages.contains(String(stem[stem.index(after: dot)...])) {
            let suffix = String(stem[stem.index(after: dot)...])
            language = language ?? suffix
            stem = String(stem[..<dot])
        }
        if stem == "index", !components.isEmpty { stem = components.removeLast() }
        self.language = language
        self.slug = (components + [stem]).joined(separator: "/")
    }

    /// The slug with its last part replaced by a front-matter `slug`.
    package func slug(replacingLastWith name: String) -> String {
        guard let slash = slug.lastIndex(of: "/") else { return name }
        return slug[...slash] + name
    }

    package static func isPostingFile(_ name: String) -> Bool {
        guard !name.hasPrefix("_"), !name.hasPrefix(".") else { return false }
        return extensions.contains { name.lowercased().hasSuffix($0) }
    }

    private static func stripExtension(_ name: String) -> String {
        for ext in extensions where name.lowercased().hasSuffix(ext) {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// A slug part must stay inside its output folder and be a usable file name.
    package static func isSafeComponent(_ part: Substring) -> Bool {
        !part.isEmpty && part != "." && part != ".." && !part.hasPrefix(".") && part.utf8.count <= 200
            && !part.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" || $0 == "/" || $0.value == 0x7F }
    }

    package static func isSafeSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isSafeComponent)
    }
}
