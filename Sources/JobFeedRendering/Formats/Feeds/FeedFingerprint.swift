import Foundation
import JobFeedCore

/// Everything a feed's bytes depend on within one config: its format, its header's date, and
/// each active posting of its language in order, by file stamp, URL and translation links.
/// When a rebuild finds the same fingerprint and the file as it was written, the feed is left
/// as it is without being rendered (the other language's feeds, after an edit).
///
/// Each posting's share is hashed once per build, not once per feed (six feeds of 10,000
/// postings each took 4% of a cron build).
package struct FeedFingerprints: Sendable {
    /// The active postings' shares, per language, in feed order.
    private let shares: [String: [UInt64]]

    package init(_ entries: [CatalogEntry]) {
        var shares: [String: [UInt64]] = [:]
        for entry in entries where entry.status == .active {
            let posting = entry.posting
            var hash = StableHash()
            hash.add(posting.source.absolutePath)
            if let stamp = posting.source.stamp { hash.add(stamp) } else { hash.add("no stamp") }
            hash.add(posting.url)
            for translation in entry.translations { hash.add(translation.language + " " + translation.url) }
            shares[posting.language, default: []].append(hash.value)
        }
        self.shares = shares
    }

    package func of(_ format: String, _ feed: FeedContext) -> UInt64 {
        var hash = StableHash()
        hash.add(format)
        hash.add(feed.language.code)
        hash.add(UInt64(bitPattern: Int64(feed.updated.seconds)))
        for share in shares[feed.language.code] ?? [] { hash.add(share) }
        return hash.value
    }
}
