import Foundation
import JobFeedCore

/// One feed dialect (RSS, Atom): what comes before the items, each item, and what closes the
/// document. `FeedOutput` makes each dialect an output format with a feed per language.
package protocol FeedFormat: Sendable {
    static var fileName: String { get }
    /// Names the format in the watcher's cache of item bytes.
    static var name: String { get }
    init(context: FeedContext)
    func header(_ xml: XMLWriter) throws(XMLWriterError)
    func item(_ entry: RenderedEntry, _ xml: XMLWriter) throws(XMLWriterError)
    func footer(_ xml: XMLWriter) throws(XMLWriterError)
}

/// What both feed renderers need for one language.
package struct FeedContext: Sendable {
    package let language: LanguageConfig
    package let updated: Timestamp
    package let listingURL: String
    package let feedsFolderURL: String
    package let organization: Organization
    /// The WebSub hub subscribers are told of, if any.
    package let hub: String?

    package init(language: LanguageConfig, catalog: Catalog, config: Config) {
        let values: (String) -> String? = { config.languageValue($0, code: language.code) }
        self.language = language
        updated = catalog.lastChange(in: language.code)
        listingURL = (try? config.urls.listing.expand(base: config.baseURL, values: values).get()) ?? config.baseURL
        feedsFolderURL = Self.feedsFolderURL(language.code, config: config) ?? config.baseURL
        organization = config.organization
        hub = config.websubHub
    }

    /// A language's feed file of this name: `feeds/<lang>/<name>`.
    package static func file(_ name: String, language: String, config: Config) -> URL {
        config.feedsDirectory.appendingPathComponent(language).appendingPathComponent(name)
    }

    /// Every language's feed of this name, and where it is served.
    package static func feeds(named name: String, config: Config) -> [(file: URL, url: String)] {
        config.languageCodes.map { code in
            (file(name, language: code, config: config),
             feedsFolderURL(code, config: config).map { URLResolver.resolve(name, against: $0) } ?? config.baseURL)
        }
    }

    /// Where a language's feeds are served (`urls.feeds`).
    package static func feedsFolderURL(_ language: String, config: Config) -> String? {
        try? config.urls.feeds.expand(base: config.baseURL, values: { config.languageValue($0, code: language) }).get()
    }

    package func feedURL(_ file: String) -> String {
        URLResolver.resolve(file, against: feedsFolderURL)
    }
}
