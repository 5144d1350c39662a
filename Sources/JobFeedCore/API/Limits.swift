/// Sizes above which a posting is refused with an error rather than read, so that a runaway
/// file cannot exhaust memory or produce a feed no reader can load.
public struct Limits: Sendable, Hashable {
    public var maxFileBytes = 5_000_000
    public var maxTitleLength = 500
    /// URLs per sitemap file (the protocol allows 50,000); past it, `sitemap.xml` is an index.
    public var sitemapURLs = 50_000
    /// Items per subscriber feed (RSS, Atom, JSON Feed), newest first; nil for all. The
    /// aggregator exports (JSON-LD, CSV, Indeed, sitemap) always hold every active job.
    public var feedItems: Int?

    public init() {}
}
