/// Where a posting's page, its apply link, a language's listing, the feeds and the exports are served (`urls:`).
public struct URLTemplates: Sendable {
    /// Where a posting's page lives, relative to the base URL or absolute.
    public var posting: URLTemplate
    /// Where applicants apply; a posting's own `applyUrl` wins, and the posting page is the fallback.
    public var apply: URLTemplate?
    /// The page listing a language's postings (the feeds' alternate link).
    public var listing: URLTemplate
    /// The folder URL where a language's feeds are served.
    public var feeds: URLTemplate
    /// The folder URL where the exports are served (a sitemap index links its parts there).
    public var exports: URLTemplate

    /// The exports folder's URL.
    package func exportsURL(base: String) -> String {
        (try? exports.expand(base: base, values: { _ in nil }).get()) ?? base
    }

    package init(posting: URLTemplate, apply: URLTemplate? = nil, listing: URLTemplate, feeds: URLTemplate, exports: URLTemplate) {
        self.posting = posting
        self.apply = apply
        self.listing = listing
        self.feeds = feeds
        self.exports = exports
    }
}
