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
///
/// Each posting's share is hashed once per build, not once per output (six feeds of 10,000
/// postings each took 4% of a cron build).
package struct OutputFingerprints: Sendable {
    /// The active postings' shares, per language, in feed order.
    private let shares: [String: [UInt64]]
    /// The published postings' shares, hashed in catalog order.
    private let published: UInt64

    package init(_ entries: [CatalogEntry]) {
        var shares: [String: [UInt64]] = [:]
        var published = StableHash()
        for entry in entries where entry.status.isPublished {
            let posting = entry.posting
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
}
