import Foundation
import JobFeedCore

/// Everything an output's bytes depend on within one config, so that a rebuild that finds the
/// same fingerprint, and the file as it was written, leaves the output as it is, unrendered.
///
/// - A feed: its format, its header's date, and each active posting of its language in order,
///   by file stamp, URL and translation links (the other language's feeds, after an edit).
/// - A site-wide export: its format, what its header reads (the caller's `header`), and every
///   published posting in order, by file stamp, URL, status and translations with their
///   status (all of them, after an edit to a draft or an embargoed posting).
/// - The sitemap: each active posting's page, in order, by what its entry reads (URL, date of
///   change, live translations), not by its file: an edit to a posting's text leaves it as it
///   is, unrendered (at 10,000 postings, every cron build rendered it again to the same bytes).
///
/// Each posting's share is hashed once per build, not once per output (six feeds of 10,000
/// postings each took 4% of a cron build).
package struct OutputFingerprints: Sendable {
    /// The active postings' shares, per language, in feed order.
    private let shares: [String: [UInt64]]
    /// The published postings' shares, hashed in catalog order.
    private let published: UInt64
    /// The active postings' pages, hashed in catalog order.
    private let pages: UInt64

    /// What one published posting adds to the fingerprints: hashed on any core, as the
    /// postings are independent (a tenth of a cron build's one-core stretch before rendering).
    package struct Share: Sendable {
        /// What a feed's fingerprint takes of it.
        let feed: UInt64
        /// What a site-wide export's takes of it: the feed's share, its status and its
        /// translations' statuses.
        let published: UInt64
        /// When active: its language (its feeds') and what the sitemap's fingerprint takes of it.
        let active: (language: String, page: UInt64)?

        /// Nil for a posting that is not published (in no output).
        package init?(_ entry: CatalogEntry) {
            guard entry.status.isPublished else { return nil }
            let posting = entry.posting
            let translations = entry.translations
            var hash = StableHash()
            hash.add(posting.source.absolutePath)
            if let stamp = posting.source.stamp { hash.add(stamp) } else { hash.add("no stamp") }
            hash.add(posting.url)
            for translation in translations {
                hash.add(translation.language)
                hash.add(translation.url)
            }
            feed = hash.value
            hash.add(entry.status.rawValue)
            for translation in translations { hash.add(translation.status.rawValue) }
            published = hash.value
            guard entry.status == .active else {
                active = nil
                return
            }
            var page = StableHash()
            page.add(posting.language)
            page.add(posting.url)
            page.add(UInt64(bitPattern: posting.dateModified.seconds))
            page.add(posting.dateModified.isDateOnly ? "date" : "time")
            for translation in translations where translation.status == .active {
                page.add(translation.language)
                page.add(translation.url)
            }
            active = (posting.language, page.value)
        }
    }

    /// The fingerprints of the published postings' `shares`, in catalog order.
    package init(shares: [Share?]) {
        var feeds: [String: [UInt64]] = [:]
        var published = StableHash()
        var pages = StableHash()
        for case let share? in shares {
            published.add(share.published)
            guard let active = share.active else { continue }
            feeds[active.language, default: []].append(share.feed)
            pages.add(active.page)
        }
        self.shares = feeds
        self.published = published.value
        self.pages = pages.value
    }

    package func of(_ format: String, _ feed: FeedContext) -> UInt64 {
        var hash = StableHash()
        hash.add(format)
        hash.add(feed.language.code)
        hash.add(UInt64(bitPattern: Int64(feed.updated.seconds)))
        for share in shares[feed.language.code] ?? [] { hash.add(share) }
        return hash.value
    }

    /// A site-wide export's: `header`, what its bytes read besides the postings (a date).
    package func ofExport(_ format: String, header: UInt64 = 0) -> UInt64 {
        Self.siteWide(format, header: header, postings: published)
    }

    /// The sitemap's: its pages only.
    package func ofPages(_ format: String) -> UInt64 {
        Self.siteWide(format, header: 0, postings: pages)
    }

    private static func siteWide(_ format: String, header: UInt64, postings: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(format)
        hash.add(header)
        hash.add(postings)
        return hash.value
    }
}
