import Foundation
import JobFeedCore

/// Hugo's permalink tokens for one posting, for a site whose config sets `permalinks:` for the
/// postings' section (which `init` writes as the URL template): `:title`, `:slug`, `:filename`
/// and `:slugorfilename` as Hugo URL-izes them, `:sections` as Hugo's section tree has them
/// (its date tokens are `PermalinkDate`'s).
/// Checked against Hugo 0.111.3's pages (`HugoPathTests`).
package struct HugoPermalink {
    package static let names: Set<String> = ["hugoTitle", "hugoSlug", "hugoFilename", "hugoSlugOrFilename", "hugoSections"]
    private let posting: Posting
    private let reader: FieldReader
    private let path: PostingPath
    private let rules: HugoPath

    package init(posting: Posting, reader: FieldReader, path: PostingPath) {
        self.posting = posting
        self.reader = reader
        self.path = path
        rules = HugoPath(config: reader.config)
    }

    package func value(_ name: String) -> String? {
        switch name {
        case "hugoTitle": return urlized(posting.title)
        case "hugoSlug": return ownSlug.map(urlized) ?? urlized(posting.title)
        case "hugoFilename": return filename
        case "hugoSlugOrFilename": return ownSlug.map(urlized) ?? filename
        case "hugoSections": return sections
        default: return nil
        }
    }

    /// Hugo's `URLize`: its path rules, with `+` a separator (`C++ Dev` is `c-dev`), which it
    /// is not in a content file's own path.
    private func urlized(_ text: String) -> String {
        rules.sanitized(text.replacingOccurrences(of: "+", with: " "))
    }

    private var ownSlug: String? {
        reader.own(.slug)?.node.scalarText?.trimmed
    }

    /// Hugo's `:sections`: the page's top section (the folder below the content folder), then
    /// each folder on the way to the page that has a section page (`_index.md`) in the page's
    /// language: a folder without one, or a page bundle's, is no section in Hugo. Nil for a page
    /// outside the content folder.
    private var sections: String? {
        let config = reader.config
        guard let content = config.contentFolder, let below = posting.source.absolutePath.relative(below: content) else { return nil }
        let folders = below.pathComponents().dropLast().map(String.init)
        // A content folder per language (`content/fr/jobs/`): the language's folder is its root.
        let skipsLanguage = config.languageCodes.count > 1 && folders.first.map(config.languageCodes.contains) == true
        // Hugo 0.111 builds a section tree per language: a folder with only `_index.fr.md` is a
        // section of the French site alone.
        let withPages = Set(config.sectionPages.filter { $0.language == posting.language }.map(\.folder))
        var folder = content
        var sections: [String] = []
        for (index, name) in folders.enumerated() {
            folder += "/" + name
            if index == 0 && skipsLanguage { continue }
            if sections.isEmpty || withPages.contains(folder) { sections.append(rules.sanitized(name)) }
        }
        return sections.isEmpty ? nil : sections.joined(separator: "/")
    }

    /// The file's name without language and extension, or a page bundle's folder.
    private var filename: String? {
        path.slug.pathComponents().last.map { urlized(String($0)) }
    }
}
