import Foundation
import JobFeedCore

/// Atom 1.0 element and attribute names.
package enum Atom: String, XMLVocabulary {
    case feed, xmlns, id, title, subtitle, updated, published, author, name, uri, link, generator
    case entry, summary, content, category, term, href, rel, type, hreflang, version
    case xmlLang = "xml:lang"

    package static let namespace = "http://www.w3.org/2005/Atom"
}

/// Writes `feeds/<lang>/atom.xml`, linking each entry to its translations.
package struct AtomRenderer: FeedFormat {
    package let context: FeedContext

    package static let fileName = "atom.xml"
    package static let name = "atom"

    package func header(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.start(Atom.feed)
        try xml.attribute(Atom.xmlns, Atom.namespace)
        try xml.attribute(Atom.xmlLang, context.language.locale)
        try xml.attribute(JobFields.xmlns, JobFields.namespace)
        try xml.element(Atom.id, context.feedURL(Self.fileName))
        try xml.element(Atom.title, context.language.feedTitle)
        try xml.element(Atom.subtitle, context.language.feedDescription)
        try xml.element(Atom.updated, DateFormats.rfc3339(context.updated))
        try author(xml)
        try xml.empty(Atom.link, attributes: [.rel: "self", .type: "application/atom+xml", .href: context.feedURL(Self.fileName)])
        if let hub = context.hub { try xml.empty(Atom.link, attributes: [.rel: "hub", .href: hub]) }
        try xml.empty(Atom.link, attributes: [.rel: "alternate", .type: "text/html", .href: context.listingURL])
        try xml.start(Atom.generator)
        try xml.attribute(Atom.version, Generator.version)
        try xml.text(Generator.name)
        try xml.end()
    }

    package func footer(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.end()
    }

    private func author(_ xml: XMLWriter) throws(XMLWriterError) {
        try xml.start(Atom.author)
        try xml.element(Atom.name, context.organization.name(in: context.language.code))
        if let url = context.organization.url { try xml.element(Atom.uri, url) }
        try xml.end()
    }

    package func item(_ entry: RenderedEntry, _ xml: XMLWriter) throws(XMLWriterError) {
        let posting = entry.posting
        try xml.start(Atom.entry)
        try xml.element(Atom.id, posting.url)
        try xml.element(Atom.title, posting.title)
        try xml.empty(Atom.link, attributes: [.rel: "alternate", .type: "text/html", .hreflang: posting.language, .href: posting.url])
        for translation in entry.translations {
            try xml.empty(Atom.link, attributes: [.rel: "alternate", .type: "text/html", .hreflang: translation.language, .href: translation.url])
        }
        try xml.element(Atom.published, DateFormats.rfc3339(posting.datePosted))
        try xml.element(Atom.updated, DateFormats.rfc3339(posting.dateModified))
        try xml.start(Atom.summary)
        try xml.attribute(Atom.type, "text")
        try xml.text(entry.summary)
        try xml.end()
        try xml.start(Atom.content)
        try xml.attribute(Atom.type, "html")
        try xml.text(entry.body.feedHTML)
        try xml.end()
        for category in posting.categories { try xml.empty(Atom.category, attributes: [.term: category]) }
        try JobFields.write(posting, company: context.organization.name(in: posting.language), xml)
        try xml.end()
    }

    package init(context: FeedContext) {
        self.context = context
    }
}
