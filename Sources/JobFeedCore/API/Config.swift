import Foundation

/// Everything `jobfeed.yml` says, resolved: absolute folders, a parsed time zone, checked templates.
public struct Config: Sendable {
    /// The site's root URL, always ending in `/`.
    public var baseURL: String
    public var timeZone: TimeZone
    public var postingsDirectory: URL
    public var feedsDirectory: URL
    public var exportsDirectory: URL
    /// Where jobfeed keeps what it needs for itself (last-good copies, the build record, the
    /// lock, the publication journal): never inside a published folder.
    public var stateDirectory: URL
    public var languages: [LanguageConfig]
    public var urls: URLTemplates
    public var organization: Organization
    /// A value for any posting field a posting leaves out, by canonical field name.
    package var defaults: DefaultValues
    /// Where each canonical field a site renames (or its conventions rename) is found.
    public var fieldSources: [PostingField: FieldSource]
    /// The site generator's conventions (`conventions:`), which supply field sources and rules.
    public var conventions: SiteConventions = .none
    /// Whether front-matter keys match in any case (on for Hugo sites; `caseInsensitiveKeys:`).
    public var caseInsensitiveKeys = false
    /// The language of a posting whose folder, file name and `lang:` say nothing (`defaultLanguage:`).
    public var defaultLanguage: String?
    /// The WebSub hub the feeds name, and that each build which changes a feed notifies (`websub: {hub:}`).
    public var websubHub: String?
    /// Whether each feed and combined export gets a `.gz` twin (`gzip:`).
    public var gzip = false
    /// Whether the large outputs' old versions are kept in the state folder for the next build
    /// to write over (`spares:`; see `SpareFile`).
    public var spares = true
    /// The formats the site publishes, by id (`outputs:`); nil for all of them.
    public var outputs: Set<String>?
    /// Values that mean "not known yet" (`tbd`, `TBA`, `XXX`): no value, with a warning.
    public var placeholders: Set<String> = Config.defaultPlaceholders
    /// Files and folders below the postings folder that are not postings (`exclude:`): glob
    /// patterns; one without a `/` matches a name at any depth, one with a `/` the path from the
    /// postings folder.
    public var exclude: [String] = []
    /// Whether the default language's pages live under `/<lang>/` like the others'
    /// (`defaultLanguageInSubdir:`, Hugo's `defaultContentLanguageInSubdir`): `{langPrefix}` is
    /// empty for them when not.
    public var defaultLanguageInSubdir = true
    /// Hugo's path rules under `conventions: hugo` (the site's own `disablePathToLower:` and
    /// `removePathAccents:`): slugs keep their case, or lose their accents, as its pages do.
    public var disablePathToLower = false
    public var removePathAccents = false
    /// Under `conventions: hugo`, the section pages whose `cascade:` the postings inherit, and
    /// the folder Hugo's page paths start from (what a cascade's `_target: {path:}` matches).
    public var sectionPages: [SectionPage] = []
    public var contentFolder: String?
    /// The site generator's own config beside this one, which a build reads too: Jekyll's
    /// `_config.yml` (its `defaults:` and `exclude:`), Hugo's `hugo.toml` or `config.toml`, YAML
    /// or JSON (its `cascade`).
    public var generatorConfig: SiteFile?
    /// Hugo's names for its config, in the order it looks for them.
    public static let hugoConfigNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]

    public static let defaultPlaceholders: Set<String> = ["tbd", "tba", "tbc", "xxx", "n/a", "na", "to be determined", "to be announced", "à déterminer", "à venir"]
    public var limits: Limits
    /// A stable hash of the config text and the folder overrides: what a build record keys on.
    package var fingerprint: UInt64 = 0

    /// `{langPrefix}` in URL templates: the language's code and a `/`, or nothing for the
    /// default language when its pages are at the site's root.
    public func languagePrefix(_ code: String) -> String {
        code == defaultLanguage && !defaultLanguageInSubdir ? "" : code + "/"
    }

    /// The values every URL template of a language's pages may name: `{lang}`, `{langPrefix}`.
    package func languageValue(_ name: String, code: String) -> String? {
        switch name {
        case "lang": return code
        case "langPrefix": return languagePrefix(code)
        default: return nil
        }
    }

    public func language(_ code: String) -> LanguageConfig? {
        languages.first { $0.code == code }
    }

    public var languageCodes: [String] { languages.map(\.code) }

    /// Every field's source and the first keys they read, resolved once when the config loads
    /// (they are asked for on every field of every posting).
    package private(set) var resolvedSources: [PostingField: FieldSource] = [:]
    /// Each field's first key as written on this site (`FieldSource.name`, joined from its
    /// path), resolved with the sources: asked for every field of every posting, for the
    /// lines of its diagnostics.
    package private(set) var resolvedKeys: [PostingField: String] = [:]
    /// The top-level keys some field reads, folded to lower case when keys match in any case.
    package private(set) var readKeys: Set<String> = []

    /// Resolves every field's source: the config's mapping, else the conventions', else the
    /// canonical name. Call when the mapping, the conventions or the key matching change.
    package mutating func resolveSources() {
        resolvedSources = Dictionary(uniqueKeysWithValues: PostingField.allCases.map { field in
            (field, fieldSources[field] ?? conventions.defaultSource(for: field) ?? FieldSource(field.rawValue))
        })
        resolvedKeys = resolvedSources.mapValues(\.name)
        readKeys = Set(resolvedSources.values.flatMap { $0.paths.compactMap { caseInsensitiveKeys ? $0.first?.lowercased() : $0.first } })
    }

    /// Where a canonical field is found on this site.
    public func source(for field: PostingField) -> FieldSource {
        resolvedSources[field] ?? fieldSources[field] ?? conventions.defaultSource(for: field) ?? FieldSource(field.rawValue)
    }

    /// How the field's first key is written on this site, for messages.
    public func sourceKey(for field: PostingField) -> String {
        resolvedKeys[field] ?? source(for: field).name
    }

    package init(baseURL: String, timeZone: TimeZone, postingsDirectory: URL, feedsDirectory: URL, exportsDirectory: URL, stateDirectory: URL, languages: [LanguageConfig], urls: URLTemplates, organization: Organization, defaults: DefaultValues, fieldSources: [PostingField: FieldSource], conventions: SiteConventions = .none, defaultLanguage: String? = nil, websubHub: String? = nil, outputs: Set<String>? = nil, placeholders: Set<String> = Config.defaultPlaceholders, limits: Limits, fingerprint: UInt64 = 0) {
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.postingsDirectory = postingsDirectory
        self.feedsDirectory = feedsDirectory
        self.exportsDirectory = exportsDirectory
        self.stateDirectory = stateDirectory
        self.languages = languages
        self.urls = urls
        self.organization = organization
        self.defaults = defaults
        self.fieldSources = fieldSources
        self.conventions = conventions
        self.defaultLanguage = defaultLanguage
        self.websubHub = websubHub
        self.outputs = outputs
        self.placeholders = placeholders
        self.limits = limits
        self.fingerprint = fingerprint
    }
}
