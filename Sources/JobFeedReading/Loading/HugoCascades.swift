import Foundation
import JobFeedCore
import Yams

/// Hugo's `cascade:`, under `conventions: hugo`: front matter that a section page (`_index.md`)
/// sets for every page below it, in the same language, and the site's config for every page.
/// A page's own keys win, and a nearer section's cascade wins over a farther one's (the site
/// config's is the farthest); keys under `params:` are inherited one by one.
/// A cascade is a mapping, or a list of them; `_target` (or `target`) gives one only to the
/// pages whose path, kind, language and environment its globs match (`path: /jobs/internal/**`).
///
/// What cascades matters most for what it hides: `draft: true` or `_build: {render: never}` on a
/// section keeps every job below it off the site, and so out of every feed.
package struct HugoCascades: InheritedFrontMatter, @unchecked Sendable {
    // `@unchecked`: Yams' nodes are immutable values that do not declare `Sendable`.
    struct Entry {
        let values: Node.Mapping
        let target: Target
        let source: YAMLSource
    }

    private struct Cascade {
        let folder: String
        let language: String
        let entries: [Entry]
    }

    /// Hugo's page matcher; the environment a site is published from is `production`.
    struct Target {
        var path: HugoGlob?
        var kind: HugoGlob?
        var language: HugoGlob?
        var environment: HugoGlob?

        func matches(path pagePath: String, language pageLanguage: String) -> Bool {
            path?.matches(pagePath) ?? true && kind?.matches("page") ?? true
                && language?.matches(pageLanguage) ?? true && environment?.matches("production") ?? true
        }
    }

    /// Nearest first for any posting: the deepest folders come first.
    private let cascades: [Cascade]
    private let contentFolder: String?
    private let languages: [String]
    private let defaultLanguage: String
    package private(set) var diagnostics: [Diagnostic] = []

    init(_ config: Config) {
        self.init(pages: config.sectionPages, siteConfig: config.generatorConfig(of: .hugo),
                  contentFolder: config.contentFolder, languages: config.languageCodes, defaultLanguage: config.hugoDefaultLanguage)
    }

    package init(pages: [SectionPage], siteConfig: SiteFile?, contentFolder: String?, languages: [String], defaultLanguage: String) {
        self.contentFolder = contentFolder
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        var cascades: [Cascade] = []
        var diagnostics: [Diagnostic] = []
        for page in pages {
            let entries = Self.entries(of: page, diagnostics: &diagnostics)
            if !entries.isEmpty { cascades.append(Cascade(folder: page.folder, language: page.language, entries: entries)) }
        }
        // The site config's: above every folder (an empty one, which every path is below).
        if let siteConfig {
            let site = Self.siteCascades(of: siteConfig, languages: languages, diagnostics: &diagnostics)
            for language in languages {
                if let entries = site[language] { cascades.append(Cascade(folder: "", language: language, entries: entries)) }
            }
        }
        self.cascades = cascades.sorted { $0.folder.count > $1.folder.count }
        self.diagnostics = diagnostics
    }

    package var isEmpty: Bool { cascades.isEmpty }

    /// The posting's front matter with what cascades down to it added, and, by key in lower
    /// case (`params.location` for a key under `params:`), the section page each came from.
    package func apply(to mapping: Node.Mapping, file: PostingFile) -> (mapping: Node.Mapping, sources: [String: YAMLSource]) {
        guard !cascades.isEmpty else { return (mapping, [:]) }
        let folder = file.absolutePath.parentFolder
        let language = file.path.language ?? defaultLanguage
        let path = hugoPath(of: file)
        var merged = mapping
        var present = Set(mapping.compactMap { $0.key.scalarText?.lowercased() })
        var sources: [String: YAMLSource] = [:]
        for cascade in cascades where cascade.language == language && folder.isAtOrBelow(cascade.folder) {
            for entry in cascade.entries where entry.target.matches(path: path, language: language) {
                for (keyNode, value) in entry.values {
                    guard let key = keyNode.scalarText?.lowercased() else { continue }
                    if key == "params", let inherited = value.mapping, let ownKey = merged.first(where: { $0.key.scalarText?.lowercased() == "params" })?.key,
                       var params = merged[ownKey]?.mapping {
                        var names = Set(params.compactMap { $0.key.scalarText?.lowercased() })
                        for (paramKey, paramValue) in inherited {
                            guard let name = paramKey.scalarText?.lowercased(), names.insert(name).inserted else { continue }
                            params[paramKey] = paramValue
                            sources["params." + name] = entry.source
                        }
                        merged[ownKey] = .mapping(params)
                    } else if present.insert(key).inserted {
                        merged[keyNode] = value
                        sources[key] = entry.source
                    }
                }
            }
        }
        return (merged, sources)
    }

    /// The page's path as Hugo's matcher sees it: its slug's rules (`PostingPath`: no language
    /// folder or suffix, no extension, no bundle's `index`) from the content folder, in lower
    /// case, after a `/`.
    private func hugoPath(of file: PostingFile) -> String {
        let content = contentFolder ?? ""
        let relative = file.absolutePath.relative(below: content).map(String.init) ?? file.path.relativePath
        return "/" + PostingPath(relativePath: relative, languages: languages).slug.lowercased()
    }
}
