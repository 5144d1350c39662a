import Foundation
import JobFeedCore
import Yams

/// Jekyll's front matter defaults (`defaults:` in `_config.yml`), under `conventions: jekyll`.
/// Each set's `values` go to the documents its `scope` names: `path`, a prefix of the path from
/// the site's folder (`_jobs`, `_jobs/remote`) or a glob (`_jobs/*/intern*`); `type`, `posts`,
/// `drafts`, `pages` or a collection's label (`jobs`). A longer path, then a set with a
/// `type`, takes precedence, a later set over an earlier one of the same standing; mappings
/// are merged key by key, and the posting's own keys win (Jekyll's `FrontmatterDefaults`).
///
/// What a default hides matters most: `published: false` for a scope keeps every job in it
/// off the site, and so out of every feed.
package struct JekyllDefaults: InheritedFrontMatter, @unchecked Sendable {
    // `@unchecked`: Yams' nodes are immutable values that do not declare `Sendable`.
    private struct DefaultSet {
        let path: String
        let type: String?
        let values: Node.Mapping
    }

    private let sets: [DefaultSet]
    private let siteFolder: String
    /// `collections_dir`, with a trailing `/`: the folder the collections are in, which Jekyll
    /// leaves out of a document's path and a scope's path before it compares them.
    private let collectionsFolder: String?
    private let source: YAMLSource
    package private(set) var diagnostics: [Diagnostic] = []

    init(_ config: Config) {
        self.init(file: config.generatorConfig(of: .jekyll))
    }

    package init(file: SiteFile?) {
        siteFolder = file.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().resolvingSymlinksInPath().path } ?? ""
        source = YAMLSource(file: file?.displayPath ?? "_config.yml", lineOffset: 0)
        guard let file else {
            sets = []
            collectionsFolder = nil
            return
        }
        switch source.compose(file.text) {
        case let .success(root):
            collectionsFolder = Self.collectionsFolder(root?.mapping)
            let defaults = root?.mapping?.first { $0.key.scalarText == "defaults" }?.value.sequence.map(Array.init) ?? []
            // Jekyll skips a set without a `values` mapping, with a warning of its own.
            sets = defaults.compactMap { set in
                guard let mapping = set.mapping, let values = mapping["values"]?.mapping else { return nil }
                let scope = mapping["scope"]?.mapping
                let path = scope?["path"]?.scalarText ?? ""
                return DefaultSet(path: path.afterBytes("/").map(String.init) ?? path,
                                  type: scope?["type"]?.scalarText.map(Self.currentTypeName), values: values)
            }
        case let .failure(error):
            sets = []
            collectionsFolder = nil
            diagnostics = error.diagnostics
        }
    }

    package var isEmpty: Bool { sets.isEmpty }

    package func apply(to mapping: Node.Mapping, file: PostingFile) -> (mapping: Node.Mapping, sources: [String: YAMLSource]) {
        guard !sets.isEmpty, let below = file.absolutePath.relative(below: siteFolder) else { return (mapping, [:]) }
        var defaults = values(forPath: String(below))
        // A default permalink with tokens is the pattern of every page it reaches, not a page's
        // own path: `init` writes it as the URL template (`permalinkPattern(forPath:)`).
        if let key = defaults.first(where: { $0.key.scalarText == "permalink" })?.key, defaults[key]?.scalarText?.contains(":") == true {
            defaults = Node.Mapping(defaults.filter { $0.key != key })
        }
        guard !defaults.isEmpty else { return (mapping, [:]) }
        var taken: [String] = []
        let merged = Self.merge(mapping, over: defaults, taking: &taken)
        return (merged, Dictionary(taken.map { ($0.lowercased(), source) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The `permalink` the defaults give a document at this path from the site's folder
    /// (`_jobs/x.md`), which for a Jekyll page wins over its collection's.
    package func permalinkPattern(forPath path: String) -> String? {
        values(forPath: path).first { $0.key.scalarText == "permalink" }?.value.scalarText
    }

    /// The defaults for a document at this path, merged in Jekyll's order of precedence.
    private func values(forPath path: String) -> Node.Mapping {
        let type = Self.type(of: path)
        var defaults = Node.Mapping([])
        var standing: DefaultSet?
        for set in sets where (set.type == nil || set.type == type) && covers(set.path, path) {
            if Self.precedes(set, standing) {
                defaults = Self.merge(set.values, over: defaults)
                standing = set
            } else {
                defaults = Self.merge(defaults, over: set.values)
            }
        }
        return defaults
    }

    /// `top` over `base`, mappings merged key by key; `taken` gets the dotted paths of the keys
    /// only `base` has.
    private static func merge(_ top: Node.Mapping, over base: Node.Mapping, prefix: String = "", taking taken: inout [String]) -> Node.Mapping {
        var result = top
        for (key, value) in base {
            guard let name = key.scalarText else { continue }
            if let own = result.first(where: { $0.key.scalarText == name }) {
                if let ownMapping = own.value.mapping, let baseMapping = value.mapping {
                    result[own.key] = .mapping(merge(ownMapping, over: baseMapping, prefix: prefix + name + ".", taking: &taken))
                }
            } else {
                result[key] = value
                taken.append(prefix + name)
            }
        }
        return result
    }

    private static func merge(_ top: Node.Mapping, over base: Node.Mapping) -> Node.Mapping {
        var ignored: [String] = []
        return merge(top, over: base, taking: &ignored)
    }

    /// Jekyll's `has_precedence?`: a longer path (in code points, as Ruby counts) wins; at the
    /// same length, a set with a type, or one no less specific than the last.
    private static func precedes(_ new: DefaultSet, _ old: DefaultSet?) -> Bool {
        guard let old else { return true }
        let (newLength, oldLength) = (new.path.unicodeScalars.count, old.path.unicodeScalars.count)
        if newLength != oldLength { return newLength > oldLength }
        return new.type != nil || old.type == nil
    }

    /// A path scope covers the documents whose path starts with its bytes (Jekyll compares the
    /// text, not folder by folder, nor `é` with `e` and an accent); a glob, those below a file or
    /// folder it matches.
    private static func scope(_ scope: String, covers path: String) -> Bool {
        guard !scope.isEmpty else { return true }
        guard scope.utf8.contains(UInt8(ascii: "*")) else { return path.afterBytes(scope) != nil }
        var prefix = ""
        for component in path.pathComponents() {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            if fnmatch(scope, prefix, FNM_PATHNAME | FNM_PERIOD) == 0 { return true }
        }
        return false
    }

    /// Jekyll 4.3.1 (checked with `jekyll build`): under `collections_dir: my_collections`, a
    /// scope `_jobs/internal` and a scope `my_collections/_jobs/internal` both reach
    /// `my_collections/_jobs/internal/`, for both paths are compared without that folder; a
    /// glob is matched against the files as they lie, from the site's folder.
    private func covers(_ scope: String, _ path: String) -> Bool {
        guard let collectionsFolder, !scope.utf8.contains(UInt8(ascii: "*")) else { return Self.scope(scope, covers: path) }
        let strip = { (text: String) in text.afterBytes(collectionsFolder).map(String.init) ?? text }
        return Self.scope(strip(scope), covers: strip(path))
    }

    private static func collectionsFolder(_ root: Node.Mapping?) -> String? {
        guard let folder = root?.first(where: { $0.key.scalarText == "collections_dir" })?.value.scalarText?
            .trimmingCharacters(in: CharacterSet(charactersIn: "/")), !folder.isEmpty, folder != "." else { return nil }
        return folder + "/"
    }

    /// `posts`, `drafts`, a collection's label, or `pages`: from the document's first `_` folder.
    private static func type(of path: String) -> String {
        guard let folder = path.pathComponents().dropLast().first(where: { $0.startsWithByte("_") }) else { return "pages" }
        return String(folder.dropFirst())
    }

    /// Jekyll reads the old singular names (`post`, `page`, `draft`) as the plural ones.
    private static func currentTypeName(_ name: String) -> String {
        ["post": "posts", "page": "pages", "draft": "drafts"][name] ?? name
    }
}
