import Foundation
import JobFeedCore
import Yams

/// What a site generator's own config says that jobfeed needs: which generator, the base URL,
/// the languages and their titles, the default language, the content folder, the time zone.
public struct GeneratorSite: Sendable {
    public struct Language: Sendable, Hashable {
        public var code: String
        public var title: String?
        public var weight: Int
        /// Hugo's `languageCode` (`en-us`), as a BCP 47 tag (`en-US`): the feeds' language.
        public var locale: String?

        /// `en-us` or `fr_ca` as `en-US`, `fr-CA`.
        static func locale(_ text: String?) -> String? {
            guard let parts = text?.split(whereSeparator: { $0 == "-" || $0 == "_" }), let first = parts.first, !first.isEmpty else { return nil }
            return ([first.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "-")
        }
    }

    public var conventions: SiteConventions = .none
    /// The config file it came from, relative to the site's root.
    public var configFile: String?
    public var baseURL: String?
    public var title: String?
    public var languages: [Language] = []
    public var defaultLanguage: String?
    /// Hugo's `defaultContentLanguageInSubdir`: whether the default language's pages live
    /// under `/<lang>/` too.
    public var defaultLanguageInSubdir = false
    /// Hugo's content folder, or Jekyll's `collections_dir` (where its collections are).
    public var contentFolder = "."
    public var timeZone: String?
    /// Hugo's `disablePathToLower` and `removePathAccents`: how it makes its pages' paths.
    public var disablePathToLower = false
    public var removePathAccents = false
    /// Hugo: each language's own content folder (`languages.fr.contentDir`), by code.
    public var languageContentFolders: [String: String] = [:]
    /// Hugo: each section's `permalinks` pattern, by section name.
    public var sectionPermalinks: [String: String] = [:]
    /// Jekyll: the collections that render a page for each document (`output: true`; a
    /// collection's documents have none by default).
    public var outputCollections: Set<String> = []
    /// Jekyll: the site's `permalink` style (`pretty`, `date`… or a pattern), which sets how a
    /// collection's pages end when it has no permalink of its own.
    public var permalinkStyle: String?
    /// Jekyll: each collection's `permalink` pattern, by collection name.
    public var collectionPermalinks: [String: String] = [:]

    /// Reads the generator config in `root`, if there is one: Hugo's file, or its config
    /// folder, or Jekyll's `_config.yml`.
    public static func inspect(_ root: URL) -> GeneratorSite {
        for name in Config.hugoConfigNames {
            if let text = read(root.appendingPathComponent(name)) {
                return hugo(values(of: text, toml: name.hasSuffix(".toml")), file: name)
            }
        }
        if let (values, file) = hugoConfigFolder(root.appendingPathComponent("config/_default")) {
            return hugo(values, file: "config/_default/" + (file ?? ""))
        }
        if let text = read(root.appendingPathComponent("_config.yml")) { return jekyll(values(of: text, toml: false)) }
        return GeneratorSite()
    }

    /// Hugo's config split into a folder: `hugo.toml` (or `config.toml`, YAML, JSON) holds the
    /// root keys, and each other file the root key it is named for (`languages.toml` holds
    /// `[en]`, `[fr]`). Nil when the folder holds no config file; with the name of the one
    /// that holds the root keys, if there is one.
    private static func hugoConfigFolder(_ folder: URL) -> (values: [String: SiteConfigValue], rootFile: String?)? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var values: [String: SiteConfigValue] = [:]
        let rootFile = Config.hugoConfigNames.first { names.contains($0) }
        for name in names {
            let parts = name.split(separator: ".")
            guard parts.count == 2, ["toml", "yaml", "yml", "json"].contains(parts[1].lowercased()),
                  let text = read(folder.appendingPathComponent(name)) else { continue }
            let key = parts[0].lowercased()
            for (path, value) in Self.values(of: text, toml: parts[1].lowercased() == "toml") {
                values[key == "hugo" || key == "config" ? path : key + "." + path] = value
            }
        }
        return values.isEmpty ? nil : (values, rootFile)
    }

    private static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every value by its dotted path (`languages.fr.title`), as text or a list of texts; TOML
    /// read as the YAML that holds the same tree.
    package static func values(of text: String, toml: Bool) -> [String: SiteConfigValue] {
        let yaml = toml ? (try? TOMLDocument.parse(text)).map { TOMLDocument.yaml($0).text } : text
        guard let yaml, let node = try? YAMLSource.compose(yaml: yaml) else { return [:] }
        var values: [String: SiteConfigValue] = [:]
        flatten(node, prefix: "", into: &values)
        return values
    }

    private static func flatten(_ node: Node, prefix: String, into values: inout [String: SiteConfigValue]) {
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                guard let name = key.scalarText else { continue }
                flatten(value, prefix: prefix.isEmpty ? name : prefix + "." + name, into: &values)
            }
        case .sequence:
            values[prefix] = .list(node.scalarList ?? [])
        case let .scalar(scalar):
            values[prefix] = .text(scalar.string)
        default:
            break
        }
    }

    /// Hugo: keys in any case; languages under `languages.<code>` with `title`, `languageName`
    /// and `weight`.
    package static func hugo(_ raw: [String: SiteConfigValue], file: String) -> GeneratorSite {
        let values = Dictionary(raw.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        var site = GeneratorSite(conventions: .hugo, configFile: file)
        site.baseURL = values["baseurl"]?.text
        site.title = values["title"]?.text
        site.defaultLanguage = values["defaultcontentlanguage"]?.text ?? values["languagecode"]?.text.map { String($0.prefix(2)) }
        site.defaultLanguageInSubdir = values["defaultcontentlanguageinsubdir"]?.text == "true"
        site.contentFolder = values["contentdir"]?.text ?? "content"
        site.timeZone = values["timezone"]?.text
        site.disablePathToLower = values["disablepathtolower"]?.text == "true"
        site.removePathAccents = values["removepathaccents"]?.text == "true"
        for (key, value) in values {
            // `permalinks.jobs`, or `permalinks.page.jobs` as later versions write it.
            let parts = key.split(separator: ".")
            guard parts.first == "permalinks", parts.count == 2 || parts.count == 3 && parts[1] == "page", let pattern = value.text else { continue }
            site.sectionPermalinks[String(parts[parts.count - 1])] = pattern
        }
        let codes = Set(values.keys.compactMap { key -> String? in
            let parts = key.split(separator: ".")
            return parts.count >= 3 && parts[0] == "languages" ? String(parts[1]) : nil
        })
        for code in codes {
            if let folder = values["languages.\(code).contentdir"]?.text { site.languageContentFolders[code] = folder }
        }
        site.languages = codes.map { code in
            Language(code: code, title: values["languages.\(code).title"]?.text ?? values["languages.\(code).params.title"]?.text,
                     weight: Int(values["languages.\(code).weight"]?.text ?? "") ?? 100,
                     locale: Language.locale(values["languages.\(code).languagecode"]?.text))
        }.sorted { ($0.weight, $0.code) < ($1.weight, $1.code) }
        if site.languages.isEmpty, let code = site.defaultLanguage {
            site.languages = [Language(code: code, title: site.title, weight: 1, locale: Language.locale(values["languagecode"]?.text))]
        }
        return site
    }

    /// Jekyll: `url` plus `baseurl`, `title`, `timezone`, and `lang` or `languages` (jekyll-polyglot).
    package static func jekyll(_ values: [String: SiteConfigValue]) -> GeneratorSite {
        var site = GeneratorSite(conventions: .jekyll, configFile: "_config.yml")
        if let url = values["url"]?.text {
            let path = values["baseurl"]?.text ?? ""
            site.baseURL = url.hasSuffix("/") || path.isEmpty ? url + path : url + (path.hasPrefix("/") ? path : "/" + path)
        }
        site.title = values["title"]?.text
        site.timeZone = values["timezone"]?.text
        site.permalinkStyle = values["permalink"]?.text
        if let folder = values["collections_dir"]?.text?.trimmingCharacters(in: CharacterSet(charactersIn: "/")), !folder.isEmpty {
            site.contentFolder = folder
        }
        for (key, value) in values {
            let parts = key.split(separator: ".")
            if parts.count == 3, parts[0] == "collections", parts[2] == "permalink", let pattern = value.text {
                site.collectionPermalinks[String(parts[1])] = pattern
            }
            if parts.count == 3, parts[0] == "collections", parts[2] == "output", value.text == "true" {
                site.outputCollections.insert(String(parts[1]))
            }
        }
        let codes: [String]
        if case let .list(list)? = values["languages"] { codes = list } else { codes = [values["lang"]?.text ?? values["default_lang"]?.text].compactMap { $0 } }
        site.languages = codes.enumerated().map { Language(code: $1, title: site.title, weight: $0) }
        site.defaultLanguage = values["default_lang"]?.text ?? codes.first
        return site
    }
}
