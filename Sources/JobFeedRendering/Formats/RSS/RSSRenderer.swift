import Foundation
import JobFeedCore

/// RSS 2.0 element and attribute names, with the Atom and content-module extensions.
package enum RSS: String, XMLVocabulary {
    case rss, version, channel, title, link, description, language, lastBuildDate, generator, item, guid
    case isPermaLink, pubDate, category
    case xmlnsAtom = "xmlns:atom"
    case xmlnsContent = "xmlns:content"
    case atomLink = "atom:link"
    case href, rel, type
    case contentEncoded = "content:encoded"

    package static let atomNamespace = "http://www.w3.org/2005/Atom"
    package static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
}

/// Writes `feeds/<lang>/rss.xml`: the language's active postings, newest first.
package struct RSSRenderer: FeedFormat {
    package let context: FeedContext

    package static let fileName = "rss.xml"
    package static let name = "rss"

    package func header(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.start(RSS.rss)
        try xml.attribute(RSS.version, "2.0")
        try xml.attribute(RSS.xmlnsAtom, RSS.atomNamespace)
        try xml.attribute(RSS.xmlnsContent, RSS.contentNamespace)
        try xml.attribute(JobFields.xmlns, JobFields.namespace)
        try xml.start(RSS.channel)
        try xml.element(RSS.title, context.language.feedTitle)
        try xml.element(RSS.link, context.listingURL)
        try xml.element(RSS.description, HTMLEscaping.text(context.language.feedDescription))
        try xml.element(RSS.language, context.language.locale.lowercased())
        try xml.element(RSS.lastBuildDate, DateFormats.rfc822(context.updated))
        try xml.element(RSS.generator, "\(Generator.name) \(Generator.version)")
        try xml.empty(RSS.atomLink, attributes: [.href: context.feedURL(Self.fileName), .rel: "self", .type: "application/rss+xml"])
        if let hub = context.hub { try xml.empty(RSS.atomLink, attributes: [.href: hub, .rel: "hub"]) }
    }

    package func item(_ entry: RenderedEntry, _ xml: XMLWriter) throws(XMLWriterError) {
        let posting = entry.posting
        try xml.start(RSS.item)
        try xml.element(RSS.title, posting.title)
        try xml.element(RSS.link, posting.url)
        try xml.start(RSS.guid)
        try xml.attribute(RSS.isPermaLink, "true")
        try xml.text(posting.url)
        try xml.end()
        try xml.element(RSS.pubDate, DateFormats.rfc822(posting.datePosted))
        // RSS readers render <description> as HTML: the summary is text, so it is escaped as
        // HTML first (and as XML by the writer), and `<` or `<!--` in it never cuts it short.
        try xml.element(RSS.description, HTMLEscaping.text(entry.summary))
        try xml.element(RSS.contentEncoded, entry.body.feedHTML)
        for category in posting.categories { try xml.element(RSS.category, category) }
        try JobFields.write(posting, company: context.organization.name(in: posting.language), xml)
        try xml.end()
    }

    package func footer(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.end()
        try xml.end()
    }

    package init(context: FeedContext) {
        self.context = context
    }
}

/// jobfeed's name and version, as feeds' `generator` and `jobfeed --version` give them.
public enum Generator {
    public static let name = "jobfeed"
    public static let version = "0.1.0"
}
