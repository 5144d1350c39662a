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

    package init(_ entries: [CatalogEntry]) {
        var shares: [String: [UInt64]] = [:]
        var published = StableHash()
        var pages = StableHash()
        for entry in entries where entry.status.isPublished {
            let posting = entry.posting
            if entry.status == .active { Self.addPage(entry, to: &pages) }
            var hash = StableHash()
            hash.add(posting.source.absolutePath)
            if let stamp = posting.source.stamp { hash.add(stamp) } else { hash.add("no stamp") }
            hash.add(posting.url)
            for translation in entry.translations {
                hash.add(translation.language)
                hash.add(translation.url)
            }
            if entry.status == .active { shares[posting.language, default: []].append(hash.value) }
            hash.add(entry.status.rawValue)
            for translation in entry.translations { hash.add(translation.status.rawValue) }
            published.add(hash.value)
        }
        self.shares = shares
        self.published = published.value
        self.pages = pages.value
    }

    private static func addPage(_ entry: CatalogEntry, to hash: inout StableHash) {
        let posting = entry.posting
        hash.add(posting.language)
        hash.add(posting.url)
        hash.add(UInt64(bitPattern: posting.dateModified.seconds))
        hash.add(posting.dateModified.isDateOnly ? "date" : "time")
        for translation in entry.translations where translation.status == .active {
            hash.add(translation.language)
            hash.add(translation.url)
        }
        hash.add("end of page")
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
        var hash = StableHash()
        hash.add(format)
        hash.add(header)
        hash.add(published)
        return hash.value
    }

    /// The sitemap's (`header` as for an export).
    package func ofPages(_ format: String, header: UInt64 = 0) -> UInt64 {
        var hash = StableHash()
        hash.add(format)
        hash.add(header)
        hash.add(pages)
        return hash.value
    }
}
