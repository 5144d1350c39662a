import Foundation

/// RSS 2.0 element and attribute names, with the Atom and content-module extensions.
enum RSS: String, XMLVocabulary {
    case rss, version, channel, title, link, description, language, lastBuildDate, generator, item, guid
    case isPermaLink, pubDate, category
    case xmlnsAtom = "xmlns:atom"
    case xmlnsContent = "xmlns:content"
    case atomLink = "atom:link"
    case href, rel, type
    case contentEncoded = "content:encoded"

    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
}

/// Writes `feeds/<lang>/rss.xml`: the language's active postings, newest first.
struct RSSRenderer: FeedFormat {
    let context: FeedContext

    static let fileName = "rss.xml"
    static let name = "rss"

    func header(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.start(RSS.rss)
        try xml.attribute(RSS.version, "2.0")
        try xml.attribute(RSS.xmlnsAtom, RSS.atomNamespace)
        try xml.attribute(RSS.xmlnsContent, RSS.contentNamespace)
        try xml.start(RSS.channel)
        try xml.element(RSS.title, context.language.feedTitle)
        try xml.element(RSS.link, context.listingURL)
        try xml.element(RSS.description, context.language.feedDescription)
        try xml.element(RSS.language, context.language.locale.lowercased())
        try xml.element(RSS.lastBuildDate, DateFormats.rfc822(context.updated))
        try xml.element(RSS.generator, "\(Generator.name) \(Generator.version)")
        try xml.empty(RSS.atomLink, attributes: [.href: context.feedURL(Self.fileName), .rel: "self", .type: "application/rss+xml"])
    }

    func item(_ entry: RenderedEntry, _ xml: XMLWriter) throws(XMLWriterError) {
        let posting = entry.posting
        try xml.start(RSS.item)
        try xml.element(RSS.title, posting.title)
        try xml.element(RSS.link, posting.url)
        try xml.start(RSS.guid)
        try xml.attribute(RSS.isPermaLink, "true")
        try xml.text(posting.url)
        try xml.end()
        try xml.element(RSS.pubDate, DateFormats.rfc822(posting.datePosted))
        try xml.element(RSS.description, entry.summary)
        try xml.element(RSS.contentEncoded, entry.body.feedHTML)
        for category in posting.categories { try xml.element(RSS.category, category) }
        try xml.end()
    }

    func footer(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.end()
        try xml.end()
    }
}

/// One feed dialect: what comes before the items, each item, and what closes the document.
protocol FeedFormat: Sendable {
    static var fileName: String { get }
    /// Names the format in the watcher's cache of item bytes.
    static var name: String { get }
    func header(_ xml: XMLWriter) throws(XMLWriterError)
    func item(_ entry: RenderedEntry, _ xml: XMLWriter) throws(XMLWriterError)
    func footer(_ xml: XMLWriter) throws(XMLWriterError)
}

/// What both feed renderers need for one language.
struct FeedContext: Sendable {
    let language: LanguageConfig
    let updated: Timestamp
    let listingURL: String
    let feedsFolderURL: String
    let organization: Organization

    init(language: LanguageConfig, catalog: Catalog, config: Config) {
        let values: (String) -> String? = { $0 == "lang" ? language.code : nil }
        self.language = language
        updated = catalog.lastChange(in: language.code)
        listingURL = (try? config.urls.listing.expand(base: config.baseURL, values: values).get()) ?? config.baseURL
        feedsFolderURL = (try? config.urls.feeds.expand(base: config.baseURL, values: values).get()) ?? config.baseURL
        organization = config.organization
    }

    func feedURL(_ file: String) -> String {
        URLResolver.resolve(file, against: feedsFolderURL)
    }
}

enum Generator {
    static let name = "jobfeed"
    static let version = "0.1.0"
}
