import Foundation
import JobFeedCore
import Yams

/// Folders given on the command line, which win over the config's.
public struct FolderOverrides: Sendable {
    public var postings: String?
    public var feeds: String?
    public var exports: String?
    public var state: String?

    public init(postings: String? = nil, feeds: String? = nil, exports: String? = nil, state: String? = nil) {
        self.postings = postings
        self.feeds = feeds
        self.exports = exports
        self.state = state
    }
}

extension Config {
    package static let topLevelKeys = [
        "baseURL", "timeZone", "postings", "feeds", "exports", "state", "languages", "urls", "organization",
        "defaults", "fields", "limits", "conventions", "caseInsensitiveKeys", "defaultLanguage", "placeholders", "outputs", "gzip", "spares", "websub",
        "exclude", "disablePathToLower", "removePathAccents", "defaultLanguageInSubdir",
    ]

    /// Reads and checks `jobfeed.yml`; throws every problem found, each at its line.
    /// `outputs`: the names of the output formats a site may turn on, which only the rendering
    /// layer knows (the public `load` in the publishing layer passes them).
    package static func load(from file: URL, overrides: FolderOverrides = FolderOverrides(), outputs: [String]) throws(DiagnosticError) -> Config {
        let display = DisplayPath.of(file)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw DiagnosticError(.error("cannot read the config file; create it or pass --config PATH", at: SourceLocation(file: display)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("the config file is not UTF-8 text", at: SourceLocation(file: display)))
        }
        return try parse(text, file: display, folder: file.deletingLastPathComponent(), overrides: overrides, outputs: outputs)
    }

    /// Reads config text; folders are resolved against `folder`.
    package static func parse(_ text: String, file display: String, folder: URL, overrides: FolderOverrides = FolderOverrides(), outputs: [String]) throws(DiagnosticError) -> Config {
        let source = YAMLSource(file: display, lineOffset: 0)
        let root: Node
        switch source.compose(text) {
        case let .success(node?): root = node
        case .success(nil): throw DiagnosticError(.error("the config file is empty; see README.md for its keys", at: SourceLocation(file: display)))
        case let .failure(error): throw error
        }
        var reader = MappingReader(root, path: "", source: source)
        let config = read(&reader, folder: folder, overrides: overrides, outputs: outputs)
        reader.rejectUnknownKeys(topLevelKeys)
        guard var config, reader.diagnostics.isEmpty else {
            throw DiagnosticError(reader.diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        var hash = StableHash()
        hash.add(text)
        for folder in [config.postingsDirectory, config.feedsDirectory, config.exportsDirectory, config.stateDirectory] { hash.add(folder.path) }
        config.fingerprint = hash.value
        try config.findSectionPages(configFolder: folder)
        try config.readGeneratorConfig(configFolder: folder)
        return config
    }

    private static func read(_ reader: inout MappingReader, folder: URL, overrides: FolderOverrides, outputs: [String]) -> Config? {
        let baseURL = readBaseURL(&reader)
        let timeZone = readTimeZone(&reader)
        let languages = readLanguages(&reader)
        let urls = readURLTemplates(&reader)
        let organization = readOrganization(&reader, languages: languages.map(\.code))
        let defaults = readDefaults(&reader)
        let fieldSources = readFieldSources(&reader)
        let limits = readLimits(&reader)
        func folderURL(_ key: String, _ override: String?, _ fallback: String) -> URL {
            let path = override ?? reader.string(key) ?? fallback
            return URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
        }
        let postings = folderURL("postings", overrides.postings, "postings")
        let feeds = folderURL("feeds", overrides.feeds, "feeds")
        let exports = folderURL("exports", overrides.exports, "exports")
        let state = folderURL("state", overrides.state, StateFolder.defaultName)
        guard let baseURL, let timeZone, let urls, let organization else { return nil }
        guard !StateFolder.overlaps(state, published: [feeds, exports]) else {
            reader.fail("'state' must be a folder of its own, outside 'feeds' and 'exports' (what jobfeed keeps for itself is never published); the default is \(StateFolder.defaultName)/ beside the config", at: reader.value("state"))
            return nil
        }
        var config = Config(
            baseURL: baseURL, timeZone: timeZone, postingsDirectory: postings, feedsDirectory: feeds,
            exportsDirectory: exports, stateDirectory: state, languages: languages, urls: urls, organization: organization,
            defaults: defaults, fieldSources: fieldSources, limits: limits)
        readSiteRules(&reader, into: &config, outputs: outputs)
        config.resolveSources()
        return config
    }

    private static func readBaseURL(_ reader: inout MappingReader) -> String? {
        guard let text = reader.string("baseURL", required: true) else { return nil }
        guard URLResolver.isAbsoluteHTTP(text) else {
            reader.fail("'baseURL' must be an absolute http(s) URL such as https://careers.example.org/", at: reader.value("baseURL"))
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    private static func readTimeZone(_ reader: inout MappingReader) -> TimeZone? {
        let name = reader.string("timeZone") ?? "UTC"
        guard let zone = TimeZone(identifier: name) else {
            reader.fail("unknown time zone '\(name)'; use an IANA name such as America/Toronto", at: reader.value("timeZone"))
            return nil
        }
        return zone
    }
}
