import Foundation
import JobFeedCore

/// Everything a feed's bytes depend on within one config: its format, its header's date, and
/// each active posting of its language in order, by file stamp, URL and translation links.
/// When a rebuild finds the same fingerprint and the file as it was written, the feed is left
/// as it is without being rendered (the other language's feeds, after an edit).
package enum FeedFingerprint {
    package static func of(_ format: String, _ feed: FeedContext, _ entries: [CatalogEntry]) -> UInt64 {
        var hash = StableHash()
        hash.add(format)
        hash.add(feed.language.code)
        hash.add(String(feed.updated.seconds))
        for entry in entries where entry.status == .active && entry.posting.language == feed.language.code {
            let posting = entry.posting
            hash.add(posting.source.absolutePath)
            if let stamp = posting.source.stamp { hash.add(stamp) } else { hash.add("no stamp") }
            hash.add(posting.url)
            for translation in entry.translations { hash.add(translation.language + " " + translation.url) }
        }
        return hash.value
    }
}
