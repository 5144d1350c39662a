import Foundation
import Testing
@testable import JobFeedReading

/// What a posting file's path says (language, slug) and whether a name is a posting file, taken
/// apart without allocating a `String` per component: the same answers as the plain reading
/// (`Reference`), for paths written every way sites write them and some no site should.
@Suite struct PostingPathTests {
    /// The reading as it was first written: components as Strings, extensions lowercased.
    enum Reference {
        static func read(_ relativePath: String, _ languages: [String]) -> (language: String?, slug: String) {
            var components = relativePath.split(separator: "/").map(String.init)
            var stem = components.removeLast()
            for ext in PostingPath.extensions where stem.lowercased().hasSuffix(ext) {
                stem = String(stem.dropLast(ext.count))
                break
            }
            var language: String?
            if let folder = components.firstIndex(where: { languages.contains($0) }) { language = components.remove(at: folder) }
            if let dot = stem.lastIndex(of: "."), languages.contains(String(stem[stem.index(after: dot)...])) {
                language = language ?? String(stem[stem.index(after: dot)...])
                stem = String(stem[..<dot])
            }
            if stem == "index", !components.isEmpty { stem = components.removeLast() }
            return (language, (components + [stem]).joined(separator: "/"))
        }

        static func isPostingFile(_ name: String) -> Bool {
            !name.hasPrefix("_") && !name.hasPrefix(".") && PostingPath.extensions.contains { name.lowercased().hasSuffix($0) }
        }
    }

    static let languages = ["en", "fr", "pt-BR"]
    static let listed = [
        "en/jobs/designer.md", "jobs/designer.fr.md", "jobs/x/index.md", "fr/index.md", "index.md", "en/careers/Designer.MD",
        "designer.Markdown", "designer.markdown.md", "notes.txt", "en/fr/x.en.md", "pt-BR/emplois/a.md", "x.pt-BR.md",
        "x.PT-BR.md", "x.EN.md", "en/x.md.fr", "a/b/c/index.fr.md", "en/index.en.md", "x.mD", "x.md\u{301}", "x.marK\u{212A}down",
        "x.mar\u{212A}down", "x.ma\u{0301}rkdown", "équipe/développeur.fr.md", "emplois/Développeur.MD", "x.\r\n.md", ".md",
        "_draft.md", ".hidden.md", "x..md", "en/.md", "e\u{301}n/x.md", "x.e\u{301}n.md", "Ⅻ.md", "x.MARKDOWN", "x.Md",
    ]

    @Test func pathsReadAsThePlainReadingReadsThem() {
        var generator = SplitMix64(seed: 0x5EED_9A7B)
        let parts = ["en", "fr", "pt-BR", "index", "x", "Jobs", "é", "e\u{301}", ".", "..", "md", "K", "\u{212A}", "\r", "\n"]
        let endings = [".md", "\u{0E}md", "\u{0E}MD", ".MD", ".Md", ".markdown", ".MarkDown", ".fr.md", ".en.MD", ".txt", "", ".md.md", ".\u{212A}", ".m\u{0301}d"]
        var paths = Self.listed
        for _ in 0..<4_000 {
            let depth = Int.random(in: 1...4, using: &generator)
            let folders = (1..<depth).map { _ in parts.randomElement(using: &generator)! }
            let name = (0..<Int.random(in: 1...2, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
            paths.append((folders + [name + endings.randomElement(using: &generator)!]).joined(separator: "/"))
        }
        for path in paths where !path.split(separator: "/").isEmpty {
            let read = PostingPath(relativePath: path, languages: Self.languages)
            let expected = Reference.read(path, Self.languages)
            #expect(read.language == expected.language && read.slug == expected.slug, "\(path.debugDescription)")
            let name = String(path.split(separator: "/").last!)
            #expect(PostingPath.isPostingFile(name) == Reference.isPostingFile(name), "\(name.debugDescription)")
        }
    }
}
